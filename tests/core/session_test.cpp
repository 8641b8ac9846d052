// The app's saved session and view logic (core/session.h), against the shipped questionnaire.
#include "core/cvr.h"
#include "core/questionnaire_load.h"
#include "core/session.h"
#include "support/diagnostic_check.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {
using mf_test::shipped;

using mf::Answers;

std::size_t theme_index(const std::string& id) {
    const mf::Questionnaire& q = shipped();
    for (std::size_t i = 0; i < q.themes.size(); ++i)
        if (q.themes[i].id == id) return i;
    throw std::runtime_error("no theme " + id);
}

TEST(Session, ScreenIdsRoundTrip) {
    for (int i = 0; i <= (int)mf::Screen::FollowUp; i++) {
        const mf::Screen s = (mf::Screen)i;
        ASSERT_TRUE(mf::screen_from_id(mf::screen_id(s)).has_value());
        EXPECT_EQ(*mf::screen_from_id(mf::screen_id(s)), s);
    }
    EXPECT_FALSE(mf::screen_from_id("nowhere").has_value());
}

TEST(Session, SavedFormRoundTripsExactly) {
    mf::Session s;
    s.screen = mf::Screen::Theme;
    s.theme = 3;
    s.text_size = 2;
    s.assessment.language = "en";
    s.assessment.created = "2026-11-25T10:00:00Z";
    s.assessment.updated = "2026-11-25T10:05:00Z";
    s.assessment.answers = {{"org_name", std::string("Café Ærø")}, {"employees", 12.0},
                            {"has_policy", std::string("yes")},
                            {"policy_content", std::vector<std::string>{"rekruttering"}}};
    s.assessment.action_plan.areas.push_back({"rekruttering", "Two new channels", "HR", "2027-03-01"});
    s.drafts["employees"] = "12a";
    mf::EarlierResult e;
    e.file = "last-year.json";
    e.created = "2025-11-01T09:00:00Z";
    e.organisation = "Café Ærø";
    e.scores.overall = 42.5;
    e.scores.level = "paa_vej";
    s.earlier = e;

    const std::string text = mf::session_text(s);
    mf::Session back;
    mf::Diagnostics d;
    ASSERT_TRUE(mf::read_session(text, shipped(), back, d)) << (d.empty() ? "" : d.front().to_string());
    EXPECT_EQ(back.screen, mf::Screen::Theme);
    EXPECT_EQ(back.theme, 3u);
    EXPECT_EQ(back.text_size, 2);
    EXPECT_EQ(back.assessment.language, "en");
    EXPECT_EQ(back.drafts.at("employees"), "12a");
    ASSERT_TRUE(back.earlier.has_value());
    EXPECT_EQ(back.earlier->scores.overall, 42.5);
    EXPECT_EQ(mf::session_text(back), text);
}

TEST(Session, ReadingDropsWhatNoLongerFitsAndClampsTheTheme) {
    mf::Session s;
    s.theme = 99;
    s.assessment.answers = {{"org_name", std::string("A")}, {"no_such_question", std::string("x")},
                            {"job_ads", std::string("not_an_option")}, {"has_policy", std::string("yes")}};
    mf::Session back;
    mf::Diagnostics d;
    ASSERT_TRUE(mf::read_session(mf::session_text(s), shipped(), back, d));
    EXPECT_EQ(back.assessment.answers.count("no_such_question"), 0u);
    EXPECT_EQ(back.assessment.answers.count("job_ads"), 0u);
    EXPECT_EQ(back.assessment.answers.count("has_policy"), 1u);
    EXPECT_EQ(back.theme, shipped().themes.size() - 1);
}

TEST(Session, UnreadableTextLeavesTheSessionUntouched) {
    mf::Session s;
    s.theme = 2;
    for (const char* bad : {"", "{", "[]", "{\"format\":\"something else\"}", "{\"format\":\"mangfoldighedstjek/session\"}"}) {
        mf::Diagnostics d;
        EXPECT_FALSE(mf::read_session(bad, shipped(), s, d)) << bad;
        EXPECT_FALSE(d.empty()) << bad;
        mf_test::expect_coded(d);
        EXPECT_EQ(s.theme, 2u);
    }
}

TEST(Session, ProgressFollowsVisibility) {
    const std::size_t ledelse = theme_index("ledelse");
    Answers a;
    const mf::Progress before = mf::theme_progress(shipped(), a, ledelse);
    EXPECT_EQ(before.answered, 0);
    a["has_policy"] = std::string("yes"); // shows policy_content and policy_known
    const mf::Progress after = mf::theme_progress(shipped(), a, ledelse);
    EXPECT_EQ(after.answered, 1);
    EXPECT_EQ(after.visible, before.visible + 2);
    a["has_policy"] = std::string("no");
    EXPECT_EQ(mf::theme_progress(shipped(), a, ledelse).visible, before.visible);

    const mf::Progress total = mf::total_progress(shipped(), a);
    EXPECT_EQ(total.answered, 1);
    EXPECT_EQ((std::size_t)total.visible, mf::unanswered_questions(shipped(), a).size() + 1);
}

TEST(Session, AnsweringEverythingLeadsToTheResults) {
    Answers a;
    EXPECT_EQ(mf::screen_after_themes(shipped(), a), mf::Screen::Review);
    // Answer every visible scored question with its first option until nothing is left.
    for (int round = 0; round < 10; round++) {
        for (const mf::UnansweredQuestion& u : mf::unanswered_questions(shipped(), a)) {
            const mf::Question* q = shipped().question(u.question_id);
            ASSERT_NE(q, nullptr);
            if (q->type == mf::QuestionType::YesNo) a[q->id] = std::string("yes");
            else if (q->type == mf::QuestionType::Multiple) a[q->id] = std::vector<std::string>{q->options.back().id};
            else a[q->id] = q->options.front().id;
        }
    }
    EXPECT_TRUE(mf::unanswered_questions(shipped(), a).empty());
    EXPECT_EQ(mf::screen_after_themes(shipped(), a), mf::Screen::Results);
    EXPECT_TRUE(mf::total_progress(shipped(), a).complete());
}

TEST(Session, VisibleQuestionsHideConditionalOnes) {
    const std::size_t ledelse = theme_index("ledelse");
    Answers a{{"employees", 10.0}};
    auto ids = [&] {
        std::vector<std::string> out;
        for (const mf::Question* q : mf::visible_questions(shipped(), a, ledelse)) out.push_back(q->id);
        return out;
    };
    const std::vector<std::string> small = ids();
    EXPECT_EQ(std::count(small.begin(), small.end(), "leader_diversity"), 0); // only from 50 employees
    a["employees"] = 50.0;
    std::vector<std::string> now = ids();
    EXPECT_EQ(std::count(now.begin(), now.end(), "leader_diversity"), 1);
}

TEST(Session, NumbersAsPeopleTypeThem) {
    double d = 0;
    EXPECT_TRUE(mf::parse_number_text("25", d));
    EXPECT_EQ(d, 25);
    EXPECT_TRUE(mf::parse_number_text(" 1 250 ", d));
    EXPECT_EQ(d, 1250);
    EXPECT_TRUE(mf::parse_number_text("12,5", d));
    EXPECT_EQ(d, 12.5);
    for (const char* bad : {"", "  ", "12a", "1e5", "inf", "nan", "1.2.3", "--1"}) EXPECT_FALSE(mf::parse_number_text(bad, d)) << bad;
}

TEST(Session, EmailShape) {
    EXPECT_TRUE(mf::is_plausible_email("hr@firma.dk"));
    EXPECT_TRUE(mf::is_plausible_email("a.b+c@sub.example.org"));
    for (const char* bad : {"", "firma.dk", "@firma.dk", "hr@firma", "hr@@firma.dk", "hr@firma.", "h r@firma.dk", "a@b@c.dk"})
        EXPECT_FALSE(mf::is_plausible_email(bad)) << bad;
}

TEST(Session, ProfileMessagesWhileTyping) {
    const mf::Questionnaire& q = shipped();
    const mf::Question* cvr = q.profile_field("cvr");
    const mf::Question* employees = q.profile_field("employees");
    const mf::Question* email = q.profile_field("email");
    ASSERT_TRUE(cvr && employees && email);

    EXPECT_EQ(mf::profile_field_problem(*cvr, "13748136", "da", true), "");
    EXPECT_EQ(mf::profile_field_problem(*cvr, "13748137", "da", true), mf::cvr_message(mf::CvrCheck::BadChecksum, "da"));
    EXPECT_EQ(mf::profile_field_problem(*cvr, "13748137", "en", true), mf::cvr_message(mf::CvrCheck::BadChecksum, "en"));
    // An untouched required field is not scolded; once the respondent moves on, it is.
    EXPECT_EQ(mf::profile_field_problem(*cvr, "", "da", false), "");
    EXPECT_NE(mf::profile_field_problem(*cvr, "", "da", true), "");

    EXPECT_EQ(mf::profile_field_problem(*employees, "25", "da", true), "");
    EXPECT_NE(mf::profile_field_problem(*employees, "25 ansatte", "da", true), "");
    EXPECT_NE(mf::profile_field_problem(*employees, "2,5", "da", true), ""); // whole numbers only
    ASSERT_TRUE(employees->min.has_value());
    const std::string below = mf::profile_field_problem(*employees, "0", "en", true);
    EXPECT_NE(below.find("between"), std::string::npos) << below;

    EXPECT_EQ(mf::profile_field_problem(*email, "hr@firma.dk", "da", true), "");
    EXPECT_NE(mf::profile_field_problem(*email, "hr@firma", "da", true), "");
    EXPECT_NE(mf::profile_field_problem(*email, "hr@firma", "da", true), mf::profile_field_problem(*email, "hr@firma", "en", true));
    EXPECT_EQ(mf::profile_field_problem(*email, "", "da", true), ""); // optional
}

TEST(Session, ProfileProblemsCarryACodeBesideTheirWords) {
    const mf::Questionnaire& q = shipped();
    const mf::Question* cvr = q.profile_field("cvr");
    const mf::Question* employees = q.profile_field("employees");
    const mf::Question* email = q.profile_field("email");
    const mf::Question* sector = q.profile_field("sector");
    ASSERT_TRUE(cvr && employees && email && sector && employees->min && employees->max);
    // The same code and parameters in both languages; the message is the language's.
    for (const char* lang : {"da", "en"}) {
        const mf::FieldProblem p = mf::check_profile_field(*cvr, "13748137", lang, true);
        EXPECT_EQ(p.code, "profile.cvr.bad_checksum");
        EXPECT_EQ(p.params, (mf::DiagnosticParams{{"cvr", "13748137"}}));
        EXPECT_EQ(p.message, mf::cvr_message(mf::CvrCheck::BadChecksum, lang));
    }
    const mf::FieldProblem range = mf::check_profile_field(*employees, "0", "en", true);
    EXPECT_EQ(range.code, "profile.number.out_of_range");
    EXPECT_EQ(range.message, "Enter a number between " + range.params[1].second + " and " + range.params[2].second + ".");
    EXPECT_EQ(mf::check_profile_field(*employees, "2,5", "da", true).code, "profile.number.not_whole");
    EXPECT_EQ(mf::check_profile_field(*employees, "mange", "da", true).code, "profile.number.invalid");
    EXPECT_EQ(mf::check_profile_field(*email, "hr@firma", "da", true).code, "profile.email.invalid");
    EXPECT_EQ(mf::check_profile_field(*cvr, "", "da", true).code, "profile.fill_in");
    EXPECT_EQ(mf::check_profile_field(*sector, "", "da", true).code, "profile.choose_option");
    EXPECT_TRUE(mf::check_profile_field(*cvr, "13748136", "da", true).fine());
    for (const char* text : {"", "13748137", "1374813", "1374813x", "03748136", "0", "2,5", "mange", "hr@firma", "hr@firma.dk"})
        for (const mf::Question* field : {cvr, employees, email, sector}) {
            const mf::FieldProblem p = mf::check_profile_field(*field, text, "da", true);
            mf_test::expect_coded(p);
            EXPECT_EQ(p.message, mf::profile_field_problem(*field, text, "da", true));
        }
}

TEST(Session, ProfileCompleteNeedsEveryRequiredFieldValid) {
    const mf::Questionnaire& q = shipped();
    Answers a{{"org_name", std::string("Eksempel ApS")}, {"cvr", std::string("13748136")},
              {"sector", q.profile_field("sector")->options.front().id}, {"employees", 20.0}};
    EXPECT_TRUE(mf::profile_complete(q, a));
    a["cvr"] = std::string("13748137");
    EXPECT_FALSE(mf::profile_complete(q, a));
    a["cvr"] = std::string("13748136");
    a.erase("employees");
    EXPECT_FALSE(mf::profile_complete(q, a));
    a["employees"] = 20.0;
    a["contact_email"] = std::string("not an address");
    EXPECT_FALSE(mf::profile_complete(q, a));
}

TEST(Session, ExportFileNames) {
    EXPECT_EQ(mf::export_file_name("Københavns Bæredygtige Café A/S", "2026-11-25"),
              "mangfoldighedstjek-koebenhavns-baeredygtige-cafe-a-s-2026-11-25.json");
    EXPECT_EQ(mf::export_file_name("  Åens Ølbryggeri  ", "2026-01-02"), "mangfoldighedstjek-aaens-oelbryggeri-2026-01-02.json");
    EXPECT_EQ(mf::export_file_name("", "2026-11-25"), "mangfoldighedstjek-organisation-2026-11-25.json");
    EXPECT_EQ(mf::export_file_name("“–”", "2026-11-25"), "mangfoldighedstjek-organisation-2026-11-25.json");
    const std::string longer = mf::export_file_name(std::string(100, 'x'), "2026-11-25");
    EXPECT_EQ(longer, "mangfoldighedstjek-" + std::string(40, 'x') + "-2026-11-25.json");
    EXPECT_EQ(mf::export_file_name("../../etc/passwd", "2026-11-25"), "mangfoldighedstjek-etc-passwd-2026-11-25.json");
}

} // namespace
