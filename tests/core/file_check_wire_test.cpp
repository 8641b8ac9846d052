// file_check_wire_test.cpp - a file's checks through the compact bytes the municipality page's worker
// sends (core/file_check_wire.h) come back field for field, for every kind of file in the fixtures:
// accepted and rejected files, bundles (one check per member), follow-ups and goals, other
// questionnaire versions; and a record cut short is refused, never read past its end.
#include "core/bundle.h"
#include "core/file_check_wire.h"
#include "support/file_check_text.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string wire_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string checks_text(const std::vector<mf::FileCheck>& checks) {
    std::string out;
    for (const mf::FileCheck& c : checks) out += mf_test::file_check_text(c) + "--\n";
    return out;
}

TEST(FileCheckWire, EveryFixtureComesBackFieldForField) {
    const mf::Questionnaire& q = mf_test::shipped();
    std::vector<std::filesystem::path> paths;
    for (const char* folder : {"/tests/data/municipality", "/tests/data/aggregate", "/tests/data/goals"})
        for (const auto& entry : std::filesystem::directory_iterator(std::string(MF_SOURCE_DIR) + folder))
            if (entry.is_regular_file() && entry.path().extension() == ".json") paths.push_back(entry.path());
    ASSERT_GT(paths.size(), 25u);
    std::string all;
    std::vector<std::string> expected;
    std::size_t rows = 0, rejected = 0, members = 0;
    for (const auto& path : paths) {
        const std::vector<mf::FileCheck> checks = mf::check_results(wire_file_bytes(path), path.filename().string(), q);
        for (const mf::FileCheck& c : checks) (c.row ? rows : rejected) += 1;
        members += checks.size() > 1 ? checks.size() : 0;
        std::string one;
        mf::write_file_checks(one, checks);
        std::string_view in = one;
        std::vector<mf::FileCheck> back;
        ASSERT_TRUE(mf::read_file_checks(in, back)) << path;
        EXPECT_TRUE(in.empty()) << path;
        EXPECT_EQ(checks_text(back), checks_text(checks)) << path;
        // Cut short anywhere: refused.
        for (std::size_t cut : {std::size_t{0}, std::size_t{3}, one.size() / 3, one.size() / 2, one.size() - 1}) {
            std::string_view shorter = std::string_view(one).substr(0, cut);
            EXPECT_FALSE(mf::read_file_checks(shorter, back)) << path << " cut at " << cut;
        }
        all += one;
        expected.push_back(checks_text(checks));
    }
    EXPECT_GT(rows, 10u);
    EXPECT_GT(rejected, 5u);
    EXPECT_GT(members, 1u) << "a bundle among the fixtures";
    // One record after another, as a batch from the worker.
    std::string_view in = all;
    std::vector<mf::FileCheck> back;
    for (const std::string& text : expected) {
        ASSERT_TRUE(mf::read_file_checks(in, back));
        EXPECT_EQ(checks_text(back), text);
    }
    EXPECT_TRUE(in.empty());
}

} // namespace
