// Result format 1 after format 2: every format-1 file the app exported before the change (kept in
// tests/data/results/format1/, and the project's older fixtures) still loads, scores exactly as its
// stored scores say, keeps its plan, and can be followed up; a re-export writes format 2. The good
// result of format 2 is byte for byte what the export writes, and follows up its format-1 year.
#include "core/bundle.h"
#include "core/json_input.h"
#include "core/result.h"
#include "core/scoring.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using mf_test::shipped;
using nlohmann::json;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Format1File {
    std::string name;  // for messages
    std::string text;  // the result file's bytes
};

// The format-1 results the app exported before format 2 (the bundle's members one by one), and the
// project's older format-1 fixtures.
std::vector<Format1File> format1_files() {
    namespace fs = std::filesystem;
    std::vector<Format1File> out;
    std::vector<std::string> paths;
    for (const char* dir : {"/tests/data/results/format1", "/tests/data/municipality"})
        for (const auto& entry : fs::directory_iterator(std::string(MF_SOURCE_DIR) + dir))
            if (entry.path().extension() == ".json" && entry.path().filename().string().rfind("bad-", 0) != 0)
                paths.push_back(entry.path().string());
    for (const char* f : {"/tests/data/results/good/earlier-1.0.0.json", "/tests/data/report/result-en.json",
                          "/tests/data/report/format1/earlier.json", "/tests/data/report/format1/result-da.json"})
        paths.push_back(std::string(MF_SOURCE_DIR) + f);
    std::sort(paths.begin(), paths.end());
    for (const std::string& path : paths) {
        const std::string text = read_text(path);
        std::vector<mf::BundleMember> members;
        mf::Diagnostics problems;
        if (mf::read_bundle(text, path, members, problems) == mf::BundleRead::Ok) {
            EXPECT_TRUE(problems.empty()) << path;
            for (mf::BundleMember& m : members) out.push_back({m.file, m.text});
        } else {
            out.push_back({path, text});
        }
    }
    return out;
}

} // namespace

TEST(Format1, EveryOldExportLoadsScoresTheSameAndKeepsItsPlan) {
    const std::vector<Format1File> files = format1_files();
    ASSERT_EQ(files.size(), 5u + 13u + 4u) << "2 exports and a bundle of 3, 13 municipality fixtures, 4 older fixtures";
    std::size_t with_plan = 0;
    for (const Format1File& f : files) {
        SCOPED_TRACE(f.name);
        const json doc = json::parse(f.text);
        ASSERT_EQ(doc["formatVersion"], 1);
        mf::ImportOutcome in = mf::import_result(f.text, f.name, shipped());
        ASSERT_TRUE(in.result.has_value());
        // Loads with one note: it was made with questionnaire 1.0.0 (before suggested indicators).
        std::vector<std::string> messages;
        for (const mf::Diagnostic& d : in.diagnostics) messages.push_back(d.to_string());
        EXPECT_EQ(messages, std::vector<std::string>{f.name + ": /questionnaire/version: warning: the result was made with questionnaire version 1.0.0; "
                                                     "this app has version " + shipped().version + ": answers are carried over by question id (0 could not be)"});
        const mf::ImportedResult& r = *in.result;
        EXPECT_EQ(r.format_version, 1);
        EXPECT_TRUE(r.checksum_matches);
        EXPECT_EQ(r.content_checksum, doc["checksum"]);
        EXPECT_TRUE(r.dropped.empty());
        // Scores the same: computed from the answers with today's questionnaire = what the file says.
        EXPECT_EQ(mf::summarise(shipped(), mf::compute_scores(shipped(), r.assessment.answers)), r.stored_scores);
        EXPECT_EQ(json(r.stored_scores), doc["scores"]);
        // The plan as it was, without indicators; no follow-up.
        ASSERT_EQ(r.assessment.action_plan.areas.size(), doc["actionPlan"].size());
        ASSERT_EQ(r.stored_plan.areas.size(), doc["actionPlan"].size());
        for (std::size_t i = 0; i < doc["actionPlan"].size(); ++i) {
            const mf::FocusArea& a = r.assessment.action_plan.areas[i];
            const json& written = doc["actionPlan"][i];
            EXPECT_EQ(json({{"focus", a.focus}, {"goal", a.goal}, {"responsible", a.responsible}, {"followUp", a.follow_up}}), written);
            EXPECT_TRUE(a.indicator.empty());
        }
        EXPECT_FALSE(r.assessment.follow_up.has_value());
        with_plan += !r.stored_plan.areas.empty();

        // Exported again: format 2, the same answers, scores and plan; null indicators, no follow-up.
        const mf::ExportOutcome out = mf::export_result(shipped(), r.assessment, "again.json");
        ASSERT_TRUE(out.ok()) << (out.diagnostics.empty() ? "" : out.diagnostics.front().to_string());
        const json again = json::parse(out.text);
        EXPECT_EQ(again["formatVersion"], 2);
        EXPECT_EQ(again["answers"], doc["answers"]);
        EXPECT_EQ(again["scores"], doc["scores"]);
        EXPECT_EQ(again["planFollowUp"], nullptr);
        for (std::size_t i = 0; i < doc["actionPlan"].size(); ++i) {
            json area = doc["actionPlan"][i];
            area["indicator"] = nullptr;
            EXPECT_EQ(again["actionPlan"][i], area);
        }

        // A follow-up of this file names it by its created time and checksum and lists its goals.
        const mf::FollowUp follow_up = mf::start_follow_up(r.stored_plan, r.assessment.created, r.content_checksum);
        EXPECT_EQ(follow_up.earlier_created, doc["created"]);
        EXPECT_EQ(follow_up.earlier_checksum, doc["checksum"]);
        EXPECT_EQ(follow_up.items.size(), doc["actionPlan"].size());
    }
    EXPECT_GE(with_plan, 10u) << "most of the fixtures have a plan to follow up";
}

TEST(Format1, TheGoodFormat2ResultIsWhatExportWritesAndFollowsUpItsFormat1Year) {
    const std::string earlier_path = MF_SOURCE_DIR "/tests/data/results/good/earlier-1.0.0.json";
    const std::string text = read_text(MF_SOURCE_DIR "/tests/data/results/good/result.json");
    mf::ImportOutcome in = mf::import_result(text, "result.json", shipped());
    ASSERT_TRUE(in.result.has_value());
    EXPECT_TRUE(in.diagnostics.empty());
    EXPECT_EQ(in.result->format_version, 2);
    EXPECT_EQ(mf::result_text(shipped(), in.result->assessment), text) << "make_good.py wrote what the export writes";

    mf::ImportOutcome earlier = mf::import_result_file(earlier_path, shipped());
    ASSERT_TRUE(earlier.result.has_value());
    const mf::FollowUp& f = *in.result->assessment.follow_up;
    EXPECT_EQ(f.earlier_created, earlier.result->assessment.created);
    EXPECT_EQ(f.earlier_checksum, earlier.result->content_checksum);
    ASSERT_EQ(f.items.size(), earlier.result->stored_plan.areas.size());
    for (std::size_t i = 0; i < f.items.size(); ++i) EXPECT_EQ(json(f.items[i].earlier), json(earlier.result->stored_plan.areas[i]));
}
