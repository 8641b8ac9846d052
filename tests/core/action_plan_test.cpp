// The action plan: at most three focus areas, each with a goal, someone responsible, a real, future
// follow-up date and an indicator whose values fit its unit; messages in Danish and English.
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
    for (const mf::ActionPlanProblem& p : problems)
        out.push_back((p.warning ? "warning " : "") + std::to_string(p.area) + " " + p.field + ": " + p.message);
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

mf::Indicator indicator(const std::string& unit, mf::IndicatorValue baseline, mf::IndicatorValue target) {
    return mf::Indicator{"Andel stillingsopslag delt via jobcentret", unit, std::move(baseline), std::move(target)};
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
    plan.areas = {{"ledelse", "Politik vedtaget inden 1. marts", "Direktøren", "2027-03-01", indicator("yesno", "no", "yes")},
                  {"channels", "3 stillinger slået op via jobcentret", "HR", "2026-11-25", indicator("number", 0.0, 3.0)}, // today is fine
                  {"rekruttering", "2 praktikpladser", "Værkføreren", "2027-06-30", indicator("percent", 12.5, 40.0)}};
    EXPECT_TRUE(mf::check_action_plan(plan, q, "2026-11-25", "da").empty());
    // Without an indicator the plan is still complete; the editor says gently what is missing.
    plan.areas[1].indicator = {};
    EXPECT_EQ(describe(mf::check_action_plan(plan, q, "2026-11-25", "da")), std::vector<std::string>{
        "warning 1 indicator: Tilføj en indikator – et tal eller et ja/nej, I kan måle – så I kan se, om målet bliver nået."});
}

TEST(ActionPlan, ReportsEveryProblemInDanish) {
    const mf::Questionnaire q = example();
    const mf::ActionPlan plan = plan_with_every_problem();
    EXPECT_EQ(describe(mf::check_action_plan(plan, q, "2026-11-25", "da")), (std::vector<std::string>{
        "-1 : Vælg højst 3 fokusområder – få mål er lettere at nå (der er 4).",
        "0 goal: Skriv et målbart mål, fx \"2 praktikpladser til ledige inden 1. juni\".",
        "warning 0 indicator: Tilføj en indikator – et tal eller et ja/nej, I kan måle – så I kan se, om målet bliver nået.",
        "1 focus: Fokusområdet er allerede valgt ovenfor; vælg et andet.",
        "1 responsible: Skriv hvem der er ansvarlig – en person eller en rolle.",
        "1 followUp: Opfølgningsdatoen ligger før i dag (2026-11-25).",
        "warning 1 indicator: Tilføj en indikator – et tal eller et ja/nej, I kan måle – så I kan se, om målet bliver nået.",
        "2 focus: Fokusområdet \"employees\" findes ikke i spørgeskemaet.", // profile questions are not focus areas
        "2 followUp: Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-01 (\"2027-02-30\" er ikke en gyldig dato).",
        "warning 2 indicator: Tilføj en indikator – et tal eller et ja/nej, I kan måle – så I kan se, om målet bliver nået.",
        "3 focus: Vælg et tema eller et spørgsmål som fokusområde.",
        "3 followUp: Vælg en dato for opfølgning.",
        "warning 3 indicator: Tilføj en indikator – et tal eller et ja/nej, I kan måle – så I kan se, om målet bliver nået.",
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
    EXPECT_EQ(codes, (std::vector<std::string>{"action_plan.too_many", "action_plan.goal.empty", "action_plan.indicator.missing",
                                               "action_plan.focus.duplicate", "action_plan.responsible.empty",
                                               "action_plan.follow_up.past", "action_plan.indicator.missing",
                                               "action_plan.focus.unknown", "action_plan.follow_up.invalid",
                                               "action_plan.indicator.missing", "action_plan.focus.empty",
                                               "action_plan.follow_up.missing", "action_plan.indicator.missing"}));
    EXPECT_EQ(da[0].params, (mf::DiagnosticParams{{"count", "4"}, {"max", "3"}}));
    EXPECT_EQ(da[5].params, (mf::DiagnosticParams{{"value", "2026-11-24"}, {"today", "2026-11-25"}}));
    EXPECT_EQ(da[7].params, (mf::DiagnosticParams{{"focus", "employees"}}));
}

TEST(ActionPlan, SpeaksEnglishAndSkipsThePastCheckWithoutToday) {
    const mf::Questionnaire q = example();
    mf::ActionPlan plan;
    plan.areas = {{"nope", "Goal", "HR", "2020-01-01", mf::Indicator{"Internships", "number", 0.0, 2.0}}};
    EXPECT_EQ(describe(mf::check_action_plan(plan, q, "2026-11-25", "en")), (std::vector<std::string>{
        "0 focus: The focus area \"nope\" is not in the questionnaire.",
        "0 followUp: The follow-up date is before today (2026-11-25).",
    }));
    EXPECT_EQ(describe(mf::check_action_plan(plan, q, "", "en")), std::vector<std::string>{
        "0 focus: The focus area \"nope\" is not in the questionnaire."});
}

TEST(ActionPlan, JsonRoundTripAndTypeErrors) {
    mf::ActionPlan plan;
    plan.areas = {{"ledelse", "Mål – æøå", "Direktøren", "2027-03-01"},
                  {"rekruttering", "Flere kanaler", "HR", "2027-06-01", indicator("percent", 12.5, 40.0)},
                  {"channels", "Politik", "Direktøren", "2027-06-01", mf::Indicator{"Vedtaget", "yesno", "no", "yes"}}};
    const nlohmann::json j = plan;
    EXPECT_EQ(j[0].dump(), R"({"focus":"ledelse","followUp":"2027-03-01","goal":"Mål – æøå","indicator":null,"responsible":"Direktøren"})");
    EXPECT_EQ(j[1]["indicator"].dump(), R"({"baseline":12.5,"measure":"Andel stillingsopslag delt via jobcentret","target":40,"unit":"percent"})");
    EXPECT_EQ(j[2]["indicator"].dump(), R"({"baseline":"no","measure":"Vedtaget","target":"yes","unit":"yesno"})");
    const mf::ActionPlan back = j.get<mf::ActionPlan>();
    ASSERT_EQ(back.areas.size(), 3u);
    EXPECT_EQ(back.areas[0].goal, "Mål – æøå");
    EXPECT_EQ(back.areas[0].follow_up, "2027-03-01");
    EXPECT_TRUE(back.areas[0].indicator.empty());
    EXPECT_EQ(back.areas[1].indicator, plan.areas[1].indicator);
    EXPECT_EQ(back.areas[2].indicator, plan.areas[2].indicator);
    // A draft's half-typed indicator survives a save (the session uses the same JSON).
    mf::ActionPlan draft;
    draft.areas = {{"ledelse", "", "", "", mf::Indicator{"Andel", "", {}, 10.0}}};
    EXPECT_EQ(nlohmann::json(draft).get<mf::ActionPlan>().areas[0].indicator, draft.areas[0].indicator);

    nlohmann::json bad = j;
    bad[0].erase("responsible");
    try {
        (void)bad.get<mf::ActionPlan>();
        ADD_FAILURE() << "expected an exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "/0: the field \"responsible\" is missing");
    }
    EXPECT_THROW((void)nlohmann::json::object().get<mf::ActionPlan>(), std::invalid_argument);
    bad = j;
    bad[1]["indicator"]["target"] = true;
    try {
        (void)bad.get<mf::ActionPlan>();
        ADD_FAILURE() << "expected an exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "/1/indicator/target: expected a number, \"yes\", \"no\" or null, got true");
    }
}

// The indicator's rules while the user types: complete once started, values that fit the unit (an
// error), a target that is no change (a gentle warning).
TEST(ActionPlan, IndicatorRules) {
    const mf::Questionnaire q = example();
    auto problems = [&](const mf::Indicator& ind, const std::string& lang = "da") {
        mf::ActionPlan plan;
        plan.areas = {{"ledelse", "Mål", "HR", "2027-03-01", ind}};
        return describe(mf::check_action_plan(plan, q, "2026-11-25", lang));
    };
    EXPECT_EQ(problems(mf::Indicator{"", "", {}, {}}), std::vector<std::string>{
        "warning 0 indicator: Tilføj en indikator – et tal eller et ja/nej, I kan måle – så I kan se, om målet bliver nået."});
    EXPECT_EQ(problems(mf::Indicator{"Andel", "", {}, {}}), (std::vector<std::string>{
        "0 indicator/unit: Vælg enheden: procent, antal eller ja/nej.",
        "0 indicator/baseline: Skriv værdien i dag – den I måler fremskridtet fra.",
        "0 indicator/target: Skriv den værdi, I vil nå inden opfølgningsdatoen."}));
    EXPECT_EQ(problems(mf::Indicator{" ", "kg", 1.0, 2.0}), (std::vector<std::string>{
        "0 indicator/measure: Skriv hvad I måler, fx „andel stillingsopslag delt via jobcenter og foreninger“.",
        "0 indicator/unit: Enheden \"kg\" findes ikke; vælg procent, antal eller ja/nej."}));
    // Unit mismatches: a percent outside 0..100, text for a number, a number or "maybe" for yes/no.
    EXPECT_EQ(problems(indicator("percent", -1.0, 100.5)), (std::vector<std::string>{
        "0 indicator/baseline: En procent ligger mellem 0 og 100 (-1 gør ikke).",
        "0 indicator/target: En procent ligger mellem 0 og 100 (100,5 gør ikke)."}));
    EXPECT_EQ(problems(indicator("percent", 0.0, 100.0)), std::vector<std::string>{});
    EXPECT_EQ(problems(indicator("number", "yes", 3.0), "en"), std::vector<std::string>{
        "0 indicator/baseline: Enter a number (\"yes\" is not a number)."});
    EXPECT_EQ(problems(indicator("yesno", 0.0, "maybe"), "en"), (std::vector<std::string>{
        "0 indicator/baseline: The unit is yes/no: choose yes or no (0 does not fit).",
        "0 indicator/target: The unit is yes/no: choose yes or no (\"maybe\" does not fit)."}));
    // No change from the baseline: a warning only, in the language's way of writing the value.
    EXPECT_EQ(problems(indicator("percent", 12.5, 12.5)), std::vector<std::string>{
        "warning 0 indicator/target: Målet er det samme som i dag (12,5 %). Vil I holde niveauet, er det fint; ellers skriv den værdi, I vil nå."});
    EXPECT_EQ(problems(indicator("yesno", "yes", "yes"), "en"), std::vector<std::string>{
        "warning 0 indicator/target: The target is the same as today (Yes). If you mean to hold the level, that is fine; otherwise enter the value you want to reach."});
    EXPECT_EQ(problems(indicator("number", 250.0, 0.0)), std::vector<std::string>{}); // a falling target is a change
}

TEST(ActionPlan, IndicatorValuesAsPeopleTypeAndReadThem) {
    mf::IndicatorValue v;
    EXPECT_TRUE(mf::parse_indicator_text("percent", "12,5 %", v));
    EXPECT_EQ(v, mf::IndicatorValue(12.5));
    EXPECT_TRUE(mf::parse_indicator_text("percent", "40%", v));
    EXPECT_EQ(v, mf::IndicatorValue(40.0));
    EXPECT_TRUE(mf::parse_indicator_text("percent", "150", v)); // reads; indicator_value_problem says why it does not fit
    EXPECT_EQ(mf::indicator_value_problem("percent", v, "en"), "A percentage lies between 0 and 100 (150 does not).");
    EXPECT_TRUE(mf::parse_indicator_text("number", " 1 200 ", v));
    EXPECT_EQ(v, mf::IndicatorValue(1200.0));
    EXPECT_FALSE(mf::parse_indicator_text("number", "12 %", v)); // a percent sign is no number
    EXPECT_FALSE(mf::parse_indicator_text("number", "mange", v));
    EXPECT_EQ(v, mf::IndicatorValue(1200.0)) << "untouched when the text is not a value";
    EXPECT_TRUE(mf::parse_indicator_text("yesno", "Ja", v));
    EXPECT_EQ(v, mf::IndicatorValue(std::string("yes")));
    EXPECT_TRUE(mf::parse_indicator_text("yesno", "NO", v));
    EXPECT_EQ(v, mf::IndicatorValue(std::string("no")));
    EXPECT_FALSE(mf::parse_indicator_text("yesno", "måske", v));
    EXPECT_FALSE(mf::parse_indicator_text("kg", "3", v));
    EXPECT_TRUE(mf::parse_indicator_text("number", "  ", v));
    EXPECT_FALSE(mf::has_value(v));

    EXPECT_EQ(mf::indicator_value_text("percent", 12.25, "da"), "12,25 %"); // every digit, not the score's rounding
    EXPECT_EQ(mf::indicator_value_text("percent", 12.25, "en"), "12.25%");
    EXPECT_EQ(mf::indicator_value_text("number", -3.0, "da"), "-3");
    EXPECT_EQ(mf::indicator_value_text("yesno", std::string("no"), "da"), "Nej");
    EXPECT_EQ(mf::indicator_value_text("yesno", std::string("yes"), "en"), "Yes");
    EXPECT_EQ(mf::indicator_value_text("number", mf::IndicatorValue{}, "en"), "–");
    EXPECT_EQ(mf::indicator_unit_name("yesno", "da"), "ja/nej");
    EXPECT_EQ(mf::indicator_unit_name("number", "en"), "number");
}

// The editor keeps what is typed: a value when it is one, the text itself when not (so the check
// names it and nothing typed is lost), and shows it back for editing without the unit.
TEST(ActionPlan, TypedValuesAreKeptAsTyped) {
    EXPECT_EQ(mf::typed_indicator_value("percent", "12,5 %"), mf::IndicatorValue(12.5));
    EXPECT_EQ(mf::typed_indicator_value("yesno", "Nej"), mf::IndicatorValue(std::string("no")));
    EXPECT_EQ(mf::typed_indicator_value("number", "12 stk"), mf::IndicatorValue(std::string("12 stk")));
    EXPECT_EQ(mf::indicator_value_problem("number", mf::typed_indicator_value("number", "mange"), "da"),
              "Skriv et tal (\"mange\" er ikke et tal).");
    EXPECT_EQ(mf::typed_indicator_value("", "7,5"), mf::IndicatorValue(7.5)) << "a number before the unit is chosen";
    EXPECT_EQ(mf::typed_indicator_value("", "ja"), mf::IndicatorValue(std::string("ja")));
    EXPECT_FALSE(mf::has_value(mf::typed_indicator_value("number", " ")));

    EXPECT_EQ(mf::indicator_edit_text(12.25, "da"), "12,25");
    EXPECT_EQ(mf::indicator_edit_text(12.25, "en"), "12.25");
    EXPECT_EQ(mf::indicator_edit_text(std::string("12 stk"), "en"), "12 stk");
    EXPECT_EQ(mf::indicator_edit_text(mf::IndicatorValue{}, "da"), "");
}
