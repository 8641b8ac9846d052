// The companies' side of the benchmark (core/benchmark_compare.h): reading benchmark.json with a
// coded diagnostic per problem (file, JSON pointer), and where a company stands in it: each
// position against the quartiles, a group published as "under k" or hidden, a sector the file does
// not have, no sector in the profile, the year chosen; and the writer's own file (mf-aggregate
// --benchmark of the municipality fixtures) reads back with the same figures.
#include "core/aggregate.h"
#include "core/benchmark.h"
#include "core/benchmark_compare.h"
#include "core/bundle.h"
#include "core/publication.h"
#include "support/benchmark_sample.h"
#include "support/diagnostic_check.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace benchmark_compare_test {

using nlohmann::json;
using Status = mf::BenchmarkPlace::Status;

using mf_test::benchmark_part;
using mf_test::sample_benchmark;

mf::Benchmark read_ok(const json& doc) {
    mf::Diagnostics d;
    std::optional<mf::Benchmark> b = mf::read_benchmark(doc.dump(), "benchmark.json", "aktoersporet", d);
    for (const mf::Diagnostic& x : d) ADD_FAILURE() << x.to_string();
    if (!b) throw std::runtime_error("the benchmark does not read");
    return *b;
}

// The errors of a bad benchmark, as "code pointer" lines; each coded as the registry says.
std::vector<std::string> errors_of(const std::string& bytes) {
    mf::Diagnostics d;
    std::optional<mf::Benchmark> b = mf::read_benchmark(bytes, "bench.json", "aktoersporet", d);
    EXPECT_FALSE(b.has_value());
    std::vector<std::string> out;
    for (const mf::Diagnostic& x : d) {
        mf_test::expect_coded(x);
        EXPECT_EQ(x.file, "bench.json");
        if (x.severity == mf::Diagnostic::Severity::Error) out.push_back(x.code + " " + x.pointer);
    }
    return out;
}

mf::ScoreSummary own(double overall, double principles) {
    mf::ScoreSummary s;
    s.overall = overall;
    for (const char* p : {"forskellighed", "deltagelse", "medborgerskab"}) s.principles[p] = principles;
    return s;
}

const mf::BenchmarkPlace& place_of(const mf::BenchmarkComparison& c, const std::string& part, const std::string& dimension) {
    for (const mf::BenchmarkPartPlace& p : c.parts)
        if (p.id == part)
            for (const mf::BenchmarkPlace& pl : p.places)
                if (pl.dimension == dimension) return pl;
    throw std::runtime_error("no place for " + part + "/" + dimension);
}

} // namespace benchmark_compare_test

using namespace benchmark_compare_test;

TEST(BenchmarkCompare, EachPositionAgainstAllItsSectorAndItsSize) {
    const mf::Benchmark b = read_ok(sample_benchmark());
    ASSERT_EQ(b.years.size(), 2u);
    EXPECT_EQ(b.min_group, 5);
    // Overall 45: within all's middle half (30-70), above industri's (20-40), below 10-49's (60-70).
    const mf::BenchmarkComparison c = mf::place_in_benchmark(b, mf_test::shipped(), own(45.04, 30), {"industri", "10-49", 2026});
    EXPECT_EQ(c.year, 2026);
    EXPECT_TRUE(c.own_year);
    ASSERT_EQ(c.parts.size(), 4u); // overall and three principles; themes are not compared
    EXPECT_EQ(c.parts[0].id, "overall");
    EXPECT_EQ(c.parts[1].id, "forskellighed");
    EXPECT_EQ(c.parts[0].own, 45.0); // rounded as the file's figures are
    const mf::BenchmarkPlace& all = place_of(c, "overall", "all");
    ASSERT_EQ(all.status, Status::Shown);
    EXPECT_EQ(all.n, 40);
    EXPECT_EQ(all.q1, 30.0);
    EXPECT_EQ(all.median, 50.0);
    EXPECT_EQ(all.q3, 70.0);
    EXPECT_EQ(all.position, mf::BenchmarkPosition::Middle);
    EXPECT_EQ(place_of(c, "overall", "sector").position, mf::BenchmarkPosition::Above);
    EXPECT_EQ(place_of(c, "overall", "sector").group, "industri");
    EXPECT_EQ(place_of(c, "overall", "size").position, mf::BenchmarkPosition::Below);
    // Principles at 30: on all's Q1 (the quartiles belong to the middle half), below 10-49.
    EXPECT_EQ(place_of(c, "forskellighed", "all").position, mf::BenchmarkPosition::Middle);
    EXPECT_EQ(place_of(c, "medborgerskab", "sector").position, mf::BenchmarkPosition::Middle);
    EXPECT_EQ(place_of(c, "deltagelse", "size").position, mf::BenchmarkPosition::Below);
}

TEST(BenchmarkCompare, NoScoreForAPartGivesTheFiguresWithoutAPosition) {
    const mf::Benchmark b = read_ok(sample_benchmark());
    mf::ScoreSummary s = own(45, 30);
    s.principles["deltagelse"] = std::nullopt;
    const mf::BenchmarkComparison c = mf::place_in_benchmark(b, mf_test::shipped(), s, {"industri", "10-49", 2026});
    const mf::BenchmarkPlace& p = place_of(c, "deltagelse", "all");
    EXPECT_EQ(p.status, Status::Shown);
    EXPECT_EQ(p.q1, 30.0);
    EXPECT_FALSE(p.position.has_value());
}

TEST(BenchmarkCompare, SmallHiddenMissingAndUnknownGroupsGiveNoFigure) {
    const mf::Benchmark b = read_ok(sample_benchmark());
    const mf::Questionnaire& q = mf_test::shipped();
    auto sector_place = [&](const std::string& sector) { return place_of(mf::place_in_benchmark(b, q, own(45, 45), {sector, "10-49", 2026}), "overall", "sector"); };
    for (const auto& [sector, status] : std::vector<std::pair<std::string, Status>>{
             {"viden", Status::Small}, {"handel_transport", Status::Hidden}, {"sundhed_omsorg", Status::NotInFile}, {"", Status::NoGroup}}) {
        SCOPED_TRACE(sector);
        const mf::BenchmarkPlace p = sector_place(sector);
        EXPECT_EQ(p.status, status);
        EXPECT_FALSE(p.q1 || p.median || p.q3 || p.n || p.position);
    }
    // No employee count: size band "unknown", never compared with the file's "unknown" group.
    const mf::BenchmarkComparison c = mf::place_in_benchmark(b, q, own(45, 45), {"industri", mf::size_band(std::nullopt), 2026});
    EXPECT_EQ(place_of(c, "overall", "size").status, Status::NoGroup);
    EXPECT_EQ(place_of(c, "overall", "all").status, Status::Shown);
}

TEST(BenchmarkCompare, APartUnderKInAPublishedGroupIsSmall) {
    json doc = sample_benchmark();
    json& industri = doc["years"][1]["groups"][1];
    industri["parts"][1] = benchmark_part("principle", "forskellighed", {{"under", 5}}, nullptr, nullptr, nullptr);
    const mf::BenchmarkComparison c = mf::place_in_benchmark(read_ok(doc), mf_test::shipped(), own(45, 45), {"industri", "10-49", 2026});
    EXPECT_EQ(place_of(c, "forskellighed", "sector").status, Status::Small);
    EXPECT_EQ(place_of(c, "overall", "sector").status, Status::Shown);
}

TEST(BenchmarkCompare, TheCompanysYearOrElseTheNewest) {
    const mf::Benchmark b = read_ok(sample_benchmark());
    const mf::Questionnaire& q = mf_test::shipped();
    const mf::BenchmarkComparison y2025 = mf::place_in_benchmark(b, q, own(25, 25), {"industri", "10-49", 2025});
    EXPECT_EQ(y2025.year, 2025);
    EXPECT_TRUE(y2025.own_year);
    EXPECT_EQ(place_of(y2025, "overall", "all").q3, 30.0);
    EXPECT_EQ(place_of(y2025, "overall", "sector").status, Status::NotInFile); // 2025 has no sectors
    for (int year : {2027, 2024, 0}) {
        const mf::BenchmarkComparison c = mf::place_in_benchmark(b, q, own(25, 25), {"industri", "10-49", year});
        EXPECT_EQ(c.year, 2026) << year;
        EXPECT_FALSE(c.own_year) << year;
    }
    // Years are read in any order and kept ascending.
    json doc = sample_benchmark();
    std::swap(doc["years"][0], doc["years"][1]);
    const mf::Benchmark swapped = read_ok(doc);
    EXPECT_EQ(swapped.years.front().year, 2025);
    EXPECT_EQ(mf::place_in_benchmark(swapped, q, own(25, 25), {"", "", 0}).year, 2026);
    // A file without years compares nothing.
    doc["years"] = json::array();
    const mf::BenchmarkComparison none = mf::place_in_benchmark(read_ok(doc), q, own(25, 25), {"industri", "10-49", 2026});
    EXPECT_EQ(none.year, 0);
    EXPECT_TRUE(none.parts.empty());
}

TEST(BenchmarkCompare, TheCompanysGroupsFromItsProfile) {
    const mf::Questionnaire& q = mf_test::shipped();
    mf::Answers a;
    a["sector"] = std::string("viden");
    a["employees"] = 12.0;
    const mf::BenchmarkGroups g = mf::benchmark_groups(q, a, "2026-03-01T10:00:00Z");
    EXPECT_EQ(g.sector, "viden");
    EXPECT_EQ(g.size, "10-49");
    EXPECT_EQ(g.year, 2026);
    const mf::BenchmarkGroups none = mf::benchmark_groups(q, {}, "");
    EXPECT_EQ(none.sector, "");
    EXPECT_EQ(none.size, "unknown");
    EXPECT_EQ(none.year, 0);
}

TEST(BenchmarkCompare, BadFilesNameTheFileThePointerAndTheCode) {
    EXPECT_EQ(errors_of("{\"format\": "), std::vector<std::string>{"json.truncated "});
    EXPECT_EQ(errors_of("[1]"), std::vector<std::string>{"json.expected_object "});
    auto bad = [](const std::function<void(json&)>& change) {
        json doc = sample_benchmark();
        change(doc);
        return errors_of(doc.dump());
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(bad([](json& d) { d["format"] = "mangfoldighedstjek/result"; }), V{"benchmark.format.wrong /format"});
    EXPECT_EQ(bad([](json& d) { d["formatVersion"] = 2; }), V{"benchmark.format_version.unknown /formatVersion"});
    EXPECT_EQ(bad([](json& d) { d["questionnaire"]["id"] = "andet"; }), V{"benchmark.questionnaire.other /questionnaire/id"});
    EXPECT_EQ(bad([](json& d) { d["minGroup"] = 2; }), V{"benchmark.min_group.invalid /minGroup"});
    EXPECT_EQ(bad([](json& d) { d.erase("years"); }), V{"json.missing_field "});
    EXPECT_EQ(bad([](json& d) { d["years"][1]["year"] = "2026"; }), V{"benchmark.year.invalid /years/1/year"});
    EXPECT_EQ(bad([](json& d) { d["years"][1]["groups"][0]["dimension"] = "region"; }), V{"benchmark.dimension.unknown /years/1/groups/0/dimension"});
    EXPECT_EQ(bad([](json& d) { d["years"][1]["groups"][0]["parts"][0]["kind"] = "question"; }),
              V{"benchmark.kind.unknown /years/1/groups/0/parts/0/kind"});
    EXPECT_EQ(bad([](json& d) { d["years"][1]["groups"][2]["organisations"] = {{"under", 1}}; }),
              V{"benchmark.count.invalid /years/1/groups/2/organisations"});
    EXPECT_EQ(bad([](json& d) { d["years"][1]["groups"][0]["parts"][0]["median"] = 101; }),
              V{"benchmark.percent.invalid /years/1/groups/0/parts/0/median"});
    EXPECT_EQ(bad([](json& d) { d["years"][1]["groups"][0]["parts"][0]["q1"] = 80; }),
              V{"benchmark.quartiles.not_ordered /years/1/groups/0/parts/0"});
    // Figures for a group under k are never passed on.
    EXPECT_EQ(bad([](json& d) { d["years"][1]["groups"][2]["parts"][0] = benchmark_part("overall", "overall", 3, 10, 20, 30); }),
              V{"benchmark.quartiles.small_group /years/1/groups/2/parts/0"});
    EXPECT_EQ(bad([](json& d) { d["years"][1]["groups"][2]["parts"][0] = benchmark_part("overall", "overall", {{"under", 5}}, 10, 20, 30); }),
              V{"benchmark.quartiles.small_group /years/1/groups/2/parts/0"});
    EXPECT_EQ(bad([](json& d) { d["years"][1]["groups"][0]["parts"][0]["q1"] = "30"; }),
              V{"benchmark.percent.invalid /years/1/groups/0/parts/0/q1"});
    // An unknown field is a warning only.
    json extra = sample_benchmark();
    extra["note"] = "x";
    mf::Diagnostics d;
    EXPECT_TRUE(mf::read_benchmark(extra.dump(), "b.json", "aktoersporet", d).has_value());
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].code, "json.unknown_field");
    EXPECT_EQ(d[0].severity, mf::Diagnostic::Severity::Warning);
    EXPECT_TRUE(mf::mentions_benchmark(sample_benchmark().dump()));
    EXPECT_FALSE(mf::mentions_benchmark("{\"format\": \"mangfoldighedstjek/result\"}"));
}

TEST(BenchmarkCompare, TheWritersFileReadsBackWithItsFigures) {
    // mf-aggregate --benchmark of the municipality fixtures, k = 3 (so that groups are published).
    const mf::Questionnaire& q = mf_test::shipped();
    std::vector<mf::FileCheck> checks;
    for (const auto& entry : std::filesystem::directory_iterator(MF_SOURCE_DIR "/tests/data/municipality")) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        for (mf::FileCheck& c : mf::check_results(s.str(), entry.path().filename().string(), q)) checks.push_back(std::move(c));
    }
    const mf::Aggregate a = mf::aggregate(q, std::move(checks));
    mf::PublishOptions options;
    options.min_group = 3;
    const mf::Publication p = mf::publish(q, a.rows, options);
    ASSERT_FALSE(p.empty());
    const json written = mf::benchmark_json(q, p, "2026-11-26");
    const mf::Benchmark b = read_ok(written);
    ASSERT_EQ(b.years.size(), written["years"].size());
    const mf::YearFigures& latest = p.year();
    EXPECT_EQ(b.years.back().year, latest.year);
    const mf::BenchmarkGroup* all = b.years.back().group("all", "all");
    ASSERT_NE(all, nullptr);
    const mf::BenchmarkPart* overall = all->part("overall", "overall");
    ASSERT_NE(overall, nullptr);
    EXPECT_EQ(overall->n.value, static_cast<long long>(latest.all().organisations.count));
    ASSERT_TRUE(overall->median.has_value());
    EXPECT_EQ(*overall->median, mf::round1(*latest.all().parts[0].median));
}
