// The municipality's aggregation: the figures on a small hand-checked set, duplicates and change
// over time, which files are rejected and why (real exported files, edited), size bands, R-7
// quartiles, and the CSV details Danish Excel depends on.
#include "core/aggregate.h"
#include "core/aggregate_output.h"
#include "core/questionnaire_load.h"
#include "core/result.h"
#include "support/diagnostic_check.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>

namespace {
using mf_test::example;
using mf_test::with_checksum;

using nlohmann::json;

// A row as check_result would give it, for the example questionnaire (principles forskellighed,
// deltagelse, medborgerskab; themes ledelse, rekruttering).
mf::FileCheck row(const std::string& file, const std::string& cvr, const std::string& sector, double employees, const std::string& updated,
                  std::optional<double> overall, std::vector<std::optional<double>> principles, std::vector<std::optional<double>> themes) {
    mf::OrganisationRow r;
    r.file = file;
    r.cvr = cvr;
    r.sector = sector;
    r.employees = employees;
    r.size = mf::size_band(employees);
    r.created = updated;
    r.updated = updated;
    r.overall = overall;
    r.principles = std::move(principles);
    r.themes = std::move(themes);
    mf::FileCheck check;
    check.file = file;
    check.row = std::move(r);
    return check;
}

// The hand-checked set. cvr 1 has 2025 and 2026 (a change over time); cvr 2 sent twice in 2026
// (the older one is superseded); one file is rejected.
std::vector<mf::FileCheck> hand_set() {
    std::vector<mf::FileCheck> checks;
    //                    file      cvr         sector      emp  updated                 overall  F     D     M          ledelse rekruttering
    checks.push_back(row("f1.json", "10000001", "industri", 5, "2025-03-01T10:00:00Z", 10, {0.0, 20.0, std::nullopt}, {10.0, std::nullopt}));
    checks.push_back(row("f2.json", "10000002", "industri", 12, "2026-02-01T10:00:00Z", 20, {25.0, 30.0, 50.0}, {20.0, 40.0}));
    checks.push_back(row("f3.json", "10000003", "service", 60, "2026-05-01T10:00:00Z", 40, {50.0, 40.0, std::nullopt}, {30.0, 50.0}));
    checks.push_back(row("f4.json", "10000004", "service", 300, "2026-06-01T10:00:00Z", 80, {90.0, 70.0, 80.0}, {80.0, 80.0}));
    checks.push_back(row("f5.json", "10000001", "industri", 5, "2026-04-01T10:00:00Z", 30, {20.0, 35.0, 40.0}, {30.0, 30.0}));
    checks.push_back(row("f6.json", "10000002", "industri", 12, "2026-01-15T10:00:00Z", 99, {99.0, 99.0, 99.0}, {99.0, 99.0}));
    mf::FileCheck bad;
    bad.file = "bad.json";
    bad.diagnostics.push_back(mf::Diagnostic{mf::Diagnostic::Severity::Error, "bad.json", "", "not JSON"});
    checks.push_back(std::move(bad));
    return checks;
}

const mf::GroupStats& group(const mf::Aggregate& a, const std::string& dimension, const std::string& id) {
    for (const mf::GroupStats& g : a.groups)
        if (g.dimension == dimension && g.group == id) return g;
    throw std::runtime_error("no group " + dimension + "/" + id);
}

const mf::Stats& part(const mf::GroupStats& g, const std::string& id) {
    for (const mf::PartStats& p : g.parts)
        if (p.id == id) return p.stats;
    throw std::runtime_error("no part " + id);
}

const mf::ChangeStats& change(const mf::Aggregate& a, const std::string& id) {
    for (const mf::ChangeStats& c : a.changes)
        if (c.id == id) return c;
    throw std::runtime_error("no change " + id);
}

void expect_stats(const mf::Stats& s, std::size_t n, double mean, double q1, double median, double q3, double min, double max) {
    EXPECT_EQ(s.n, n);
    ASSERT_TRUE(s.mean && s.q1 && s.median && s.q3 && s.min && s.max);
    EXPECT_DOUBLE_EQ(*s.mean, mean);
    EXPECT_DOUBLE_EQ(*s.q1, q1);
    EXPECT_DOUBLE_EQ(*s.median, median);
    EXPECT_DOUBLE_EQ(*s.q3, q3);
    EXPECT_DOUBLE_EQ(*s.min, min);
    EXPECT_DOUBLE_EQ(*s.max, max);
}

} // namespace

// Goal follow-up by year, hand-checked: one file per organisation and year (the newest), statuses
// by theme, progress of numeric indicators only, goals without a status not counted.
TEST(Aggregate, GoalFollowUpByYear) {
    using G = mf::FollowedUpGoal;
    using S = mf::FollowUpStatus;
    auto with = [](mf::FileCheck c, std::vector<std::string> plan, std::vector<G> goals) {
        c.row->plan_themes = std::move(plan);
        if (!goals.empty()) c.row->follow_up_of = "2025-03-01T10:00:00Z";
        c.row->followed_up = std::move(goals);
        return c;
    };
    auto checks = [&] {
        std::vector<mf::FileCheck> out;
        out.push_back(with(row("a25.json", "10000001", "industri", 5, "2025-03-01T10:00:00Z", 10, {10.0, 10.0, 10.0}, {10.0, 10.0}),
                           {"ledelse", "rekruttering"}, {}));
        out.push_back(with(row("a26.json", "10000001", "industri", 5, "2026-04-01T10:00:00Z", 20, {20.0, 20.0, 20.0}, {20.0, 20.0}),
                           {"rekruttering"},
                           {G{"ledelse", "ledelse", S::Reached, true, 100.0}, G{"channels", "rekruttering", S::Partly, true, 50.0}}));
        // Sent earlier the same year: only the newest file of a year counts (unless keep_duplicates).
        out.push_back(with(row("a26-old.json", "10000001", "industri", 5, "2026-02-01T10:00:00Z", 15, {15.0, 15.0, 15.0}, {15.0, 15.0}),
                           {"ledelse", "ledelse"}, {G{"ledelse", "ledelse", S::NotReached, true, 0.0}}));
        out.push_back(with(row("b26.json", "10000002", "service", 60, "2026-05-01T10:00:00Z", 40, {40.0, 40.0, 40.0}, {40.0, 40.0}),
                           {""},
                           {G{"rekruttering", "rekruttering", S::NotReached, true, -25.0}, G{"ledelse", "ledelse", S::Dropped, true, std::nullopt},
                            G{"anonymous", "rekruttering", S::Reached, false, 100.0}, // yes/no: no median
                            G{"gone", "", S::Partly, true, 75.0},                     // a focus the questionnaire no longer has
                            G{"policy", "ledelse", S::None, true, 10.0}}));           // no status: not counted
        return out;
    };
    const mf::Aggregate a = mf::aggregate(example(), checks());
    ASSERT_EQ(a.goals.size(), 2u);
    const mf::GoalYear& y25 = a.goals[0];
    EXPECT_EQ(y25.year, "2025");
    EXPECT_EQ(y25.organisations, 1u);
    EXPECT_EQ(y25.with_follow_up, 0u);
    EXPECT_EQ(y25.all.focus_areas, 2u);
    EXPECT_EQ(y25.all.followed_up, 0u);
    EXPECT_EQ(y25.themes.size(), 2u) << "no unknown theme that year";

    const mf::GoalYear& y = a.goals[1];
    EXPECT_EQ(y.year, "2026");
    EXPECT_EQ(y.organisations, 2u);
    EXPECT_EQ(y.with_follow_up, 2u);
    EXPECT_EQ(y.all.focus_areas, 2u);
    EXPECT_EQ(y.all.followed_up, 6u);
    EXPECT_EQ(std::vector<std::size_t>({y.all.reached, y.all.partly, y.all.not_reached, y.all.dropped}), std::vector<std::size_t>({2, 2, 1, 1}));
    expect_stats(y.all.progress, 4, 50, 31.25, 62.5, 81.25, -25, 100); // -25, 50, 75, 100
    ASSERT_EQ(y.themes.size(), 3u);
    EXPECT_EQ(y.themes[0].theme, "ledelse");
    EXPECT_EQ(y.themes[0].followed_up, 2u);
    EXPECT_EQ(y.themes[0].reached, 1u);
    EXPECT_EQ(y.themes[0].dropped, 1u);
    expect_stats(y.themes[0].progress, 1, 100, 100, 100, 100, 100, 100);
    EXPECT_EQ(y.themes[1].theme, "rekruttering");
    EXPECT_EQ(y.themes[1].focus_areas, 1u);
    EXPECT_EQ(y.themes[1].followed_up, 3u);
    expect_stats(y.themes[1].progress, 2, 12.5, -6.25, 12.5, 31.25, -25, 50);
    EXPECT_EQ(y.themes[2].theme, "unknown");
    EXPECT_EQ(y.themes[2].focus_areas, 1u);
    EXPECT_EQ(y.themes[2].partly, 1u);

    // Published (publication.h): the year's goal figures only for k or more organisations that
    // follow up; with k = 2 the two of 2026 are shown, with k = 3 they are a group "under 3".
    mf::PublishOptions two;
    two.min_group = 2;
    const mf::Publication published = mf::publish(example(), a.rows, two);
    const json summary = mf::summary_json(example(), a, published);
    EXPECT_EQ(summary["year"], 2026);
    EXPECT_EQ(summary["goals"]["withFollowUp"], 2);
    EXPECT_EQ(summary["goals"]["focusAreas"], 2);
    EXPECT_EQ(summary["goals"]["followedUp"], 6);
    EXPECT_EQ(summary["goals"]["statuses"]["reached"], (json{{"count", 2}, {"share", 33.3}}));
    EXPECT_EQ(summary["goals"]["statuses"]["dropped"], (json{{"count", 1}, {"share", 16.7}}));
    EXPECT_EQ(summary["goals"]["progress"], (json{{"n", 4}, {"mean", 50.0}, {"median", 62.5}, {"q1", 31.3}, {"q3", 81.3}}));
    EXPECT_FALSE(summary["goals"]["progress"].contains("min"));
    mf::CsvOptions options;
    options.decimal_comma = true;
    options.language = "da";
    const std::string csv = mf::summary_csv(example(), published, options);
    EXPECT_NE(csv.find("\r\n2026;goals;all;Alle organisationer;2;goals;reached;Nået;2;;;;;;;;;;;;;;;33,3\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n2026;goals;all;Alle organisationer;2;goals;progress;"), std::string::npos) << csv;
    mf::PublishOptions three;
    three.min_group = 3;
    const json small = mf::summary_json(example(), a, mf::publish(example(), a.rows, three));
    EXPECT_EQ(small["goals"]["withFollowUp"], nullptr) << "the year's 2 organisations are themselves a small group";
    EXPECT_EQ(small["goals"]["followedUp"], nullptr);
    EXPECT_EQ(small["goals"]["progress"], nullptr);

    // keep_duplicates: every accepted file counts, the older 2026 file of cvr 1 too.
    const mf::Aggregate k = mf::aggregate(example(), checks(), mf::AggregateOptions{true});
    EXPECT_EQ(k.goals[1].organisations, 3u);
    EXPECT_EQ(k.goals[1].all.focus_areas, 4u);
    EXPECT_EQ(k.goals[1].all.not_reached, 2u);
    expect_stats(k.goals[1].all.progress, 5, 40, 0, 50, 75, -25, 100); // -25, 0, 50, 75, 100
}

TEST(Aggregate, QuantilesAreR7) {
    // h = (n - 1) p; x[floor h] + frac(h) (x[floor h + 1] - x[floor h]).
    EXPECT_FALSE(mf::quantile_r7({}, 0.5));
    EXPECT_DOUBLE_EQ(*mf::quantile_r7({7}, 0.25), 7);
    EXPECT_DOUBLE_EQ(*mf::quantile_r7({0, 10}, 0.25), 2.5);      // h = 0.25
    EXPECT_DOUBLE_EQ(*mf::quantile_r7({1, 2, 3, 4}, 0.75), 3.25); // h = 2.25: 3 + 0.25 * 1
    EXPECT_DOUBLE_EQ(*mf::quantile_r7({1, 2, 3, 4, 100}, 0.5), 3); // h = 2 exactly
    EXPECT_DOUBLE_EQ(*mf::quantile_r7({1, 2, 3, 4, 100}, 1.0), 100);
}

TEST(Aggregate, SizeBandsByEmployees) {
    EXPECT_EQ(mf::size_band(1), "1-9");
    EXPECT_EQ(mf::size_band(9), "1-9");
    EXPECT_EQ(mf::size_band(10), "10-49");
    EXPECT_EQ(mf::size_band(49), "10-49");
    EXPECT_EQ(mf::size_band(50), "50-249");
    EXPECT_EQ(mf::size_band(249), "50-249");
    EXPECT_EQ(mf::size_band(250), "250+");
    EXPECT_EQ(mf::size_band(100000), "250+");
    EXPECT_EQ(mf::size_band(0), "unknown");
    EXPECT_EQ(mf::size_band(std::nullopt), "unknown");
}

TEST(Aggregate, HandCheckedFiguresNewestPerCvr) {
    const mf::Aggregate a = mf::aggregate(example(), hand_set());
    EXPECT_EQ(a.files.size(), 7u);
    EXPECT_EQ(a.accepted, 6u);
    EXPECT_EQ(a.rejected, 1u);
    EXPECT_EQ(a.superseded, 2u); // f1 (older year of cvr 1) and f6 (older 2026 file of cvr 2)
    EXPECT_EQ(a.counted, 4u);    // f5, f2, f3, f4
    EXPECT_EQ(a.files[0].status, mf::FileReport::Status::Superseded);
    EXPECT_EQ(a.files[0].superseded_by, "f5.json");
    EXPECT_EQ(a.files[5].status, mf::FileReport::Status::Superseded);
    EXPECT_EQ(a.files[5].superseded_by, "f2.json");
    EXPECT_FALSE(a.files[0].same_file || a.files[5].same_file); // newer assessments, not copies
    EXPECT_EQ(a.files[6].status, mf::FileReport::Status::Rejected);

    const mf::GroupStats& all = group(a, "all", "all");
    EXPECT_EQ(all.organisations, 4u);
    // overall of f5, f2, f3, f4 = 30, 20, 40, 80 -> sorted 20 30 40 80
    //   mean = 170 / 4 = 42.5
    //   q1: h = 3 * 0.25 = 0.75 -> 20 + 0.75 * (30 - 20) = 27.5
    //   median: h = 1.5 -> 30 + 0.5 * (40 - 30) = 35
    //   q3: h = 2.25 -> 40 + 0.25 * (80 - 40) = 50
    expect_stats(part(all, "overall"), 4, 42.5, 27.5, 35, 50, 20, 80);
    // levels 0/20/40/60/80: 20 and 30 -> opstart, 40 -> paa_vej, 80 -> foregang
    EXPECT_EQ(part(all, "overall").levels, (std::vector<std::size_t>{0, 2, 1, 0, 1}));
    // medborgerskab: f5 40, f2 50, f3 absent, f4 80 -> n = 3, mean 170 / 3
    //   q1: h = 0.5 -> 40 + 0.5 * 10 = 45; median 50; q3: h = 1.5 -> 50 + 0.5 * 30 = 65
    expect_stats(part(all, "medborgerskab"), 3, 170.0 / 3.0, 45, 50, 65, 40, 80);
    // forskellighed: 20 25 50 90 -> mean 185 / 4 = 46.25; q1 20 + 0.75 * 5 = 23.75;
    //   median 25 + 0.5 * 25 = 37.5; q3 50 + 0.25 * 40 = 60
    expect_stats(part(all, "forskellighed"), 4, 46.25, 23.75, 37.5, 60, 20, 90);
    // theme rekruttering: f5 30, f2 40, f3 50, f4 80 -> mean 50; q1 37.5; median 45; q3 57.5
    expect_stats(part(all, "rekruttering"), 4, 50, 37.5, 45, 57.5, 30, 80);

    // industri: f5 (30) and f2 (20): mean 25, q1 20 + 0.25 * 10 = 22.5, median 25, q3 27.5
    const mf::GroupStats& industri = group(a, "sector", "industri");
    EXPECT_EQ(industri.organisations, 2u);
    expect_stats(part(industri, "overall"), 2, 25, 22.5, 25, 27.5, 20, 30);
    // size bands: one organisation each
    expect_stats(part(group(a, "size", "1-9"), "overall"), 1, 30, 30, 30, 30, 30, 30);
    expect_stats(part(group(a, "size", "250+"), "overall"), 1, 80, 80, 80, 80, 80, 80);
    EXPECT_EQ(group(a, "size", "50-249").organisations, 1u);
    EXPECT_THROW(group(a, "size", "unknown"), std::runtime_error); // only listed when someone is unknown

    // Change over time: only cvr 1 has two years (f1 2025 -> f5 2026); cvr 2's files are both 2026.
    EXPECT_EQ(a.organisations_with_change, 1u);
    const mf::ChangeStats& overall = change(a, "overall");
    expect_stats(overall.stats, 1, 20, 20, 20, 20, 20, 20); // 30 - 10
    EXPECT_EQ(overall.improved, 1u);
    EXPECT_EQ(change(a, "deltagelse").stats.mean, 15.0);    // 35 - 20
    EXPECT_EQ(change(a, "medborgerskab").stats.n, 0u);      // absent in 2025
    EXPECT_EQ(change(a, "rekruttering").stats.n, 0u);       // absent in 2025
    EXPECT_EQ(change(a, "ledelse").stats.mean, 20.0);       // 30 - 10
}

TEST(Aggregate, KeepDuplicatesCountsEveryAcceptedFile) {
    mf::AggregateOptions options;
    options.keep_duplicates = true;
    const mf::Aggregate a = mf::aggregate(example(), hand_set(), options);
    EXPECT_EQ(a.counted, 6u);
    EXPECT_EQ(a.superseded, 0u);
    // overall 10 20 30 40 80 99: mean 279 / 6 = 46.5; q1: h = 1.25 -> 20 + 0.25 * 10 = 22.5;
    // median: h = 2.5 -> 35; q3: h = 3.75 -> 40 + 0.75 * 40 = 70
    expect_stats(part(group(a, "all", "all"), "overall"), 6, 46.5, 22.5, 35, 70, 10, 99);
    EXPECT_EQ(a.organisations_with_change, 1u); // still first vs newest of cvr 1, on the newest row
}

TEST(Aggregate, SameFiguresWhateverTheInputOrder) {
    const mf::Aggregate forward = mf::aggregate(example(), hand_set());
    std::vector<mf::FileCheck> reversed = hand_set();
    std::reverse(reversed.begin(), reversed.end());
    const mf::Aggregate backward = mf::aggregate(example(), std::move(reversed));
    for (std::size_t i = 0; i < forward.groups.size(); ++i) {
        EXPECT_EQ(forward.groups[i].group, backward.groups[i].group);
        for (std::size_t j = 0; j < forward.groups[i].parts.size(); ++j) {
            EXPECT_EQ(forward.groups[i].parts[j].stats.mean, backward.groups[i].parts[j].stats.mean);
            EXPECT_EQ(forward.groups[i].parts[j].stats.q1, backward.groups[i].parts[j].stats.q1);
        }
    }
    EXPECT_EQ(mf::rows_json(example(), forward)["rows"], mf::rows_json(example(), backward)["rows"]);
    const mf::Publication p1 = mf::publish(example(), forward.rows), p2 = mf::publish(example(), backward.rows);
    EXPECT_EQ(mf::summary_json(example(), forward, p1)["groups"], mf::summary_json(example(), backward, p2)["groups"]);
}

TEST(Aggregate, RowsAreOnePerOrganisationInCvrOrder) {
    const mf::Aggregate a = mf::aggregate(example(), hand_set());
    const json rows = mf::rows_json(example(), a)["rows"];
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0]["cvr"], "10000001");
    EXPECT_EQ(rows[0]["file"], "f5.json");
    EXPECT_EQ(rows[0]["change"]["firstFile"], "f1.json");
    EXPECT_EQ(rows[0]["change"]["overall"], 20);
    EXPECT_EQ(rows[0]["change"]["principles"]["medborgerskab"], nullptr);
    EXPECT_EQ(rows[1]["file"], "f2.json");
    EXPECT_EQ(rows[1]["change"], nullptr);
    EXPECT_EQ(rows[3]["sizeBand"], "250+");
}

// ---------------------------------------------------------------------------------------------
// check_result on real exported files
// ---------------------------------------------------------------------------------------------
namespace {

mf::Assessment assessment() {
    mf::Assessment a;
    a.language = "da";
    a.created = "2026-11-25T14:03:00Z";
    a.updated = "2026-11-25T14:40:12Z";
    a.answers = mf::Answers{{"org_name", std::string("Bager; \"Nord\" ApS")}, {"cvr", std::string("1374 8136")},
                            {"sector", std::string("service")},        {"employees", 20.0},
                            {"policy", std::string("draft")},          {"leader_goal", std::string("yes")},
                            {"policy_public", std::string("dont_know")},
                            {"channels", std::vector<std::string>{"school", "jobcenter"}},
                            {"only_network", std::string("yes")}};
    return a;
}

std::string exported() {
    mf::ExportOutcome out = mf::export_result(example(), assessment());
    for (const mf::Diagnostic& d : out.diagnostics) ADD_FAILURE() << d.to_string();
    return out.text;
}

// "pointer: message" per error; every diagnostic must carry its registered code (diagnostic_check.h).
std::vector<std::string> errors(const mf::FileCheck& c) {
    mf_test::expect_coded(c.diagnostics);
    std::vector<std::string> out;
    for (const mf::Diagnostic& d : c.diagnostics)
        if (d.severity == mf::Diagnostic::Severity::Error) out.push_back(d.pointer + ": " + d.message);
    return out;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& needle) {
    for (const std::string& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

} // namespace

TEST(AggregateCheck, AcceptsAnExportedFileWithItsStoredScores) {
    const std::string text = exported();
    const mf::FileCheck c = mf::check_result(text, "r.json", example());
    ASSERT_TRUE(c.row) << ::testing::PrintToString(errors(c));
    EXPECT_TRUE(c.diagnostics.empty());
    const json scores = json::parse(text)["scores"];
    EXPECT_EQ(c.row->cvr, "13748136");
    EXPECT_EQ(c.row->name, "Bager; \"Nord\" ApS");
    EXPECT_EQ(c.row->sector, "service");
    EXPECT_EQ(c.row->size, "10-49");
    EXPECT_EQ(c.row->overall, scores["overall"].get<double>());
    EXPECT_EQ(c.row->level, scores["level"].get<std::string>());
    EXPECT_EQ(c.row->principles[1], scores["principles"]["deltagelse"].get<double>());
    EXPECT_EQ(c.row->themes[0], scores["themes"]["ledelse"]["percent"].get<double>());
    EXPECT_EQ(c.bytes, text.size());
}

// Issue 19: the same exported file under two names is "the same file sent again"; an assessment of
// the same CVR number with other content is a newer one.
TEST(AggregateCheck, AnIdenticalCopyIsTheSameFileSentAgainNotANewerAssessment) {
    const std::string text = exported();
    json changed = json::parse(text);
    changed["updated"] = "2000-01-01T00:00:00Z"; // older, with a fresh checksum
    changed["created"] = "2000-01-01T00:00:00Z";
    changed["checksum"] = mf::result_checksum(changed);
    std::vector<mf::FileCheck> checks;
    checks.push_back(mf::check_result(text, "b-kopi.json", example()));
    checks.push_back(mf::check_result(text, "a.json", example()));
    checks.push_back(mf::check_result(changed.dump(2), "c-gammel.json", example()));
    for (const mf::FileCheck& c : checks) ASSERT_TRUE(c.row) << ::testing::PrintToString(errors(c));
    EXPECT_EQ(checks[0].row->checksum, checks[1].row->checksum);
    EXPECT_NE(checks[0].row->checksum, checks[2].row->checksum);
    const mf::Aggregate a = mf::aggregate(example(), std::move(checks));
    EXPECT_EQ(a.counted, 1u);
    EXPECT_EQ(a.files[1].status, mf::FileReport::Status::Counted); // a.json: same time, first name
    EXPECT_EQ(a.files[0].status, mf::FileReport::Status::Superseded);
    EXPECT_EQ(a.files[0].superseded_by, "a.json");
    EXPECT_TRUE(a.files[0].same_file);
    EXPECT_EQ(a.files[2].status, mf::FileReport::Status::Superseded);
    EXPECT_FALSE(a.files[2].same_file);
    const json rows = mf::rows_json(example(), a); // file names are in the internal file only
    bool listed = false;
    for (const json& f : rows["fileProblems"])
        if (f["file"] == "b-kopi.json") listed = f.value("sameFile", false);
        else EXPECT_FALSE(f.contains("sameFile")) << f.dump();
    EXPECT_TRUE(listed);
}

TEST(AggregateCheck, RejectsTamperedAndUnsignedFiles) {
    json doc = json::parse(exported());
    doc["scores"]["overall"] = 99.9; // edited by hand, checksum left as it was
    mf::FileCheck c = mf::check_result(doc.dump(2), "t.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_TRUE(any_contains(errors(c), "/checksum: the checksum does not match the content")) << ::testing::PrintToString(errors(c));

    doc = json::parse(exported());
    doc.erase("checksum");
    c = mf::check_result(doc.dump(2), "n.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_TRUE(any_contains(errors(c), ": the file has no checksum")) << ::testing::PrintToString(errors(c));
}

TEST(AggregateCheck, RejectsScoresThatDisagreeWithTheAnswersEvenWithAFreshChecksum) {
    json doc = json::parse(exported());
    doc["scores"]["principles"]["deltagelse"] = 100;
    const mf::FileCheck c = mf::check_result(with_checksum(doc), "s.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_TRUE(any_contains(errors(c), "/scores: the scores in the file do not match its answers")) << ::testing::PrintToString(errors(c));
}

TEST(AggregateCheck, RejectsAMissingOrInvalidCvr) {
    json doc = json::parse(exported());
    doc["answers"]["cvr"] = "13748137"; // modulus 11 fails
    doc["organisation"]["cvr"] = "13748137";
    mf::FileCheck c = mf::check_result(with_checksum(doc), "c.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_TRUE(any_contains(errors(c), "/answers/cvr: the CVR number \"13748137\" is not valid")) << ::testing::PrintToString(errors(c));

    doc = json::parse(exported());
    doc["answers"].erase("cvr");
    doc["organisation"]["cvr"] = nullptr;
    c = mf::check_result(with_checksum(doc), "m.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_EQ(errors(c), (std::vector<std::string>{"/answers/cvr: the CVR number is missing, so the result cannot be matched to an organisation"}));
}

TEST(AggregateCheck, OtherQuestionnaireVersionCountsOnlyWithTheSamePrinciplesAndThemes) {
    json doc = json::parse(exported());
    doc["questionnaire"]["version"] = "0.9.0";
    doc["questionnaire"]["contentHash"] = "sha256:" + std::string(64, '0');
    mf::FileCheck c = mf::check_result(with_checksum(doc), "old.json", example());
    ASSERT_TRUE(c.row) << ::testing::PrintToString(errors(c));
    EXPECT_EQ(c.row->questionnaire_version, "0.9.0");
    EXPECT_FALSE(c.row->same_questionnaire);
    EXPECT_EQ(c.row->overall, doc["scores"]["overall"].get<double>());
    EXPECT_FALSE(c.diagnostics.empty()); // the importer's note about the version stays a warning

    doc["scores"]["themes"]["kultur"] = doc["scores"]["themes"]["ledelse"];
    doc["scores"]["themes"].erase("ledelse");
    c = mf::check_result(with_checksum(doc), "older.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_EQ(errors(c), (std::vector<std::string>{"/scores: the result was made with questionnaire version 0.9.0 and its scores cannot be compared with "
                                                    "version 1.0.0: it has no scores for \"theme ledelse\"; it has scores for \"theme kultur\", "
                                                    "which version 1.0.0 does not have"}));
}

TEST(AggregateCheck, RejectsWhatIsNotAResultFile) {
    mf::FileCheck c = mf::check_result("{\"format\": \"mangfoldighedstjek/res", "cut.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_EQ(mf::count_errors(c.diagnostics), 1u);
    c = mf::check_result("{\"type\": \"FeatureCollection\"}", "geo.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_EQ(errors(c), (std::vector<std::string>{": the field \"format\" is missing"}));
    c = mf::check_result_file(MF_SOURCE_DIR "/tests/data/aggregate/does-not-exist.json", example());
    EXPECT_FALSE(c.row);
    EXPECT_EQ(mf::count_errors(c.diagnostics), 1u);
}

// ---------------------------------------------------------------------------------------------
// CSV for Danish Excel
// ---------------------------------------------------------------------------------------------
TEST(AggregateCsv, QuotesWhatExcelWouldSplitAndNeutralisesFormulas) {
    EXPECT_EQ(mf::csv_field("Bager ApS", ';'), "Bager ApS");
    EXPECT_EQ(mf::csv_field("a;b", ';'), "\"a;b\"");
    EXPECT_EQ(mf::csv_field("a;b", ','), "a;b");
    EXPECT_EQ(mf::csv_field("a,b", ','), "\"a,b\"");
    EXPECT_EQ(mf::csv_field("say \"hi\"", ';'), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(mf::csv_field("two\nlines", ';'), "\"two\nlines\"");
    EXPECT_EQ(mf::csv_field("=HYPERLINK(\"x\")", ';'), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(mf::csv_field("-2", ';'), "'-2");
    EXPECT_EQ(mf::csv_field(" padded", ';'), "\" padded\"");
    EXPECT_EQ(mf::csv_field("Ærø Å/S", ';'), "Ærø Å/S");
}

TEST(AggregateCsv, NumbersWithOneDecimalAndOptionalComma) {
    mf::CsvOptions point, comma;
    comma.decimal_comma = true;
    EXPECT_EQ(mf::csv_number(52.25, point), "52.3"); // round half away from zero, like result files
    EXPECT_EQ(mf::csv_number(52.25, comma), "52,3");
    EXPECT_EQ(mf::csv_number(100, comma), "100,0");
    EXPECT_EQ(mf::csv_number(-0.04, point), "0.0");
    EXPECT_EQ(mf::csv_number(-12.5, comma), "-12,5");
    EXPECT_EQ(mf::csv_number(std::nullopt, point), "");
    // Written without snprintf: the same text as "%.1f" of round1(x) for every kind of number.
    std::mt19937_64 rng(42);
    auto reference = [](double x) {
        double r = mf::round1(x);
        if (r == 0) r = 0;
        char buf[64]; // as csv_number always had: an absurdly large number is cut at 63 characters
        std::snprintf(buf, sizeof buf, "%.1f", r);
        return std::string(buf);
    };
    std::vector<double> xs = {0.05, -0.05, 0.15, 0.25, 0.35, 2.675, 1e14 + 0.25, 1e15, 1e16 + 2, -1e17, 1e300, 4.9e-324, 99.95, -99.95,
                              std::nan(""), std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (int i = 0; i < 200000; ++i) {
        const double scale = std::pow(10.0, static_cast<double>(rng() % 20) - 4);
        xs.push_back((static_cast<double>(rng() % 2000001) - 1000000.0) / 1000.0 * scale);
    }
    for (double x : xs) ASSERT_EQ(mf::csv_number(x, point), reference(x)) << x;
}

TEST(AggregateCsv, RowsAreLabelledInternalAndLeaveContactsOutUnlessAsked) {
    std::vector<mf::FileCheck> checks;
    mf::Assessment with_contact = assessment();
    with_contact.answers["contact_name"] = std::string("Mette Hansen");
    with_contact.answers["contact_email"] = std::string("mette@example.dk");
    mf::ExportOutcome out = mf::export_result(example(), with_contact);
    checks.push_back(mf::check_result(out.text, "r.json", example()));
    const mf::Aggregate a = mf::aggregate(example(), std::move(checks));
    mf::CsvOptions options;
    options.decimal_comma = true;
    options.language = "da";
    const std::string csv = mf::rows_csv(example(), a, options);
    // BOM, then the label as the first line, then the header, both in Danish as asked.
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF" "INTERNT \xE2\x80\x93 m\xC3\xA5 ikke offentligg\xC3\xB8res", 0), 0u) << csv.substr(0, 80);
    std::vector<std::string> lines;
    for (std::size_t b = 3, e; (e = csv.find("\r\n", b)) != std::string::npos; b = e + 2) lines.push_back(csv.substr(b, e - b));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[1].rfind("cvr;navn;branche;branchenavn;ansatte;st\xC3\xB8rrelse;samlet_pct;niveau;", 0), 0u) << lines[1];
    EXPECT_EQ(lines[2].rfind("13748136;\"Bager; \"\"Nord\"\" ApS\";service;", 0), 0u) << lines[2];
    EXPECT_EQ(lines[1].find("contact"), std::string::npos);
    EXPECT_EQ(csv.find("Mette"), std::string::npos);
    EXPECT_EQ(csv.find("mette@example.dk"), std::string::npos);
    // same number of fields in the header and the row (no quoted separators counted)
    auto fields = [](const std::string& line) {
        std::size_t n = 1;
        bool quoted = false;
        for (char ch : line) {
            if (ch == '"') quoted = !quoted;
            else if (ch == ';' && !quoted) ++n;
        }
        return n;
    };
    EXPECT_EQ(fields(lines[1]), fields(lines[2]));
    // English, the default: the label in English, the header the columns' ids.
    options.bom = false;
    options.language = "en";
    const std::string english = mf::rows_csv(example(), a, options);
    EXPECT_EQ(english.rfind("INTERNAL \xE2\x80\x93 not for publication", 0), 0u);
    EXPECT_NE(english.find("\r\ncvr;name;sector;sector_name;employees;size_band;overall_pct;level;"), std::string::npos) << english.substr(0, 300);
    EXPECT_EQ(mf::CsvOptions{}.language, "en");

    mf::RowsOptions contacts;
    contacts.with_contacts = true;
    const std::string with = mf::rows_csv(example(), a, {}, contacts);
    EXPECT_NE(with.find(";contact;email;"), std::string::npos);
    EXPECT_NE(with.find(";Mette Hansen;mette@example.dk;"), std::string::npos);

    const json rows = mf::rows_json(example(), a);
    EXPECT_EQ(rows.begin().key(), "classification"); // the first member: the first line of the file
    EXPECT_EQ(rows["classification"].get<std::string>().rfind("INTERNAL", 0), 0u);
    EXPECT_EQ(mf::rows_json(example(), a, {}, "da")["classification"].get<std::string>().rfind("INTERNT", 0), 0u);
    EXPECT_FALSE(rows["rows"][0].contains("contact"));
    EXPECT_FALSE(rows["rows"][0].contains("email"));
    EXPECT_EQ(mf::rows_json(example(), a, contacts)["rows"][0]["email"], "mette@example.dk");
}

// mf-aggregate hands its checks to an AggregateBuilder one by one as the files are read: the same
// Aggregate as aggregate() on all of them at once (rejected files, duplicates, goal follow-up and
// keep_duplicates included); and the rows CSV written in pieces is the rows CSV.
TEST(Aggregate, TheBuilderGivesWhatAggregateGives) {
    auto checks = [] {
        std::vector<mf::FileCheck> out = hand_set();
        mf::FileCheck rejected;
        rejected.file = "broken.json";
        rejected.bytes = 3;
        rejected.diagnostics.push_back(mf::Diagnostic{mf::Diagnostic::Severity::Error, "broken.json", "", "not JSON", "json.syntax", {}});
        out.insert(out.begin() + 2, rejected);
        out[1].row->plan_themes = {"ledelse"};
        out[1].row->follow_up_of = "2025-03-01T10:00:00Z";
        out[1].row->followed_up = {mf::FollowedUpGoal{"ledelse", "ledelse", mf::FollowUpStatus::Reached, true, 100.0}};
        return out;
    };
    for (bool keep : {false, true}) {
        mf::AggregateOptions options;
        options.keep_duplicates = keep;
        const mf::Aggregate whole = mf::aggregate(example(), checks(), options);
        mf::AggregateBuilder builder(example(), options, 3); // fewer reserved than come: the arrays grow
        for (mf::FileCheck& c : checks()) builder.add(std::move(c));
        const mf::Aggregate built = builder.finish();
        EXPECT_EQ(mf::rows_json(example(), built), mf::rows_json(example(), whole));
        const mf::Publication p1 = mf::publish(example(), whole.rows), p2 = mf::publish(example(), built.rows);
        EXPECT_EQ(mf::summary_json(example(), built, p2), mf::summary_json(example(), whole, p1));
        EXPECT_EQ(built.files.size(), whole.files.size());
        EXPECT_EQ(built.bytes, whole.bytes);
        ASSERT_EQ(built.goals.size(), whole.goals.size());
        for (std::size_t i = 0; i < built.goals.size(); ++i) {
            EXPECT_EQ(built.goals[i].organisations, whole.goals[i].organisations);
            EXPECT_EQ(built.goals[i].all.followed_up, whole.goals[i].all.followed_up);
        }
        std::string pieces;
        std::size_t count = 0;
        mf::write_rows_csv(example(), built, {}, {}, [&](std::string_view part) {
            pieces.append(part);
            ++count;
        });
        EXPECT_EQ(pieces, mf::rows_csv(example(), whole));
        EXPECT_GE(count, 1u);
    }
}

// compute_stats sorts the values by a radix sort when there are many (no NaN, no -0): the same
// values in the same order, bit for bit, as std::sort, for scores, changes (negative too), repeats
// and wide ranges; with a -0 or a NaN among them, std::sort itself.
TEST(Aggregate, StatisticsSortManyValuesExactlyAsStdSort) {
    std::mt19937_64 random(20);
    std::uniform_int_distribution<int> tenths(-1000, 1000);
    std::uniform_real_distribution<double> wide(-1e300, 1e300);
    for (std::size_t n : {0u, 1u, 63u, 64u, 65u, 1000u, 7632u}) {
        for (int kind = 0; kind < 6; ++kind) {
            std::vector<double> values;
            for (std::size_t i = 0; i < n; ++i) {
                switch (kind) {
                case 0: values.push_back(std::abs(tenths(random)) / 10.0); break; // scores with one decimal
                case 1: values.push_back(tenths(random) / 10.0); break;           // changes, negative too
                case 2: values.push_back(static_cast<double>(tenths(random) % 3)); break; // many repeats, zeros
                case 3: values.push_back(wide(random)); break;
                case 4: values.push_back(tenths(random) / 10.0); break;           // tenths, one not (below)
                default: values.push_back(static_cast<double>(tenths(random)) * 12345 / 10.0); break; // tenths, a wide range
                }
            }
            if (kind == 3 && n > 2) values[n / 2] = std::numeric_limits<double>::denorm_min();
            if (kind == 4 && n > 2) values[n / 3] = 0.1 + 0.2; // 0.30000000000000004: not a tenth
            std::vector<double> expected = values;
            std::sort(expected.begin(), expected.end());
            const mf::Stats stats = mf::compute_stats(values, example());
            ASSERT_EQ(values.size(), expected.size());
            if (n > 0) { // memcmp of an empty vector's null data is undefined
                EXPECT_EQ(0, std::memcmp(values.data(), expected.data(), values.size() * sizeof(double))) << n << " " << kind;
            }
            EXPECT_EQ(stats.n, n);
            // The count per level (two binary searches a level on the sorted values) is level_for's.
            std::vector<std::size_t> per_level(example().levels.size(), 0);
            for (double x : values) ++per_level[static_cast<std::size_t>(&example().level_for(x) - example().levels.data())];
            EXPECT_EQ(stats.levels, per_level) << n << " " << kind;
        }
    }
    // Values on a level's minPercent, just below it, below the first and above 100; -0, NaN (level_for
    // of every value then).
    for (const bool nan : {false, true}) {
        std::vector<double> values;
        for (const mf::Level& l : example().levels)
            for (double x : {l.min_percent, std::nextafter(l.min_percent, -1e9), l.min_percent + 0.1}) values.push_back(x);
        for (double x : {-5.0, -0.0, 0.0, 100.0, 150.0}) values.push_back(x);
        if (nan) values.push_back(std::nan(""));
        std::vector<std::size_t> per_level(example().levels.size(), 0);
        for (double x : values) ++per_level[static_cast<std::size_t>(&example().level_for(x) - example().levels.data())];
        EXPECT_EQ(mf::compute_stats(values, example()).levels, per_level) << nan;
    }
    for (std::size_t n : {40u, 100u, 300u}) { // tenths with -0 among them: -0 sorts beside 0 as std::sort has it
        std::vector<double> values(n, 1.5);
        values[3] = -0.0;
        values[5] = 0.0;
        values[7] = -0.0;
        values[9] = -2.5;
        std::vector<double> expected = values;
        std::sort(expected.begin(), expected.end());
        mf::compute_stats(values, example());
        for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(std::signbit(values[i]), std::signbit(expected[i])) << n << " " << i;
        EXPECT_TRUE(std::is_sorted(values.begin(), values.end()));
    }
    std::vector<double> with_negative_zero(100, 1.5);
    with_negative_zero[10] = -0.0;
    with_negative_zero[20] = 0.0;
    with_negative_zero[30] = -2.0;
    mf::compute_stats(with_negative_zero, example());
    EXPECT_TRUE(std::is_sorted(with_negative_zero.begin(), with_negative_zero.end()));
    EXPECT_EQ(with_negative_zero.front(), -2.0);
}
