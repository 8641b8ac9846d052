// municipality_incremental_test.cpp - the overview adds each file once (its row to the rows publish()
// reads, to its CVR number's duplicates) instead of aggregating every file again: after any sequence
// of files, replacements by name and the duplicates choice, its counts, its lists of rejected and
// not counted files and its figures are exactly those of core's aggregate() and publish() over the
// same files in file-name order (what mf-aggregate prints).
#include "app/model/municipality_model.h"
#include "fake_host.h"

#include "core/aggregate_output.h"
#include "core/bundle.h"
#include "core/publication.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using mf::MunicipalityModel;

const mf::Questionnaire& shipped_q() { return mf_test::shipped(); }

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The municipality fixtures (duplicates over years, a file sent again, bad files), a bundle with
// goals and follow-ups, and the aggregation fixtures (other versions, edited scores, bad CVR ...).
std::vector<std::pair<std::string, std::string>> incremental_fixture_files() {
    std::vector<std::pair<std::string, std::string>> files;
    for (const char* folder : {"/tests/data/municipality", "/tests/data/aggregate"})
        for (const auto& entry : std::filesystem::directory_iterator(std::string(MF_SOURCE_DIR) + folder))
            if (entry.is_regular_file() && entry.path().extension() == ".json" && entry.path().filename() != "questionnaire.json")
                files.emplace_back(entry.path().filename().string(), file_bytes(entry.path()));
    files.emplace_back("goals-bundle.json", file_bytes(std::string(MF_SOURCE_DIR) + "/tests/data/goals/goals-bundle.json"));
    std::sort(files.begin(), files.end());
    return files;
}

// What the overview must show after `arrived` (in arrival order; a check's name seen again replaces
// the earlier one): aggregate() and publish() over the checks in file-name order.
struct FullRecompute {
    mf::Aggregate aggregate;
    mf::Publication publication;
};
FullRecompute full_recompute(const std::vector<std::pair<std::string, std::string>>& arrived, bool keep_duplicates) {
    std::map<std::string, mf::FileCheck> by_name;
    for (const auto& [name, bytes] : arrived)
        for (mf::FileCheck& c : mf::check_results(bytes, name, shipped_q())) by_name[c.file] = std::move(c);
    std::vector<mf::FileCheck> checks;
    for (auto& entry : by_name) checks.push_back(std::move(entry.second));
    mf::AggregateOptions options;
    options.keep_duplicates = keep_duplicates;
    FullRecompute r{mf::aggregate(shipped_q(), std::move(checks), options), {}};
    r.publication = mf::publish(shipped_q(), r.aggregate.rows);
    return r;
}

void expect_same_as_full(const MunicipalityModel& v, const FullRecompute& full, const std::string& when) {
    SCOPED_TRACE(when);
    const mf::Aggregate& a = full.aggregate;
    ASSERT_TRUE(v.counts());
    const MunicipalityModel::Counts& c = *v.counts();
    EXPECT_EQ(c.files, a.files.size());
    EXPECT_EQ(c.accepted, a.accepted);
    EXPECT_EQ(c.rejected, a.rejected);
    EXPECT_EQ(c.counted, a.counted);
    EXPECT_EQ(c.superseded, a.superseded);
    EXPECT_EQ(c.with_change, a.organisations_with_change);
    std::vector<std::string> rejections, superseded;
    for (const mf::FileReport& f : a.files) {
        if (f.status == mf::FileReport::Status::Rejected)
            for (const mf::Diagnostic& d : f.diagnostics)
                if (d.severity == mf::Diagnostic::Severity::Error) rejections.push_back(d.to_string());
        if (f.status == mf::FileReport::Status::Superseded)
            superseded.push_back(f.file + " by " + f.superseded_by + (f.same_file ? " (same)" : ""));
    }
    std::vector<std::string> v_rejections, v_superseded;
    for (const mf::Diagnostic& d : v.rejections()) v_rejections.push_back(d.to_string());
    for (const MunicipalityModel::NotCounted& s : v.superseded()) v_superseded.push_back(s.file + " by " + s.by + (s.same_file ? " (same)" : ""));
    EXPECT_EQ(v_rejections, rejections);
    EXPECT_EQ(v_superseded, superseded);
    ASSERT_TRUE(v.publication());
    mf::CsvOptions csv;
    csv.decimal_comma = true;
    EXPECT_EQ(v.summary_csv_text(), mf::summary_csv(shipped_q(), full.publication, csv));
    EXPECT_EQ(v.summary_json_text(), mf::summary_json(shipped_q(), a, full.publication).dump(2) + "\n");
    EXPECT_EQ(v.rows_csv_text(), mf::rows_csv(shipped_q(), a, csv));
}

TEST(MunicipalityIncremental, AfterEveryFileTheSameAsAggregatingThemAll) {
    std::vector<std::pair<std::string, std::string>> files = incremental_fixture_files();
    ASSERT_GT(files.size(), 25u);
    // An arrival order that is not the names' order, with names seen again: an accepted file
    // replaced by a rejected one and back, and by another organisation's file.
    std::vector<std::pair<std::string, std::string>> arrivals;
    for (std::size_t i = 0; i < files.size(); ++i) arrivals.push_back(files[(i * 7) % files.size()]);
    const std::string alfa = mf_test::exported_result("Alfa A/S", "13748136", "2025-11-20T10:00:00Z");
    const std::string alfa_later = mf_test::exported_result("Alfa A/S", "13748136", "2026-11-20T10:00:00Z");
    const std::string beta = mf_test::exported_result("Beta ApS", "24256790", "2026-11-20T10:00:00Z");
    arrivals.insert(arrivals.begin() + 3, {"swap.json", alfa});
    arrivals.insert(arrivals.begin() + 5, {"alfa-2026.json", alfa_later});
    arrivals.insert(arrivals.begin() + 9, {"swap.json", "{\"broken\": "});
    arrivals.insert(arrivals.begin() + 14, {"swap.json", beta});
    arrivals.push_back({"swap.json", alfa});
    arrivals.push_back({"alfa-2026.json", beta});

    MunicipalityModel v(shipped_q());
    v.files_announced(arrivals.size());
    std::vector<std::pair<std::string, std::string>> so_far;
    for (std::size_t i = 0; i < arrivals.size(); ++i) {
        v.file_received(arrivals[i].first, arrivals[i].second);
        so_far.push_back(arrivals[i]);
        if (i % 5 != 4 && i + 1 != arrivals.size()) continue;
        v.recompute(100.0 * static_cast<double>(i)); // far apart: every one of these recomputes
        if (v.stale()) v.recompute(100.0 * static_cast<double>(i) + 50); // not published while loading: counts only
        const FullRecompute full = full_recompute(so_far, false);
        const MunicipalityModel::Counts& c = *v.counts();
        EXPECT_EQ(c.counted, full.aggregate.counted) << "after " << i + 1 << " files";
        EXPECT_EQ(c.with_change, full.aggregate.organisations_with_change) << "after " << i + 1 << " files";
    }
    EXPECT_FALSE(v.loading());
    EXPECT_FALSE(v.stale());
    EXPECT_EQ(v.replaced(), 4u);
    expect_same_as_full(v, full_recompute(arrivals, false), "every file");
    v.set_keep_duplicates(true);
    v.recompute(1e6);
    expect_same_as_full(v, full_recompute(arrivals, true), "every file, duplicates kept");
    v.set_keep_duplicates(false);
    v.recompute(2e6);
    expect_same_as_full(v, full_recompute(arrivals, false), "duplicates dropped again");
}

} // namespace
