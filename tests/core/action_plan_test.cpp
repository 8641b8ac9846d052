// The action plan: at most three focus areas, each with a goal, someone responsible and a real,
// future follow-up date; messages in Danish and English.
#include "core/action_plan.h"
#include "core/questionnaire_load.h"
#include "support/diagnostic_check.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

namespace {
using mf_test::example;

// "<area> <field>: <message>" per problem; each must carry its registered code (diagnostic_check.h).
std::vector<std::string> describe(const std::vector<mf::ActionPlanProblem>& problems) {
    mf_test::expect_coded(problems);
    std::vector<std::string> out;
    for (const mf::ActionPlanProblem& p : problems) out.push_back(std::to_string(p.area) + " " + p.field + ": " + p.message);
    return out;
}

// Four areas (one too many) with every other problem among them; checked on 2026-11-25.
mf::ActionPlan plan_with_every_problem() {
    mf::ActionPlan plan;
    plan.areas = {{"ledelse", "", "Direktøren", "2027-03-01"},
                  {"ledelse", "Mål", "  ", "2026-11-24"},
                  {"employees", "Mål", "HR", "2027-02-30"},
                  {"", "Mål", "HR", ""}};
    return plan;
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
    const mf::ActionPlan plan = plan_with_every_problem();
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

TEST(ActionPlan, EveryProblemHasTheSameCodeAndParametersInBothLanguages) {
    const mf::Questionnaire q = example();
    const mf::ActionPlan plan = plan_with_every_problem();
    const auto da = mf::check_action_plan(plan, q, "2026-11-25", "da");
    const auto en = mf::check_action_plan(plan, q, "2026-11-25", "en");
    std::vector<std::string> codes;
    ASSERT_EQ(da.size(), en.size());
    for (std::size_t i = 0; i < da.size(); ++i) {
        codes.push_back(da[i].code);
        EXPECT_EQ(da[i].code, en[i].code);
        EXPECT_EQ(da[i].params, en[i].params) << da[i].code;
        EXPECT_NE(da[i].message, en[i].message) << da[i].code;
    }
    mf_test::expect_coded(da);
    EXPECT_EQ(codes, (std::vector<std::string>{"action_plan.too_many", "action_plan.goal.empty", "action_plan.focus.duplicate",
                                               "action_plan.responsible.empty", "action_plan.follow_up.past",
                                               "action_plan.focus.unknown", "action_plan.follow_up.invalid",
                                               "action_plan.focus.empty", "action_plan.follow_up.missing"}));
    EXPECT_EQ(da[0].params, (mf::DiagnosticParams{{"count", "4"}, {"max", "3"}}));
    EXPECT_EQ(da[4].params, (mf::DiagnosticParams{{"value", "2026-11-24"}, {"today", "2026-11-25"}}));
    EXPECT_EQ(da[5].params, (mf::DiagnosticParams{{"focus", "employees"}}));
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
