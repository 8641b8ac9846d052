// session_flow_test.cpp - the app model's respondent flow, run in memory (fake_host.h): start-up,
// saving at the end of a frame, moving between screens, typing into fields, notices in the language
// shown, the export, the import dialog's choices, the report, starting over, the municipality page's
// settings in its address.
#include "app/model/model.h"
#include "core/scoring.h"
#include "core/diagnostic_codes.h"
#include "fake_host.h"

#include <gtest/gtest.h>
#include <set>

#include <nlohmann/json.hpp>

namespace {

using mf::AppModel;
using mf::Page;
using mf::Screen;
using mf_test::FakeHost;

const mf::Question& field(const AppModel& m, const std::string& role) { return *m.questionnaire().profile_field(role); }

TEST(SessionFlow, AFirstVisitStartsOnTheStartScreenAndWritesNothingUntilSomethingChanges) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    ASSERT_TRUE(m.loaded());
    EXPECT_EQ(m.screen(), Screen::Start);
    EXPECT_EQ(m.language(), "da");
    EXPECT_FALSE(m.storage_failed());
    EXPECT_TRUE(host.memory.data.empty()) << "the storage check leaves nothing behind, and nothing else is written";
    EXPECT_EQ(m.workshop().list().entries.size(), 1u);
}

TEST(SessionFlow, AnAnswerIsSavedAtTheEndOfItsFrameWithItsTime) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.go_to(Screen::Profile);
    host.now = "2026-11-25T15:00:00Z";
    m.type_into(field(m, "name"), "Bageriet ApS");
    EXPECT_TRUE(host.memory.data.empty()) << "nothing is written in the middle of a frame";
    mf_test::frame(m);
    const std::string saved = host.memory.data.at(mf::assessment_key(m.workshop().current()));
    mf::Session read;
    mf::Diagnostics d;
    ASSERT_TRUE(mf::read_session(saved, m.questionnaire(), read, d));
    EXPECT_EQ(read.screen, Screen::Profile);
    EXPECT_EQ(*mf::answer_text(read.assessment.answers, field(m, "name").id), "Bageriet ApS");
    EXPECT_EQ(read.assessment.created, "2026-11-25T15:00:00Z");
    EXPECT_EQ(read.assessment.updated, "2026-11-25T15:00:00Z");

    // A restart (a reload) resumes exactly there.
    AppModel again(host, Page::Respondent);
    mf_test::start(again);
    EXPECT_EQ(again.screen(), Screen::Profile);
    EXPECT_EQ(again.field_text(field(again, "name")), "Bageriet ApS");
}

TEST(SessionFlow, ResumeGoesToWhatIsMissingFirst) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.resume();
    EXPECT_EQ(m.screen(), Screen::Profile); // the profile is incomplete
    mf_test::fill_profile(m);
    m.resume();
    EXPECT_EQ(m.screen(), Screen::Theme);
    EXPECT_EQ(m.session().theme, 0u);
    mf_test::answer_everything(m);
    m.resume();
    EXPECT_EQ(m.screen(), Screen::Results);
}

TEST(SessionFlow, NumbersAreKeptAsTypedUntilValidAndMessagesShowOnceAFieldWasLeft) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    const mf::Question& employees = field(m, "employees");
    m.type_into(employees, "25 ansatte");
    EXPECT_EQ(m.answers().count(employees.id), 0u);
    EXPECT_EQ(m.field_text(employees), "25 ansatte") << "what was typed is not lost";
    EXPECT_FALSE(m.field_problem(employees).empty()) << "not a number: said while typing";
    m.type_into(employees, "25");
    ASSERT_NE(mf::answer_number(m.answers(), employees.id), nullptr);
    EXPECT_EQ(*mf::answer_number(m.answers(), employees.id), 25.0);
    EXPECT_EQ(m.field_text(employees), "25");

    const mf::Question& name = field(m, "name");
    EXPECT_TRUE(m.field_problem(name).empty()) << "an untouched required field is not an error yet";
    m.leave_profile(); // "Next" with the profile incomplete: every field counts as left
    EXPECT_FALSE(m.field_problem(name).empty());
    EXPECT_EQ(m.screen(), Screen::Theme);
}

TEST(SessionFlow, NoneOfTheseClearsTheOtherBoxesAndTheOthersClearIt) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    const mf::Question* q = m.questionnaire().question("recruitment_channels");
    ASSERT_NE(q, nullptr);
    m.toggle_option(*q, "jobnet");
    m.toggle_option(*q, "foreninger");
    EXPECT_EQ(*mf::answer_selection(m.answers(), q->id), (std::vector<std::string>{"jobnet", "foreninger"}));
    m.toggle_option(*q, "ingen");
    EXPECT_EQ(*mf::answer_selection(m.answers(), q->id), (std::vector<std::string>{"ingen"}));
    m.toggle_option(*q, "jobnet");
    EXPECT_EQ(*mf::answer_selection(m.answers(), q->id), (std::vector<std::string>{"jobnet"}));
    m.toggle_option(*q, "jobnet");
    EXPECT_EQ(m.answers().count(q->id), 0u) << "unticking the last box makes the question unanswered";
}

TEST(SessionFlow, ANoticeFollowsALanguageSwitchAndGoesAfterSixSeconds) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.begin_frame(10);
    m.notify("notice.loaded", {{"file", "bageriet.json"}});
    EXPECT_EQ(m.notice_text(), "Indlæst: bageriet.json");
    m.set_language("en");
    EXPECT_EQ(m.notice_text(), "Loaded: bageriet.json");
    EXPECT_DOUBLE_EQ(m.seconds_to_next_wake(), 6.0);
    m.begin_frame(15.9);
    EXPECT_FALSE(m.notice_text().empty());
    m.begin_frame(16.0);
    EXPECT_TRUE(m.notice_text().empty());
    EXPECT_LT(m.seconds_to_next_wake(), 0);
}

TEST(SessionFlow, TheExportSaysWhatIsMissingThenSavesTheFileNamedAfterTheOrganisation) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    EXPECT_FALSE(m.prepare_export().ok());
    mf_test::fill_profile(m, "Bageriet ApS");
    mf_test::answer_everything(m);
    const mf::ExportOutcome out = m.prepare_export();
    ASSERT_TRUE(out.ok());
    m.save_export("");
    ASSERT_EQ(host.saved.count("mangfoldighedstjek-bageriet-aps-2026-11-25.json"), 1u);
    EXPECT_EQ(host.saved.begin()->second, out.text);
    EXPECT_EQ(m.last_export(), "mangfoldighedstjek-bageriet-aps-2026-11-25.json");
    EXPECT_EQ(m.notice_text(), "Resultatfilen er hentet: mangfoldighedstjek-bageriet-aps-2026-11-25.json");

    host.refuse_saving = true;
    m.save_export("");
    EXPECT_EQ(m.export_error(), "the browser refused the download");
}

TEST(SessionFlow, AnOpenedResultIsContinuedOrComparedAsTheUserChooses) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    mf_test::fill_profile(m, "Bageriet ApS");
    mf_test::answer_everything(m);
    const std::string file = m.prepare_export().text;
    const double overall = *mf::summarise(m.questionnaire(), mf::compute_scores(m.questionnaire(), m.answers())).overall;

    FakeHost other;
    AppModel fresh(other, Page::Respondent);
    mf_test::start(fresh);
    fresh.set_language("en");
    fresh.file_received("last-year.json", file);
    ASSERT_TRUE(fresh.pending_import() && fresh.pending_import()->result) << "the dialog asks what to do";
    EXPECT_EQ(fresh.answers().size(), 0u) << "nothing changes before the choice";
    fresh.adopt_import(mf::ImportPurpose::Compare);
    ASSERT_TRUE(fresh.session().earlier);
    EXPECT_EQ(fresh.session().earlier->file, "last-year.json");
    EXPECT_DOUBLE_EQ(*fresh.session().earlier->scores.overall, mf::round1(overall));
    EXPECT_EQ(fresh.screen(), Screen::Results);
    EXPECT_EQ(fresh.notice_text(), "Comparing with last-year.json");

    fresh.file_received("last-year.json", file);
    fresh.adopt_import(mf::ImportPurpose::Continue);
    EXPECT_EQ(fresh.answers(), m.answers());
    EXPECT_EQ(fresh.language(), "en") << "the user's language stays";
    EXPECT_EQ(fresh.screen(), Screen::Results) << "a complete profile goes to the results";
    EXPECT_FALSE(fresh.pending_import());

    // Chosen for a purpose up front ("Compare with an earlier result …"): adopted without the dialog.
    fresh.choose_import(mf::ImportPurpose::Compare);
    EXPECT_EQ(other.chosen.size(), 1u) << "the picker opened";
    fresh.file_received("again.json", file);
    EXPECT_FALSE(fresh.pending_import());
    EXPECT_EQ(fresh.session().earlier->file, "again.json");
}

TEST(SessionFlow, TheReportOpensInATabNamedLikeTheExport) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    mf_test::fill_profile(m, "Bageriet ApS");
    m.open_report();
    ASSERT_EQ(host.html.count("mangfoldighedstjek-bageriet-aps-2026-11-25-rapport.html"), 1u);
    EXPECT_NE(host.html.begin()->second.find("<h2>Handlingsplan</h2>"), std::string::npos);
    EXPECT_EQ(m.notice_text(), "Rapporten er åbnet i en ny fane. Udskriv den derfra (Ctrl+P), fx som PDF.");
}

TEST(SessionFlow, StartingOverForgetsTheAssessmentButKeepsLanguageAndTextSize) {
    FakeHost host;
    host.picker = false; // the desktop: the export path is typed
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    m.set_language("en");
    m.set_text_size(2);
    mf_test::fill_profile(m);
    m.export_path() = "/tmp/elsewhere.json";
    m.leave_field(field(m, "name").id);
    m.ask_start_over();
    EXPECT_TRUE(m.confirming_start_over());
    m.start_over();
    EXPECT_FALSE(m.confirming_start_over());
    EXPECT_TRUE(m.answers().empty());
    EXPECT_EQ(m.screen(), Screen::Start);
    EXPECT_EQ(m.language(), "en");
    EXPECT_EQ(m.text_size(), 2);
    EXPECT_EQ(m.export_path(), "/home/consultant/Documents/mangfoldighedstjek-organisation-2026-11-25.json")
        << "the last organisation's path does not survive";
    EXPECT_TRUE(m.field_problem(field(m, "name")).empty()) << "no field counts as left any more";
}

TEST(SessionFlow, TheMunicipalityPageKeepsItsSettingsInItsAddressAndStoresNothing) {
    FakeHost host;
    host.query = "text=2&lang=en&unknown=1";
    AppModel m(host, Page::Municipality);
    mf_test::start(m);
    EXPECT_EQ(m.language(), "en");
    EXPECT_EQ(m.text_size(), 2);
    EXPECT_TRUE(m.overview_open());
    m.set_language("da");
    mf_test::frame(m);
    EXPECT_EQ(host.query, "lang=da&text=2");
    EXPECT_TRUE(host.memory.data.empty());
    m.close_overview();
    EXPECT_EQ(host.pages, (std::vector<std::string>{"./"}));

    FakeHost respondent;
    AppModel r(respondent, Page::Respondent);
    mf_test::start(r);
    r.set_text_size(1);
    r.open_overview();
    EXPECT_EQ(respondent.pages, (std::vector<std::string>{"kommune.html?lang=da&text=1"}));
    EXPECT_FALSE(r.overview_open()) << "the respondent's page leaves; it never shows the overview itself";
}

TEST(SessionFlow, PrivateBrowsingIsNoticedAtStartAndTheAnswersStayInMemory) {
    FakeHost host;
    host.memory.refuse = true;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    EXPECT_TRUE(m.storage_failed());
    mf_test::fill_profile(m);
    mf_test::frame(m);
    EXPECT_TRUE(m.storage_failed());
    EXPECT_FALSE(m.answers().empty());
}

} // namespace

// An untouched assessment's export page lists only what the respondent must fill in, in the
// respondent's words: no timestamps, no internal checks (issue 19).
TEST(SessionFlow, AnEmptyExportListsOnlyTheProfileFieldsToFillIn) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    const mf::ExportOutcome out = m.prepare_export();
    ASSERT_FALSE(out.ok());
    std::set<std::string> codes;
    for (const mf::Diagnostic& d : out.diagnostics) codes.insert(d.code);
    EXPECT_EQ(codes, (std::set<std::string>{"export.profile.missing", "export.cvr.empty"}));
    for (const mf::Diagnostic& d : out.diagnostics) {
        const std::string text = mf::diagnostic_text(m.texts(), d);
        EXPECT_EQ(text.find("\"\""), std::string::npos) << text;
        EXPECT_NE(text.find("profilen"), std::string::npos) << text;
    }
}

// The accessibility statement opens in a new tab, in the UI's language; where no page can be opened
// (the desktop) the app says where the statement is instead of doing nothing.
TEST(SessionFlow, TheAccessibilityStatementOpensInTheUsersLanguage) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    m.open_statement();
    ASSERT_EQ(host.tabs.size(), 1u);
    EXPECT_EQ(host.tabs.back(), "tilgaengelighed.html");
    EXPECT_TRUE(m.notice_text().empty());
    m.set_language("en");
    m.open_statement();
    EXPECT_EQ(host.tabs.back(), "tilgaengelighed.html#en");
    host.serves_pages = false;
    m.open_statement();
    EXPECT_NE(m.notice_text().find("tilgaengelighed.html"), std::string::npos) << m.notice_text();
}

// An answer that brings follow-up questions into view says so (the layer's live region reads the
// notice); answering the same again, or a question that reveals nothing, says nothing.
TEST(SessionFlow, AFollowUpQuestionThatAppearsIsAnnounced) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    const mf::Questionnaire& q = m.questionnaire();
    m.set_answer(*q.question("reporting_channel"), std::string("yes"));
    EXPECT_EQ(m.notice_text(), "Et nyt spørgsmål er kommet til herunder: »" + q.question("case_handling")->text.in("da") + "«");
    m.begin_frame(100.0); // the notice has gone
    m.set_answer(*q.question("reporting_channel"), std::string("yes"));
    EXPECT_EQ(m.notice_text(), "") << "nothing new appeared";
    m.set_answer(*q.question("has_policy"), std::string("yes"));
    EXPECT_EQ(m.notice_text(), "2 nye spørgsmål er kommet til herunder.");
    m.begin_frame(200.0);
    m.clear_answer(*q.question("has_policy"));
    EXPECT_EQ(m.notice_text(), "") << "questions that go away are not announced";
}

TEST(SessionFlow, ARestoredEnglishSessionIsShownInEnglish) {
    FakeHost host;
    {
        AppModel first{host, Page::Respondent};
        mf_test::start(first);
        first.set_language("en");
        mf_test::frame(first, 1);
    }
    AppModel again{host, Page::Respondent};
    mf_test::start(again);
    EXPECT_EQ(again.language(), "en");
    EXPECT_EQ(again.texts()("results.heading"), std::string("Your result")) << "the texts follow the restored language";
}
