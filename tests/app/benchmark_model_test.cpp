// benchmark_model_test.cpp - "Compare with others" in the app model (model.h; benchmark_model.cpp):
// the served benchmark.json is asked for once, when the results screen is first shown; its absence,
// a good file and a bad one; a file the user loads (known by its format, whichever way it came);
// the municipality's page never asks.
#include "app/model/model.h"
#include "fake_host.h"
#include "support/benchmark_sample.h"

#include <gtest/gtest.h>

namespace benchmark_model_test {

using mf::AppModel;
using mf::BenchmarkState;
using mf::Page;
using mf::Screen;
using mf_test::FakeHost;

// A respondent who answered everything (sector "industri", 25 employees, in 2026), on the results.
struct Respondent {
    FakeHost host;
    AppModel m{host, Page::Respondent};
    Respondent() {
        mf_test::start(m);
        mf_test::fill_profile(m);
        mf_test::answer_everything(m);
    }
    void to_results() {
        m.go_to(Screen::Results);
        mf_test::frame(m, 1);
    }
};

} // namespace benchmark_model_test

using namespace benchmark_model_test;

TEST(BenchmarkModel, AskedForOnceWhenTheResultsAreFirstShown) {
    Respondent r;
    mf_test::frame(r.m, 0.5);
    EXPECT_TRUE(r.host.fetched.empty()) << "not before the results screen";
    EXPECT_EQ(r.m.benchmark().status, BenchmarkState::Status::NotAsked);
    r.to_results();
    ASSERT_EQ(r.host.fetched, std::vector<std::string>{"benchmark.json"});
    EXPECT_EQ(r.m.benchmark().status, BenchmarkState::Status::Fetching);
    r.m.go_to(Screen::Plan);
    mf_test::frame(r.m, 2);
    r.to_results();
    EXPECT_EQ(r.host.fetched.size(), 1u) << "once per visit";
    r.m.served_file_arrived("benchmark.json", false, "");
    EXPECT_EQ(r.m.benchmark().status, BenchmarkState::Status::Absent);
    EXPECT_FALSE(r.m.benchmark_comparison());
}

TEST(BenchmarkModel, AServedBenchmarkPlacesTheCompanyInItsSector) {
    Respondent r;
    r.to_results();
    r.m.served_file_arrived("other.json", true, mf_test::sample_benchmark().dump());
    EXPECT_EQ(r.m.benchmark().status, BenchmarkState::Status::Fetching) << "only the answer to its own question";
    r.m.served_file_arrived("benchmark.json", true, mf_test::sample_benchmark().dump());
    ASSERT_EQ(r.m.benchmark().status, BenchmarkState::Status::Loaded);
    EXPECT_TRUE(r.m.benchmark().served);
    const std::optional<mf::BenchmarkComparison> c = r.m.benchmark_comparison();
    ASSERT_TRUE(c);
    EXPECT_EQ(c->year, 2026);
    EXPECT_TRUE(c->own_year);
    ASSERT_FALSE(c->parts.empty());
    const mf::BenchmarkPlace& sector = c->parts.front().places[1];
    EXPECT_EQ(sector.dimension, "sector");
    EXPECT_EQ(sector.group, "industri");
    EXPECT_EQ(sector.status, mf::BenchmarkPlace::Status::Shown);
    ASSERT_TRUE(c->parts.front().own);
    // industri's middle half is 20-40: the company's overall decides where it is.
    const double own = *c->parts.front().own;
    EXPECT_EQ(sector.position, own < 20 ? mf::BenchmarkPosition::Below : own > 40 ? mf::BenchmarkPosition::Above : mf::BenchmarkPosition::Middle);
    EXPECT_EQ(c->parts.front().places[2].group, "10-49");
}

TEST(BenchmarkModel, ABadServedFileKeepsItsReasons) {
    Respondent r;
    r.to_results();
    nlohmann::json doc = mf_test::sample_benchmark();
    doc["minGroup"] = 1;
    r.m.served_file_arrived("benchmark.json", true, doc.dump());
    ASSERT_EQ(r.m.benchmark().status, BenchmarkState::Status::Bad);
    ASSERT_EQ(r.m.benchmark().problems.size(), 1u);
    EXPECT_EQ(r.m.benchmark().problems[0].code, "benchmark.min_group.invalid");
    EXPECT_EQ(r.m.benchmark().problems[0].file, "benchmark.json");
    EXPECT_FALSE(r.m.benchmark_comparison());
}

TEST(BenchmarkModel, AFileTheUserLoadsIsKnownByItsFormat) {
    Respondent r;
    r.to_results();
    r.m.served_file_arrived("benchmark.json", false, "");
    r.m.choose_benchmark();
    EXPECT_EQ(r.host.chosen.size(), 1u) << "the picker";
    r.m.file_received("kommunen-2026.json", mf_test::sample_benchmark().dump());
    EXPECT_FALSE(r.m.pending_import()) << "not taken for a result file";
    ASSERT_EQ(r.m.benchmark().status, BenchmarkState::Status::Loaded);
    EXPECT_FALSE(r.m.benchmark().served);
    EXPECT_EQ(r.m.benchmark().file, "kommunen-2026.json");
    EXPECT_NE(r.m.notice_text().find("kommunen-2026.json"), std::string::npos);
    // A late answer from the server does not replace the user's file.
    r.m.served_file_arrived("benchmark.json", true, mf_test::sample_benchmark().dump());
    EXPECT_FALSE(r.m.benchmark().served);
}

TEST(BenchmarkModel, TheMunicipalitysPageNeverAsks) {
    FakeHost host;
    AppModel m{host, Page::Municipality};
    mf_test::start(m, Page::Municipality);
    m.go_to(Screen::Results);
    mf_test::frame(m, 1);
    EXPECT_TRUE(host.fetched.empty());
}

TEST(BenchmarkModel, AResultThatQuotesTheFormatIsStillAResult) {
    Respondent r;
    r.to_results();
    r.m.served_file_arrived("benchmark.json", false, "");
    mf::Questionnaire const& q = r.m.questionnaire();
    const mf::Question* name = q.profile_field("name");
    ASSERT_NE(name, nullptr);
    r.m.type_into(*name, "mangfoldighedstjek/benchmark A/S");
    const mf::ExportOutcome out = r.m.prepare_export();
    ASSERT_TRUE(out.ok()) << "a valid result to drop";
    r.m.file_received("result.json", out.text);
    EXPECT_EQ(r.m.benchmark().status, BenchmarkState::Status::Absent) << "not taken for a benchmark";
    ASSERT_TRUE(r.m.pending_import());
    EXPECT_TRUE(r.m.pending_import()->result);
}
