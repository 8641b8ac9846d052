// workshop_model_test.cpp - the consultant's list in the app model, over an in-memory store: the
// untouched first entry (one rule for adding and importing), switching without losing answers, the
// list read from storage only when it changed, unreadable entries, removing, export all as one
// bundle, a batch import of a bundle, the migration of an earlier version's single session.
#include "app/model/model.h"
#include "core/bundle.h"
#include "fake_host.h"

#include <gtest/gtest.h>

namespace {

using mf::AppModel;
using mf::Page;
using mf::Screen;
using mf_test::FakeHost;

TEST(WorkshopModel, TheUntouchedFirstEntryBecomesTheFirstOrganisationAdded) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.go_to(Screen::Workshop);
    m.workshop().add("Bageriet ApS");
    ASSERT_EQ(m.workshop().list().entries.size(), 1u) << "no empty \"Organisation 1\" is left behind";
    EXPECT_EQ(m.workshop().name_of(m.workshop().current()), "Bageriet ApS");
    EXPECT_EQ(*mf::answer_text(m.answers(), m.questionnaire().profile_field("name")->id), "Bageriet ApS");
    EXPECT_EQ(m.screen(), Screen::Profile);
    EXPECT_EQ(m.notice_text(), "Tilføjet: Bageriet ApS");

    m.workshop().add("Café Ærø");
    ASSERT_EQ(m.workshop().list().entries.size(), 2u) << "the first entry is no longer untouched";
    EXPECT_EQ(m.workshop().name_of(m.workshop().current()), "Café Ærø");
}

TEST(WorkshopModel, SwitchingSavesTheOpenOneAndRestoresTheOther) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.workshop().add("A");
    const std::string a = m.workshop().current();
    mf_test::fill_profile(m, "A");
    const mf::Answers a_answers = m.answers();
    m.workshop().add("B");
    const std::string b = m.workshop().current();
    EXPECT_NE(a, b);
    EXPECT_EQ(host.memory.data.count(mf::assessment_key(a)), 1u) << "A was saved before B opened";
    ASSERT_TRUE(m.workshop().open(a));
    EXPECT_EQ(m.answers(), a_answers);
    EXPECT_EQ(m.notice_text(), "Åben: A");
    mf_test::frame(m);

    // After a restart the same one is open, with the same list.
    AppModel again(host, Page::Respondent);
    mf_test::start(again);
    EXPECT_EQ(again.workshop().current(), a);
    EXPECT_EQ(again.workshop().list().entries.size(), 2u);
    EXPECT_EQ(again.answers(), a_answers);
}

TEST(WorkshopModel, TheListIsReadFromStorageWhenAnEntryChangedNotOnEveryFrame) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    for (const char* name : {"A", "B", "C", "D"}) {
        m.workshop().add(name);
        mf_test::fill_profile(m, name);
    }
    mf_test::frame(m);
    m.go_to(Screen::Workshop);
    const auto first = m.workshop().rows();
    const int reads = host.memory.reads;
    for (int frame = 0; frame < 20; frame++) m.workshop().rows();
    EXPECT_EQ(host.memory.reads, reads) << "20 frames of the list read nothing";
    ASSERT_EQ(first.size(), 4u);
    EXPECT_EQ(first[0].progress.answered, 0);

    ASSERT_TRUE(m.workshop().open(first[0].id)); // D is saved, A opened: both rows are read again next time
    m.workshop().rows();
    EXPECT_GT(host.memory.reads, reads);
    const int after = host.memory.reads;
    m.workshop().rows();
    EXPECT_EQ(host.memory.reads, after);
}

TEST(WorkshopModel, AnEntryThatCannotBeReadIsShownAsSuchAndDoesNotOpen) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.workshop().add("A");
    m.workshop().add("B");
    const std::string a = m.workshop().list().entries.front().id;
    mf_test::frame(m);
    host.memory.failing.insert(mf::assessment_key(a));
    m.go_to(Screen::Workshop);
    const auto rows = m.workshop().rows();
    EXPECT_FALSE(rows.front().readable);
    EXPECT_FALSE(m.workshop().open(a));
    EXPECT_NE(m.workshop().current(), a);
    EXPECT_EQ(m.notice_text(), "Besvarelsen kunne ikke åbnes: Browserens lager kunne ikke læses. Prøv igen, eller genindlæs siden.");
}

TEST(WorkshopModel, RemovingTheOpenOneOpensTheNextAndForgetsItsKey) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.workshop().add("A");
    m.workshop().add("B");
    const std::string b = m.workshop().current();
    mf_test::frame(m);
    ASSERT_EQ(host.memory.data.count(mf::assessment_key(b)), 1u);
    m.workshop().ask_delete(b);
    m.workshop().remove(b);
    EXPECT_EQ(host.memory.data.count(mf::assessment_key(b)), 0u);
    EXPECT_EQ(m.workshop().list().entries.size(), 1u);
    EXPECT_EQ(m.workshop().name_of(m.workshop().current()), "A");
    EXPECT_TRUE(m.workshop().confirm_delete.empty());
    EXPECT_EQ(m.notice_text(), "Slettet: B");
}

// Two organisations for the export: "A" finished (profile with a valid CVR, every question), "B"
// with nothing but its name.
void add_finished_a_and_empty_b(AppModel& m) {
    mf_test::start(m);
    m.workshop().add("A");
    mf_test::fill_profile(m, "A", "13748136");
    mf_test::answer_everything(m);
    m.workshop().add("B");
}

TEST(WorkshopModel, ExportAllWritesOneBundleOfTheFinishedOnesAndSaysWhoIsMissingWhy) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    add_finished_a_and_empty_b(m);
    m.workshop().export_all();
    const auto& report = m.workshop().export_report();
    ASSERT_TRUE(report);
    EXPECT_EQ(report->exported, 1u);
    ASSERT_TRUE(report->saved);
    EXPECT_EQ(report->where, "mangfoldighedstjek-workshop-2026-11-25.json");
    ASSERT_EQ(report->skipped.size(), 1u);
    EXPECT_EQ(report->skipped.front().name, "B");
    EXPECT_FALSE(report->skipped.front().problems.empty());

    std::vector<mf::BundleMember> members;
    mf::Diagnostics d;
    ASSERT_EQ(mf::read_bundle(host.saved.at(report->where), report->where, members, d), mf::BundleRead::Ok);
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members.front().file, mf::bundle_member_name(report->where, 0, "mangfoldighedstjek-a-2026-11-25.json"));
}

TEST(WorkshopModel, WhatIsMissingBeforeExportIsListedPerOrganisationWithItsOwnReasons) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    add_finished_a_and_empty_b(m);
    EXPECT_FALSE(m.workshop().export_check()) << "checked on request only";
    m.workshop().check_export();
    ASSERT_TRUE(m.workshop().export_check());
    const auto missing = *m.workshop().export_check();
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].name, "B");
    EXPECT_GE(missing[0].problems.size(), 2u) << "each missing field is its own reason";
    EXPECT_TRUE(host.saved.empty()) << "checking saves nothing";
    m.workshop().export_all();
    EXPECT_FALSE(m.workshop().export_check()) << "after the export its report says it";
    ASSERT_EQ(m.workshop().export_report()->skipped.size(), 1u);
    EXPECT_EQ(m.workshop().export_report()->skipped[0].problems.size(), missing[0].problems.size()) << "the same reasons";
}

// "C": a complete profile but no question answered yet: exported, marked unfinished.
TEST(WorkshopModel, AnAssessmentWithUnansweredQuestionsIsExportedMarkedUnfinished) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    add_finished_a_and_empty_b(m);
    m.workshop().add("C");
    mf_test::fill_profile(m, "C", "24256790");
    const mf::Progress c_progress = mf::total_progress(m.questionnaire(), m.answers());
    ASSERT_EQ(c_progress.answered, 0);
    ASSERT_GT(c_progress.visible, 0);

    m.workshop().check_export();
    ASSERT_EQ(m.workshop().export_check()->size(), 1u) << "only B cannot be exported";
    ASSERT_EQ(m.workshop().export_check_unfinished().size(), 1u);
    EXPECT_EQ(m.workshop().export_check_unfinished()[0].name, "C");
    EXPECT_TRUE(host.saved.empty());

    m.workshop().export_all();
    const auto& report = m.workshop().export_report();
    ASSERT_TRUE(report && report->saved);
    EXPECT_EQ(report->exported, 2u);
    ASSERT_EQ(report->unfinished.size(), 1u);
    EXPECT_EQ(report->unfinished[0].name, "C");
    EXPECT_EQ(report->unfinished[0].progress.answered, 0);
    EXPECT_EQ(report->unfinished[0].progress.visible, c_progress.visible);
    EXPECT_TRUE(m.workshop().export_check_unfinished().empty()) << "the report says it now";

    const std::string& text = host.saved.at(report->where);
    EXPECT_EQ(nlohmann::json::parse(text)["formatVersion"], 2);
    std::vector<mf::BundleMember> members;
    mf::Diagnostics d;
    ASSERT_EQ(mf::read_bundle(text, report->where, members, d), mf::BundleRead::Ok);
    ASSERT_EQ(members.size(), 2u);
    EXPECT_FALSE(members[0].unfinished); // A, every question answered
    EXPECT_TRUE(members[1].unfinished);
    // The municipality: C is left out unless asked for.
    const std::vector<mf::FileCheck> checks = mf::check_results(text, report->where, m.questionnaire());
    ASSERT_EQ(checks.size(), 2u);
    EXPECT_TRUE(checks[0].row);
    EXPECT_FALSE(checks[1].row);
    EXPECT_TRUE(mf::check_results(text, report->where, m.questionnaire(), mf::BundleOptions{true})[1].row);
}

TEST(WorkshopModel, ABundleDroppedOnAFreshListBecomesItsOrganisationsWithTheFirstEntryReused) {
    std::vector<mf::BundleMember> members = {
        {"a.json", mf_test::exported_result("Alfa A/S", "13748136", "2026-11-20T10:00:00Z")},
        {"b.json", mf_test::exported_result("Beta ApS", "24256790", "2026-11-21T10:00:00Z")},
    };
    const std::string bundle = mf::bundle_text(members, "2026-11-25T12:00:00Z");

    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.go_to(Screen::Workshop);
    ASSERT_TRUE(m.takes_many_files());
    m.file_received("workshop.json", bundle);
    ASSERT_EQ(m.workshop().list().entries.size(), 2u);
    EXPECT_EQ(m.workshop().name_of(m.workshop().list().entries[0].id), "Alfa A/S");
    EXPECT_EQ(m.workshop().name_of(m.workshop().list().entries[1].id), "Beta ApS");
    EXPECT_EQ(m.screen(), Screen::Workshop) << "the list stays on screen";
    ASSERT_EQ(m.workshop().batch().size(), 2u);
    EXPECT_TRUE(m.workshop().batch()[0].added && m.workshop().batch()[1].added);

    m.file_received("again.json", members[1].text); // the same assessment again
    ASSERT_EQ(m.workshop().batch().size(), 3u);
    EXPECT_FALSE(m.workshop().batch()[2].added);
    EXPECT_EQ(m.workshop().batch()[2].key, "workshop.batch.already_listed");
    EXPECT_EQ(m.workshop().list().entries.size(), 2u);

    m.file_received("broken.json", "{\"format\": ");
    ASSERT_EQ(m.workshop().batch().size(), 4u);
    EXPECT_FALSE(m.workshop().batch()[3].added);
    EXPECT_FALSE(m.workshop().batch()[3].problems.empty());
}

TEST(WorkshopModel, AnEarlierVersionsSingleSessionBecomesTheFirstEntry) {
    FakeHost host;
    {
        AppModel m(host, Page::Respondent);
        mf_test::start(m);
        mf_test::fill_profile(m, "Gammel Bruger ApS");
        mf::Session s = m.session();
        host.memory.data.clear();
        host.memory.data[mf::kLegacySessionKey] = mf::session_text(s);
    }
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    ASSERT_EQ(m.workshop().list().entries.size(), 1u);
    EXPECT_EQ(m.workshop().name_of(m.workshop().current()), "Gammel Bruger ApS");
    EXPECT_EQ(host.memory.data.count(mf::kLegacySessionKey), 0u);
    EXPECT_EQ(host.memory.data.count(mf::assessment_key("a1")), 1u);
}

TEST(WorkshopModel, TheListCallsAnOrganisationWhatItsProfileSays) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    // Answers given (or a file loaded) into the untouched first entry, then another one added: the
    // first is listed under its profile's name, not "Organisation 1".
    mf_test::fill_profile(m, "Nørrebro Bageri ApS");
    const std::string first = m.workshop().current();
    m.workshop().add("Café Ærø");
    ASSERT_EQ(m.workshop().list().entries.size(), 2u);
    EXPECT_EQ(m.workshop().name_of(first), "Nørrebro Bageri ApS");
    EXPECT_EQ(m.workshop().list().find(first)->name, "Nørrebro Bageri ApS") << "the saved index has the name too";
    ASSERT_TRUE(m.workshop().open(first));
    EXPECT_EQ(m.notice_text(), "Åben: Nørrebro Bageri ApS");

    // The name changed in the profile: the list follows.
    const mf::Question& name_field = *m.questionnaire().profile_field("name");
    m.type_into(name_field, "Nørrebro Bageri & Café ApS");
    EXPECT_EQ(m.workshop().name_of(first), "Nørrebro Bageri & Café ApS");
    const std::string second = m.workshop().list().entries[1].id;
    ASSERT_TRUE(m.workshop().open(second));
    EXPECT_EQ(m.workshop().name_of(first), "Nørrebro Bageri & Café ApS");

    // Renamed in the list (the one not open): its profile says the new name when it is opened.
    m.workshop().rename(first, "Bageriet på Nørrebro");
    EXPECT_EQ(m.workshop().name_of(first), "Bageriet på Nørrebro");
    ASSERT_TRUE(m.workshop().open(first));
    EXPECT_EQ(*mf::answer_text(m.answers(), name_field.id), "Bageriet på Nørrebro");
    // And the open one renamed: its profile at once.
    m.workshop().rename(first, "Bageriet ApS");
    EXPECT_EQ(*mf::answer_text(m.answers(), name_field.id), "Bageriet ApS");
    EXPECT_EQ(m.workshop().name_of(first), "Bageriet ApS");
}

TEST(WorkshopModel, AListSavedBeforeNamesFollowedTheProfileShowsTheProfilesName) {
    FakeHost host;
    {
        AppModel m(host, Page::Respondent);
        mf_test::start(m);
        m.workshop().add("");
        mf_test::fill_profile(m, "Vesterbro Kulturhus");
        m.workshop().add("B");
        mf_test::frame(m);
    }
    // As an earlier version saved it: the first entry without a name.
    mf::Workshop index;
    mf::Diagnostics d;
    ASSERT_TRUE(mf::read_workshop(host.memory.data.at(mf::kWorkshopKey), index, d));
    index.entries[0].name.clear();
    host.memory.data[mf::kWorkshopKey] = mf::workshop_text(index);
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    const auto rows = m.workshop().rows();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(m.workshop().name_of(rows[0].id), "Vesterbro Kulturhus");
}

TEST(WorkshopModel, PresentationModeFromTheListOpensTheComparisonAtTheTop) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.workshop().add("A");
    m.workshop().add("B");
    m.go_to(Screen::Workshop);
    m.take_scroll_to_top();
    m.workshop().set_presentation(true);
    EXPECT_EQ(m.screen(), Screen::Compare);
    EXPECT_TRUE(m.take_scroll_to_top());
    // Switched on again on the comparison itself: back to the top, where the chart is drawn first.
    m.workshop().set_presentation(false);
    EXPECT_EQ(m.screen(), Screen::Compare);
    m.workshop().set_presentation(true);
    EXPECT_TRUE(m.take_scroll_to_top());
    // Elsewhere (a theme) it stays where it is.
    m.workshop().set_presentation(false);
    m.go_to_theme(0);
    m.workshop().set_presentation(true);
    EXPECT_EQ(m.screen(), Screen::Theme);
}

TEST(WorkshopModel, TooFewAnswersToCompareIsUnderEightyPercentOfTheVisibleQuestions) {
    using W = mf::WorkshopModel;
    EXPECT_DOUBLE_EQ(W::kMinCoverageToCompare, 0.8);
    EXPECT_TRUE(W::enough_to_compare(mf::Progress{38, 38}));
    EXPECT_TRUE(W::enough_to_compare(mf::Progress{24, 30}));
    EXPECT_FALSE(W::enough_to_compare(mf::Progress{23, 30}));
    EXPECT_FALSE(W::enough_to_compare(mf::Progress{3, 31}));
    EXPECT_FALSE(W::enough_to_compare(mf::Progress{0, 0})) << "nothing to show is not enough";
}

TEST(WorkshopModel, PresentationModeEnlargesUpToTwiceAndIsSaved) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    EXPECT_FLOAT_EQ(m.ui_scale(), 1.0f);
    m.workshop().set_presentation(true);
    EXPECT_FLOAT_EQ(m.ui_scale(), 1.5f);
    m.set_text_size(3); // 1.5 x 1.5 would be 2.25: capped at 2
    EXPECT_FLOAT_EQ(m.ui_scale(), 2.0f);
    EXPECT_GT(host.frames_requested, 0);
    mf_test::frame(m);
    AppModel again(host, Page::Respondent);
    mf_test::start(again);
    EXPECT_TRUE(again.workshop().presentation());
}

} // namespace
