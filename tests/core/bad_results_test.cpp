// bad_results_test.cpp - the bad-input corpus for result files, through the core importer (natively
// and in wasm): every file in tests/data/results/bad/ gives exactly the messages listed for it in
// bad/expected.txt, in order (rejected exactly when one of them is an error), and every file there
// has its messages. Plus the 100 MB files, made here and deleted again (never committed): a result
// and a questionnaire, refused for their size without being read, and the same from memory.
//
// expected.txt holds one Diagnostic::to_string() per line with the file's base name as the file
// (tests/browser/expectations.mjs and tests/cli/validate.test.sh read the same lines).
#include "core/json_input.h"
#include "core/questionnaire_load.h"
#include "core/result.h"
#include "support/diagnostic_check.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdlib.h>

namespace {
using mf_test::shipped;

namespace fs = std::filesystem;
const std::string kResults = std::string(MF_SOURCE_DIR) + "/tests/data/results";

// name -> expected lines, in file order.
std::map<std::string, std::vector<std::string>> expectations() {
    std::map<std::string, std::vector<std::string>> out;
    std::ifstream in(kResults + "/bad/expected.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        out[line.substr(0, line.find(": "))].push_back(line);
    }
    return out;
}

std::string lines(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += "  " + x + "\n";
    return s;
}

// A file of `size` bytes that starts like a result (or questionnaire) and is padding after that.
void write_huge(const std::string& path, const std::string& format, std::size_t size) {
    std::ofstream out(path, std::ios::binary);
    const std::string head = "{\"format\": \"" + format + "\", \"formatVersion\": 1, \"padding\": \"";
    out << head;
    const std::string chunk(1 << 20, 'x');
    std::size_t left = size - head.size() - 3;
    while (left > 0) {
        const std::size_t n = left < chunk.size() ? left : chunk.size();
        out.write(chunk.data(), static_cast<std::streamsize>(n));
        left -= n;
    }
    out << "\"}\n";
}

} // namespace

TEST(BadResults, TheGoodFileImportsWithoutAnyMessage) {
    mf::ImportOutcome r = mf::import_result_file(kResults + "/good/result.json", shipped());
    ASSERT_TRUE(r.result.has_value());
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().to_string();
    EXPECT_TRUE(r.result->checksum_matches && r.result->same_questionnaire);
}

TEST(BadResults, EveryFileGivesExactlyItsExpectedMessages) {
    const auto expected = expectations();
    std::set<std::string> seen;
    for (const auto& entry : fs::directory_iterator(kResults + "/bad")) {
        if (entry.path().extension() != ".json") continue;
        const std::string name = entry.path().filename().string();
        seen.insert(name);
        auto want = expected.find(name);
        ASSERT_NE(want, expected.end()) << name << " has no expected messages in bad/expected.txt";

        mf::Diagnostics read;
        std::string bytes;
        ASSERT_TRUE(mf::read_file_bytes(entry.path().string(), bytes, read, mf::kMaxResultBytes)) << name;
        mf::ImportOutcome r = mf::import_result(bytes, name, shipped());
        std::vector<std::string> got;
        for (const mf::Diagnostic& d : r.diagnostics) got.push_back(d.to_string());
        mf_test::expect_coded(r.diagnostics);
        EXPECT_EQ(got, want->second) << name << ": got\n" << lines(got) << "expected\n" << lines(want->second);
        bool any_error = false;
        for (const std::string& line : want->second) any_error = any_error || line.find(": warning: ") == std::string::npos;
        EXPECT_EQ(r.result.has_value(), !any_error) << name << (any_error ? " must be rejected" : " must load (with warnings)");
    }
    for (const auto& e : expected) EXPECT_EQ(seen.count(e.first), 1u) << "bad/expected.txt lists " << e.first << ", which is not there";
    EXPECT_GE(seen.size(), 20u);
}

TEST(BadResults, HundredMegabyteFilesAreRefusedUnread) {
    // A folder of its own (mkdtemp): the native and sanitizer builds may run this test at once.
    std::string pattern = (fs::temp_directory_path() / "mf-huge-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr) << pattern;
    const fs::path dir = pattern;
    const std::size_t size = 100u << 20;
    const std::string result = (dir / "huge-result.json").string();
    const std::string questionnaire = (dir / "huge-questionnaire.json").string();
    write_huge(result, mf::kResultFormat, size);
    write_huge(questionnaire, mf::kQuestionnaireFormat, size);
    ASSERT_EQ(fs::file_size(result), size);

    mf::ImportOutcome r = mf::import_result_file(result, shipped());
    EXPECT_FALSE(r.result.has_value());
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].to_string(), result + ": the file is too large: 104857600 bytes; the limit is 2097152 bytes");

    mf::LoadedQuestionnaire q = mf::load_questionnaire_file(questionnaire);
    EXPECT_FALSE(q.questionnaire.has_value());
    ASSERT_EQ(q.diagnostics.size(), 1u);
    EXPECT_EQ(q.diagnostics[0].to_string(), questionnaire + ": the file is too large: 104857600 bytes; the limit is 4194304 bytes");

    // Bytes already in memory (the app's import) go through the same gate.
    std::string bytes(size, '\0');
    std::ifstream(result, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(size));
    fs::remove_all(dir);
    ASSERT_EQ(bytes.size(), size);
    mf::ImportOutcome m = mf::import_result(bytes, "huge.json", shipped());
    EXPECT_FALSE(m.result.has_value());
    ASSERT_EQ(m.diagnostics.size(), 1u);
    EXPECT_EQ(m.diagnostics[0].to_string(), "huge.json: the file is too large: 104857600 bytes; the limit is 2097152 bytes");
    EXPECT_EQ(m.diagnostics[0].message, mf::too_large_message(size, mf::kMaxResultBytes));
    for (const mf::Diagnostics* d : {&r.diagnostics, &q.diagnostics, &m.diagnostics}) {
        mf_test::expect_coded(*d);
        EXPECT_EQ(d->front().code, "json.too_large");
        EXPECT_EQ(d->front().param("size"), "104857600");
    }
    EXPECT_EQ(m.diagnostics[0].params, mf::too_large_diagnostic("x", size, mf::kMaxResultBytes).params);
}
