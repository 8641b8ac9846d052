// follow_up_flow_test.cpp - the app model's plan indicators, the follow-up of an earlier plan and the
// follow-up calendar, run in memory (fake_host.h): a year-1 plan with indicators is exported; year 2
// starts a new round from it, follows every goal up, carries one over, saves the calendar; every step
// survives a restart.
#include "app/model/model.h"
#include "fake_host.h"

#include <gtest/gtest.h>

namespace {

using mf::AppModel;
using mf::Page;
using mf::Screen;
using F = mf::AppModel::IndicatorField;
using P = mf::AppModel::PlanField;
using mf_test::FakeHost;

// Year 1: an organisation that answered everything and planned three focus areas with indicators of
// each unit, exported on 2026-11-25.
std::string year_one_export(FakeHost& host) {
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    mf_test::fill_profile(m, "Bageriet ApS");
    mf_test::answer_everything(m);
    struct Area { const char* focus; const char* unit; const char* baseline; const char* target; };
    const Area areas[] = {{"rekruttering", "percent", "20 %", "60"}, {"modtagelse", "number", "2", "10"}, {"ledelse", "yesno", "nej", "ja"}};
    for (std::size_t i = 0; i < 3; i++) {
        m.add_focus_area(areas[i].focus);
        m.set_plan_field(i, P::Goal, "Mål " + std::to_string(i + 1));
        m.set_plan_field(i, P::Responsible, "HR");
        m.set_plan_field(i, P::FollowUp, "2027-0" + std::to_string(i + 3) + "-01");
        m.set_indicator_field(i, F::Measure, "Måling " + std::to_string(i + 1));
        m.set_indicator_field(i, F::Unit, areas[i].unit);
        m.set_indicator_field(i, F::Baseline, areas[i].baseline);
        m.set_indicator_field(i, F::Target, areas[i].target);
    }
    const mf::ExportOutcome out = m.prepare_export();
    EXPECT_TRUE(out.ok()) << (out.diagnostics.empty() ? "" : out.diagnostics[0].message);
    return out.text;
}

TEST(FollowUpFlow, IndicatorsAreTypedAsPeopleWriteAndCheckedOnceAFieldIsLeft) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.add_focus_area("rekruttering");
    ASSERT_EQ(m.suggested_indicators(0).size(), 3u) << "the theme's suggestions from the questionnaire";
    m.take_suggested_indicator(0, 0);
    EXPECT_EQ(m.plan().areas[0].indicator.measure, "Andel stillingsopslag delt via jobcenter og foreninger");
    EXPECT_EQ(m.plan().areas[0].indicator.unit, "percent");

    m.set_indicator_field(0, F::Baseline, "mange");
    EXPECT_EQ(m.indicator_field_text(0, F::Baseline), "mange") << "kept as typed";
    EXPECT_EQ(m.plan_field_message(0, "indicator/baseline").text, "Skriv et tal (\"mange\" er ikke et tal).") << "a value that does not fit shows at once";
    EXPECT_FALSE(m.plan_field_message(0, "indicator/baseline").warning) << "an error";
    EXPECT_EQ(m.plan_field_message(0, "indicator/target").text, "") << "an empty field says nothing until it was left";
    m.leave_field("plan:0:indicator/target");
    EXPECT_EQ(m.plan_field_message(0, "indicator/target").text, "Skriv den værdi, I vil nå inden opfølgningsdatoen.");
    m.set_indicator_field(0, F::Baseline, "12,5 %");
    EXPECT_EQ(m.indicator_field_text(0, F::Baseline), "12,5");
    m.set_indicator_field(0, F::Target, "12,5");
    EXPECT_NE(m.plan_field_message(0, "indicator/target").text.find("Målet er det samme som i dag"), std::string::npos);
    EXPECT_TRUE(m.plan_field_message(0, "indicator/target").warning) << "a gentle warning";
    m.add_focus_area("ledelse");
    EXPECT_TRUE(m.plan_field_message(1, "indicator").warning) << "no indicator: a gentle warning, at once";
    m.remove_focus_area(1);

    // A value typed before the unit was chosen is read again for the unit.
    m.add_focus_area("ledelse");
    m.set_indicator_field(1, F::Baseline, "Nej");
    m.set_indicator_field(1, F::Unit, "yesno");
    EXPECT_EQ(m.plan().areas[1].indicator.baseline, mf::IndicatorValue(std::string("no")));

    // Kept over a restart.
    mf_test::frame(m);
    AppModel again(host, Page::Respondent);
    mf_test::start(again);
    EXPECT_EQ(again.plan().areas[0].indicator.baseline, mf::IndicatorValue(12.5));
    EXPECT_EQ(again.indicator_field_text(0, F::Measure), "Andel stillingsopslag delt via jobcenter og foreninger");
}

TEST(FollowUpFlow, ANewRoundFollowsUpTheEarlierPlanAndCarriesAGoalOver) {
    FakeHost year1;
    const std::string file = year_one_export(year1);

    FakeHost host;
    host.now = "2027-11-20T10:00:00Z";
    host.date = "2027-11-20";
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.file_received("sidste-år.json", file);
    ASSERT_TRUE(m.pending_import() && m.pending_import()->result);
    m.adopt_import(mf::ImportPurpose::NextRound);
    EXPECT_EQ(m.screen(), Screen::FollowUp);
    ASSERT_TRUE(m.follow_up());
    EXPECT_EQ(m.follow_up()->items.size(), 3u);
    EXPECT_EQ(m.follow_up()->earlier_created, "2026-11-25T14:03:00Z");
    EXPECT_TRUE(m.plan().areas.empty()) << "the new plan is made anew";
    ASSERT_TRUE(m.session().earlier) << "and the result is compared with the earlier one";
    EXPECT_EQ(m.session().assessment.created, "2027-11-20T10:00:00Z") << "a new round has its own time";
    EXPECT_FALSE(m.answers().empty()) << "its answers are the starting point";

    EXPECT_EQ(m.follow_up_problem(0, "status"), "") << "nothing said before the step is left";
    m.set_follow_up_status(0, mf::FollowUpStatus::Partly);
    m.set_follow_up_current(0, "40 %");
    EXPECT_EQ(m.follow_up_current_text(0), "40");
    EXPECT_DOUBLE_EQ(*mf::indicator_progress(m.follow_up()->items[0].earlier.indicator, m.follow_up()->items[0].current), 50.0);
    m.set_follow_up_status(1, mf::FollowUpStatus::NotReached);
    m.set_follow_up_current(1, "mange");
    EXPECT_EQ(m.follow_up_problem(1, "current"), "Skriv et tal (\"mange\" er ikke et tal).");
    m.set_follow_up_current(1, "3");
    m.set_follow_up_note(1, "Ny makkerordning fra foråret.");
    m.leave_follow_up();
    EXPECT_EQ(m.screen(), Screen::Plan);
    EXPECT_EQ(m.follow_up_problem(2, "status"), "Vælg hvordan det gik: nået, delvist nået, ikke nået eller opgivet.");
    EXPECT_FALSE(m.prepare_export().ok()) << "every goal needs a status";
    m.set_follow_up_status(2, mf::FollowUpStatus::Reached);
    m.set_follow_up_current(2, "ja");

    m.carry_over_goal(0);
    m.carry_over_goal(0);
    ASSERT_EQ(m.plan().areas.size(), 1u) << "carried over once";
    EXPECT_TRUE(m.carried_over(0));
    EXPECT_FALSE(m.carried_over(1));
    EXPECT_EQ(m.plan().areas[0].goal, "Mål 1");
    EXPECT_EQ(m.plan().areas[0].indicator.baseline, mf::IndicatorValue(40.0)) << "the value now is the new baseline";
    EXPECT_EQ(m.plan().areas[0].follow_up, "") << "a new date to choose";
    EXPECT_EQ(m.notice_text(), "Målet er taget med som fokusområde 1 i den nye plan.");
    m.set_plan_field(0, P::FollowUp, "2028-03-01");
    m.set_indicator_field(0, F::Target, "80");

    // Saved at the end of the frame; a restart keeps the follow-up and the step.
    mf_test::frame(m);
    AppModel again(host, Page::Respondent);
    mf_test::start(again);
    ASSERT_TRUE(again.follow_up());
    EXPECT_EQ(again.follow_up()->items[1].note, "Ny makkerordning fra foråret.");
    EXPECT_EQ(again.follow_up()->items[2].status, mf::FollowUpStatus::Reached);
    EXPECT_EQ(again.screen(), Screen::Plan);

    const mf::ExportOutcome out = again.prepare_export();
    ASSERT_TRUE(out.ok()) << (out.diagnostics.empty() ? "" : out.diagnostics[0].message);
    const mf::ImportOutcome back = mf::import_result(out.text, "year2.json", again.questionnaire());
    ASSERT_TRUE(back.result);
    EXPECT_EQ(back.result->format_version, 2);
    ASSERT_TRUE(back.result->assessment.follow_up);
    EXPECT_EQ(back.result->assessment.follow_up->items[0].status, mf::FollowUpStatus::Partly);
    EXPECT_EQ(back.result->assessment.follow_up->earlier_checksum,
              mf::import_result(file, "y1.json", again.questionnaire()).result->content_checksum);

    // The calendar: one event per focus area with a valid date, saved as the export is.
    EXPECT_EQ(again.calendar_events(), 1u);
    again.save_calendar();
    ASSERT_EQ(host.saved.count("mangfoldighedstjek-bageriet-aps-2027-11-20-opfoelgning.ics"), 1u);
    const std::string& ics = host.saved.at("mangfoldighedstjek-bageriet-aps-2027-11-20-opfoelgning.ics");
    EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20280301"), std::string::npos) << ics;
    EXPECT_EQ(again.notice_text(), "Kalenderfilen er gemt: mangfoldighedstjek-bageriet-aps-2027-11-20-opfoelgning.ics");
}

TEST(FollowUpFlow, ComparingFollowsUpOnceAndTheWorkshopSavesOneCalendarForAll) {
    FakeHost year1;
    const std::string file = year_one_export(year1);
    FakeHost host;
    host.date = "2027-11-20";
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.file_received("a.json", file);
    m.adopt_import(mf::ImportPurpose::Compare);
    ASSERT_TRUE(m.follow_up());
    EXPECT_EQ(m.screen(), Screen::Results) << "a comparison shows the results (with last year's goals)";
    m.set_follow_up_status(0, mf::FollowUpStatus::Dropped);
    m.file_received("a-again.json", file);
    m.adopt_import(mf::ImportPurpose::Compare);
    EXPECT_EQ(m.follow_up()->items[0].status, mf::FollowUpStatus::Dropped) << "the same file again keeps what was followed up";

    // Continuing a file as it is keeps its plan and starts no follow-up.
    m.file_received("a.json", file);
    m.adopt_import(mf::ImportPurpose::Continue);
    EXPECT_FALSE(m.follow_up());
    EXPECT_EQ(m.plan().areas.size(), 3u);

    // The workshop list: this organisation (three dates) and an empty one (none) in one file.
    m.workshop().add("Tom organisation");
    mf_test::frame(m);
    host.saved.clear();
    m.workshop().save_calendar();
    ASSERT_EQ(host.saved.count("mangfoldighedstjek-opfoelgning-2027-11-20.ics"), 1u);
    const std::string& ics = host.saved.begin()->second;
    std::size_t events = 0;
    for (std::size_t at = ics.find("BEGIN:VEVENT"); at != std::string::npos; at = ics.find("BEGIN:VEVENT", at + 1)) events++;
    EXPECT_EQ(events, 3u);
}

} // namespace
