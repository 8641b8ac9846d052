// The action plan: at most three focus areas, each with a goal, someone responsible and a real,
// future follow-up date; messages in Danish and English.
#include "core/action_plan.h"
#include "core/questionnaire_load.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

namespace {
using mf_test::example;

std::vector<std::string> describe(const std::vector<mf::ActionPlanProblem>& problems) {
    std::vector<std::string> out;
    for (const mf::ActionPlanProblem& p : problems) out.push_back(std::to_string(p.area) + " " + p.field + ": " + p.message);
    return out;
}

} // namespace

TEST(ActionPlan, ValidDates) {
    EXPECT_TRUE(mf::is_valid_date("2027-03-01"));
    EXPECT_TRUE(mf::is_valid_date("2028-02-29")); // leap year
    EXPECT_TRUE(mf::is_valid_date("2000-02-29")); // divisible by 400
    EXPECT_FALSE(mf::is_valid_date("2100-02-29")); // divisible by 100
    EXPECT_FALSE(mf::is_valid_date("2027-02-29"));
    EXPECT_FALSE(mf::is_valid_date("2027-04-31"));
    EXPECT_FALSE(mf::is_valid_date("2027-13-01"));
    EXPECT_FALSE(mf::is_valid_date("2027-00-10"));
    EXPECT_FALSE(mf::is_valid_date("2027-3-1"));
    EXPECT_FALSE(mf::is_valid_date("01-03-2027"));
    EXPECT_FALSE(mf::is_valid_date("2027/03/01"));
    EXPECT_FALSE(mf::is_valid_date(""));
}

TEST(ActionPlan, AcceptsACompletePlan) {
    const mf::Questionnaire q = example();
    mf::ActionPlan plan;
    plan.areas = {{"ledelse", "Politik vedtaget inden 1. marts", "Direktøren", "2027-03-01"},
                  {"channels", "3 stillinger slået op via jobcentret", "HR", "2026-11-25"}, // today is fine
                  {"rekruttering", "2 praktikpladser", "Værkføreren", "2027-06-30"}};
    EXPECT_TRUE(mf::check_action_plan(plan, q, "2026-11-25", "da").empty());
}

TEST(ActionPlan, ReportsEveryProblemInDanish) {
    const mf::Questionnaire q = example();
    mf::ActionPlan plan;
    plan.areas = {{"ledelse", "", "Direktøren", "2027-03-01"},
                  {"ledelse", "Mål", "  ", "2026-11-24"},
                  {"employees", "Mål", "HR", "2027-02-30"},
                  {"", "Mål", "HR", ""}};
    EXPECT_EQ(describe(mf::check_action_plan(plan, q, "2026-11-25", "da")), (std::vector<std::string>{
        "-1 : Vælg højst 3 fokusområder – få mål er lettere at nå (der er 4).",
        "0 goal: Skriv et målbart mål, fx \"2 praktikpladser til ledige inden 1. juni\".",
        "1 focus: Fokusområdet er allerede valgt ovenfor; vælg et andet.",
        "1 responsible: Skriv hvem der er ansvarlig – en person eller en rolle.",
        "1 followUp: Opfølgningsdatoen ligger før i dag (2026-11-25).",
        "2 focus: Fokusområdet \"employees\" findes ikke i spørgeskemaet.", // profile questions are not focus areas
        "2 followUp: Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-01 (\"2027-02-30\" er ikke en gyldig dato).",
        "3 focus: Vælg et tema eller et spørgsmål som fokusområde.",
        "3 followUp: Vælg en dato for opfølgning.",
    }));
}

TEST(ActionPlan, SpeaksEnglishAndSkipsThePastCheckWithoutToday) {
    const mf::Questionnaire q = example();
    mf::ActionPlan plan;
    plan.areas = {{"nope", "Goal", "HR", "2020-01-01"}};
    EXPECT_EQ(describe(mf::check_action_plan(plan, q, "2026-11-25", "en")), (std::vector<std::string>{
        "0 focus: The focus area \"nope\" is not in the questionnaire.",
        "0 followUp: The follow-up date is before today (2026-11-25).",
    }));
    EXPECT_EQ(describe(mf::check_action_plan(plan, q, "", "en")), std::vector<std::string>{
        "0 focus: The focus area \"nope\" is not in the questionnaire."});
}

TEST(ActionPlan, JsonRoundTripAndTypeErrors) {
    mf::ActionPlan plan;
    plan.areas = {{"ledelse", "Mål – æøå", "Direktøren", "2027-03-01"}};
    const nlohmann::json j = plan;
    EXPECT_EQ(j.dump(), R"([{"focus":"ledelse","followUp":"2027-03-01","goal":"Mål – æøå","responsible":"Direktøren"}])");
    const mf::ActionPlan back = j.get<mf::ActionPlan>();
    ASSERT_EQ(back.areas.size(), 1u);
    EXPECT_EQ(back.areas[0].goal, "Mål – æøå");
    EXPECT_EQ(back.areas[0].follow_up, "2027-03-01");

    nlohmann::json bad = j;
    bad[0].erase("responsible");
    try {
        (void)bad.get<mf::ActionPlan>();
        ADD_FAILURE() << "expected an exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "/0: the field \"responsible\" is missing");
    }
    EXPECT_THROW((void)nlohmann::json::object().get<mf::ActionPlan>(), std::invalid_argument);
}
