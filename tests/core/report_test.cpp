// The printable report: the figures of scoring.md's worked example in the page, escaping of every
// user text, both languages, the comparison, the action plan with its indicators, the follow-up of
// the earlier plan next to the themes' change, the order of the recommendations, and a page that
// needs nothing from outside (no scripts, no URLs) for the shipped questionnaire, and whose only
// inline style is assets/report.css byte for byte (the web pages' CSP allows it by hash).
#include "core/questionnaire_load.h"
#include "core/report.h"
#include "core/scoring.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>

namespace {
using mf_test::shipped;
using mf_test::example;

using mf::Answers;

const char* const kHostileName = "Smith & S\u00f8n <script>alert(1)</script> \"A/S\" 'Nord'";

// The answers of scoring.md's worked example, with a hostile organisation name and action plan.
mf::Assessment example_assessment(const std::string& lang) {
    mf::Assessment a;
    a.language = lang;
    a.created = "2026-11-25T14:03:00Z";
    a.updated = "2026-11-25T14:40:12Z";
    a.answers = Answers{{"org_name", std::string(kHostileName)}, {"cvr", std::string("1374 8136")},
                        {"sector", std::string("service")},     {"employees", 20.0},
                        {"policy", std::string("draft")},       {"leader_goal", std::string("yes")},
                        {"policy_public", std::string("dont_know")},
                        {"channels", std::vector<std::string>{"jobcenter", "ngo", "school"}},
                        {"only_network", std::string("yes")},   {"large_employer", std::string("yes")}};
    a.action_plan.areas = {{"ledelse", "Politik vedtaget <b>inden</b> 1/3 & offentliggjort", "Direkt\u00f8ren & HR",
                            "2027-03-01"},
                           {"only_network", "Alle stillinger p\u00e5 Jobnet", "HR-chefen", "2027-06-15"}};
    return a;
}

std::string report(const mf::Questionnaire& q, const mf::Assessment& a, const mf::ReportOptions& o = {"2026-11-26", {}}) {
    return mf::report_html(q, a, mf::compute_scores(q, a.answers), o);
}

bool has(const std::string& html, const std::string& needle) { return html.find(needle) != std::string::npos; }

std::size_t count(const std::string& html, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) ++n;
    return n;
}

TEST(Report, HtmlEscapeReplacesEveryMarkupCharacter) {
    EXPECT_EQ(mf::html_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    EXPECT_EQ(mf::html_escape("\u00e6\u00f8\u00e5 plain"), "\u00e6\u00f8\u00e5 plain");
    EXPECT_EQ(mf::html_escape(""), "");
}

// The figures hand-computed in docs/scoring.md, section 8, as Danish text.
TEST(Report, DanishShowsTheWorkedExampleFigures) {
    const std::string html = report(example(), example_assessment("da"));
    EXPECT_TRUE(has(html, "<html lang=\"da\">"));
    EXPECT_TRUE(has(html, ">50\u00a0%<")) << "overall 50 %";
    EXPECT_TRUE(has(html, ">P\u00e5 vej<")) << "level";
    EXPECT_TRUE(has(html, ">83,3\u00a0%<")) << "coverage";
    EXPECT_TRUE(has(html, "5 af 6 spørgsmål besvaret"));
    EXPECT_TRUE(has(html, ">55,6\u00a0%<")) << "principle F";
    EXPECT_TRUE(has(html, ">58,3\u00a0%<")) << "principle D";
    EXPECT_TRUE(has(html, ">33,3\u00a0%<")) << "principle M";
    EXPECT_TRUE(has(html, ">42,9\u00a0%<")) << "theme ledelse";
    EXPECT_TRUE(has(html, ">66,7\u00a0%<")) << "theme rekruttering (percent and coverage)";
    EXPECT_TRUE(has(html, ">3/3<"));
    EXPECT_TRUE(has(html, ">2/3<"));
    for (const char* title : {"Forskellighed er en styrke", "Alle skal have mulighed for at være med",
                              "Medborgerskab kommer alle ved", ">Ledelse<", ">Rekruttering<"})
        EXPECT_TRUE(has(html, title)) << title;
    // The level's description from the questionnaire, and the other levels on the scale.
    EXPECT_TRUE(has(html, mf::html_escape(example().levels[2].description.in("da"))));
    EXPECT_TRUE(has(html, ">Foregangsvirksomhed<"));
    // Dates in words, the report's and the last change's.
    EXPECT_TRUE(has(html, "26. november 2026"));
    EXPECT_TRUE(has(html, "25. november 2026"));
    // Profile answers as people read them: the option text, the number.
    EXPECT_TRUE(has(html, ">Antal medarbejdere</th><td>20 " + example().profile_field("employees")->unit.in("da") + "<"));
    EXPECT_TRUE(has(html, ">" + example().profile_field("sector")->option("service")->text.in("da") + "<"));
    EXPECT_TRUE(has(html, "Sådan skal tallene læses"));
    EXPECT_TRUE(has(html, "1 spørgsmål er ikke besvaret"));
}

TEST(Report, RecommendationsInTheOrderOfScoringMd) {
    const std::string html = report(example(), example_assessment("da"));
    // Section 8, step 6: gains 40, 20, 20, 10, 10.
    const char* order[] = {"Start med ledelsen.", "Gør politikken færdig.", "Læg politikken på hjemmesiden.",
                           "Bred rekrutteringen ud.", "Slå stillinger op bredt."};
    std::size_t last = 0;
    for (const char* text : order) {
        const std::size_t at = html.find(text);
        ASSERT_NE(at, std::string::npos) << text;
        EXPECT_GT(at, last) << text;
        last = at;
    }
    EXPECT_TRUE(has(html, "mulig gevinst: op til 40 procentpoint"));
    EXPECT_TRUE(has(html, "mulig gevinst: op til 10 procentpoint"));
    EXPECT_FALSE(has(html, "Sæt et mål.")) << "leader_goal has full points";
    EXPECT_FALSE(has(html, "Kontakt en skole.")) << "its condition does not hold";
    // The unanswered question is listed by theme and text.
    EXPECT_TRUE(has(html, "<li>Rekruttering: Anonymiserer I ansøgninger?</li>"));
}

TEST(Report, LongListsShowTheBiggestGainsAndSayHowManyMore) {
    mf::ReportOptions o{"2026-11-26", {}, 2};
    const std::string html = report(example(), example_assessment("da"), o);
    EXPECT_TRUE(has(html, "Start med ledelsen."));
    EXPECT_TRUE(has(html, "Gør politikken færdig."));
    EXPECT_FALSE(has(html, "Læg politikken på hjemmesiden."));
    EXPECT_FALSE(has(html, "Slå stillinger op bredt."));
    EXPECT_TRUE(has(html, "Rapporten viser de 2 anbefalinger, der kan gøre størst forskel. Der er 3 mere"));
    o.max_recommendations = 0;
    const std::string all = report(example(), example_assessment("da"), o);
    EXPECT_TRUE(has(all, "Slå stillinger op bredt."));
    EXPECT_FALSE(has(all, "Rapporten viser de"));
    EXPECT_EQ(count(all, "<li><p>"), 5u);
}

TEST(Report, EveryUserTextIsEscaped) {
    const std::string html = report(example(), example_assessment("da"));
    EXPECT_FALSE(has(html, "<script")) << "no script element, not even the one in the name";
    EXPECT_FALSE(has(html, "<b>inden")) << "markup in a goal stays text";
    const std::string name = "Smith &amp; S\u00f8n &lt;script&gt;alert(1)&lt;/script&gt; &quot;A/S&quot; &#39;Nord&#39;";
    EXPECT_GE(count(html, name), 3u) << "title, heading and profile";
    EXPECT_TRUE(has(html, "<title>Regneeksempel \u2013 Rapport \u2013 " + name + " \u2013 2026-11-26</title>"));
    EXPECT_TRUE(has(html, "Politik vedtaget &lt;b&gt;inden&lt;/b&gt; 1/3 &amp; offentliggjort"));
    EXPECT_TRUE(has(html, "Direkt\u00f8ren &amp; HR"));
    // Escaped also where a user text lands inside an attribute-free SVG or a table: no raw & left
    // that is not the start of an entity.
    for (std::size_t at = html.find('&'); at != std::string::npos; at = html.find('&', at + 1)) {
        const std::string rest = html.substr(at, 6);
        EXPECT_TRUE(rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 || rest.rfind("&gt;", 0) == 0 ||
                    rest.rfind("&quot;", 0) == 0 || rest.rfind("&#39;", 0) == 0)
            << "a bare & at " << at << ": " << html.substr(at, 30);
    }
}

TEST(Report, ActionPlanWithFocusGoalResponsibleAndDate) {
    const std::string html = report(example(), example_assessment("da"));
    EXPECT_TRUE(has(html, "<h2>Handlingsplan</h2>"));
    EXPECT_TRUE(has(html, "<td>Ledelse</td>")) << "a theme focus by its title";
    EXPECT_TRUE(has(html, "<td>Rekruttering: Ansætter I kun via netværk?</td>")) << "a question focus";
    EXPECT_TRUE(has(html, ">1. marts 2027<"));
    EXPECT_TRUE(has(html, ">15. juni 2027<"));
    EXPECT_TRUE(has(html, "HR-chefen"));

    mf::Assessment none = example_assessment("da");
    none.action_plan.areas.clear();
    EXPECT_TRUE(has(report(example(), none), "Der er endnu ikke lagt en handlingsplan."));
}

TEST(Report, EnglishHasEnglishTextsAndDecimalPoints) {
    const std::string html = report(example(), example_assessment("en"));
    EXPECT_TRUE(has(html, "<html lang=\"en\">"));
    for (const char* text : {"Your result", "The three principles", "Themes", "Action plan", "Recommendations",
                             "How to read the numbers", "Overall result", ">On the way<", "Diversity is a strength",
                             ">Leadership<", "Start with leadership.", "possible gain: up to 40 percentage points",
                             "1 March 2027", "26 November 2026", "5 of 6 questions answered"})
        EXPECT_TRUE(has(html, text)) << text;
    EXPECT_TRUE(has(html, ">55.6\u00a0%<"));
    EXPECT_TRUE(has(html, ">42.9\u00a0%<"));
    EXPECT_FALSE(has(html, ">55,6\u00a0%<"));
    for (const char* danish : {"Handlingsplan", "Anbefalinger", "Jeres resultat", "Sådan skal tallene læses", "procentpoint",
                               "Start med ledelsen.", "marts"})
        EXPECT_FALSE(has(html, danish)) << danish;
}

TEST(Report, ComparisonWithAnEarlierResult) {
    mf::ReportOptions o{"2026-11-26", mf::ReportEarlier{}};
    o.earlier->created = "2025-10-02T09:00:00Z";
    o.earlier->scores.overall = 42.5;
    o.earlier->scores.level = "paa_vej";
    o.earlier->scores.principles = {{"forskellighed", 60.0}, {"deltagelse", 58.3}, {"medborgerskab", std::nullopt}};
    o.earlier->scores.themes = {{"ledelse", {50.0, 100.0}}, {"rekruttering", {70.0, 100.0}}};
    const std::string html = report(example(), example_assessment("da"), o);
    EXPECT_TRUE(has(html, "Sammenligning med et tidligere resultat"));
    EXPECT_TRUE(has(html, "2. oktober 2025"));
    // 42.5 -> 50: +7.5; F 60 -> 55.6: -4.4; D unchanged; M had none; ledelse 50 -> 42.9: -7.1.
    EXPECT_TRUE(has(html, ">42,5\u00a0%</td><td class=\"num\">50\u00a0%</td><td class=\"num\">+7,5<"));
    EXPECT_TRUE(has(html, ">60\u00a0%</td><td class=\"num\">55,6\u00a0%</td><td class=\"num\">\u22124,4<"));
    EXPECT_TRUE(has(html, ">58,3\u00a0%</td><td class=\"num\">58,3\u00a0%</td><td class=\"num\">0<"));
    EXPECT_TRUE(has(html, ">\u2013</td><td class=\"num\">33,3\u00a0%</td><td class=\"num\">\u2013<"));
    EXPECT_TRUE(has(html, ">50\u00a0%</td><td class=\"num\">42,9\u00a0%</td><td class=\"num\">\u22127,1<"));
    EXPECT_TRUE(has(html, "<strong>P\u00e5 vej \u2192 P\u00e5 vej</strong>"));
    EXPECT_FALSE(has(report(example(), example_assessment("da")), "Sammenligning")) << "only when given";
}

// Last year's goals with their status, the value now and the progress, next to the change in the
// goal's theme; this year's plan with its indicators.
TEST(Report, FollowUpOfTheEarlierPlanNextToTheScoreChange) {
    mf::Assessment a = example_assessment("da");
    a.action_plan.areas[0].indicator = mf::Indicator{"Politik <vedtaget>", "yesno", std::string("no"), std::string("yes")};
    mf::FollowUp f{"2025-10-02T09:00:00Z", "sha256:" + std::string(64, 'c'), {}};
    f.items.push_back({{"rekruttering", "Flere kanaler", "HR", "2026-06-01", mf::Indicator{"Andel opslag", "percent", 20.0, 60.0}},
                       mf::FollowUpStatus::Partly, 40.0, "Halvvejs & videre"});
    f.items.push_back({{"policy", "Politik", "Direktøren", "2026-03-01", mf::Indicator{"Opslag med sprogkrav", "number", 12.0, 4.0}},
                       mf::FollowUpStatus::Reached, 3.0, ""});
    f.items.push_back({{"ledelse", "Et mål uden indikator", "HR", "2026-03-01"}, mf::FollowUpStatus::Dropped, {}, ""});
    a.follow_up = f;
    mf::ReportOptions o{"2026-11-26", mf::ReportEarlier{}};
    o.earlier->created = "2025-10-02T09:00:00Z";
    o.earlier->scores.themes = {{"ledelse", {50.0, 100.0}}, {"rekruttering", {70.0, 100.0}}};
    const std::string html = report(example(), a, o);
    EXPECT_TRUE(has(html, "<h2>Opfølgning på den tidligere handlingsplan</h2>"));
    EXPECT_TRUE(has(html, "Sådan gik det med målene i handlingsplanen fra 2. oktober 2025."));
    // Partly, 40 % now, half the way; the theme rekruttering went 70 -> 66.7: -3.3.
    EXPECT_TRUE(has(html, "<td>Rekruttering</td><td>Flere kanaler<p class=\"muted\">Indikator: Andel opslag – dengang 20 %, målet var 60 %</p>"
                          "<p class=\"muted\">Ansvarlig: HR</p><p class=\"note\">Halvvejs &amp; videre</p></td><td><strong>Delvist nået</strong></td>"
                          "<td>40 %<p class=\"muted\">50\u00a0% af vejen til målet</p></td><td class=\"num\">\u22123,3</td>")) << html;
    // A falling target beyond reach: 12 -> 4, now 3: 112.5 %; a question's theme (ledelse 50 -> 42.9).
    EXPECT_TRUE(has(html, "<strong>Nået</strong></td><td>3<p class=\"muted\">112,5\u00a0% af vejen til målet</p></td><td class=\"num\">\u22127,1</td>"));
    EXPECT_TRUE(has(html, "<strong>Opgivet</strong></td><td><span class=\"muted\">Ingen indikator</span></td>"));
    // This year's plan shows its indicator, escaped.
    EXPECT_TRUE(has(html, "Indikator: Politik &lt;vedtaget&gt; – i dag Nej, målet er Ja"));
    // Without the earlier scores there is no change column; without a follow-up no section.
    EXPECT_FALSE(has(report(example(), a), "Ændring i temaet"));
    EXPECT_FALSE(has(report(example(), a), "procentpoint.")) << "the note on the change goes with the column";
    EXPECT_TRUE(has(report(example(), a), "<strong>Delvist nået</strong>"));
    EXPECT_FALSE(has(report(example(), example_assessment("da"), o), "Opfølgning på den tidligere handlingsplan"));
    a.language = "en";
    const std::string en = report(example(), a, o);
    for (const char* text : {"Follow-up of the earlier action plan", "How the goals of the action plan from 2 October 2025 went.",
                             "Partly reached", "Reached", "Dropped", "50\u00a0% of the way to the target", "Change in the theme", "(from the comparison) is in percentage points.",
                             "Indicator: Andel opslag – then 20%, target 60%", "No indicator"})
        EXPECT_TRUE(has(en, text)) << text;
}

TEST(Report, NothingAnsweredHasNoLevelAndNoPercentages) {
    mf::Assessment a;
    a.language = "da";
    const std::string html = report(example(), a);
    EXPECT_TRUE(has(html, "Intet niveau endnu"));
    EXPECT_TRUE(has(html, "0 af 6 spørgsmål besvaret"));
    EXPECT_FALSE(has(html, "class=\"bar\"")) << "no bar without a percentage";
    EXPECT_FALSE(has(html, "class=\"marker\""));
    EXPECT_TRUE(has(html, "Ingen anbefalinger")) << "nothing answered, nothing to recommend";
}

// The shipped questionnaire, every question answered with its middle option: the page needs nothing
// from the network and runs no code, in both languages.
TEST(Report, SelfContainedForTheShippedQuestionnaire) {
    const mf::Questionnaire& q = shipped();
    for (const char* lang : {"da", "en"}) {
        mf::Assessment a;
        a.language = lang;
        a.created = a.updated = "2026-11-25T10:00:00Z";
        a.answers["org_name"] = std::string(kHostileName);
        for (const mf::Theme& theme : q.themes)
            for (const mf::Question& question : theme.questions) {
                if (question.type == mf::QuestionType::Single) a.answers[question.id] = question.options[2].id;
                else if (question.type == mf::QuestionType::YesNo) a.answers[question.id] = std::string("no");
                else if (question.type == mf::QuestionType::Multiple)
                    a.answers[question.id] = std::vector<std::string>{question.options[0].id};
            }
        a.action_plan.areas = {{q.themes[0].id, "Goal <1>", "Owner & co", "2027-01-31"}};
        const std::string html = report(q, a);
        for (const char* banned : {"<script", "src=", "href=", "<link", "url(", "@import", "http:", "https:", "//www.",
                                   "<iframe", "<img", "<object", "<embed"})
            EXPECT_FALSE(has(html, banned)) << lang << ": " << banned;
        EXPECT_FALSE(std::regex_search(html, std::regex(R"(<[^>]*\son[a-z]+\s*=)"))) << lang << ": an event handler attribute";
        EXPECT_TRUE(has(html, "@page { size: A4;"));
        EXPECT_EQ(count(html, "<svg"), 3u) << "the level scale and two bar charts";
        for (const mf::Theme& theme : q.themes) EXPECT_TRUE(has(html, mf::html_escape(theme.title.in(lang)))) << theme.id;
        const mf::Scores scores = mf::compute_scores(q, a.answers);
        ASSERT_NE(scores.level, nullptr);
        EXPECT_TRUE(has(html, ">" + mf::html_escape(scores.level->title.in(lang)) + "<"));
        EXPECT_TRUE(has(html, "Owner &amp; co"));
    }
}

// The report opens from a blob: URL and inherits the web page's Content-Security-Policy, which allows
// one inline style: the SHA-256 of assets/report.css (cmake/WebPages.cmake). So the page's only
// <style> must hold exactly that file, and nothing else may be an inline style (no style="...").
TEST(Report, TheOnlyInlineStyleIsReportCssByteForByte) {
    std::ifstream file(MF_SOURCE_DIR "/assets/report.css", std::ios::binary);
    ASSERT_TRUE(file) << "assets/report.css";
    const std::string css((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_EQ(std::string(mf::report_css()), css);
    for (const char* lang : {"da", "en"}) {
        const std::string html = report(example(), example_assessment(lang));
        EXPECT_EQ(count(html, "<style"), 1u) << lang;
        const std::size_t open = html.find("<style>"), close = html.find("</style>");
        ASSERT_NE(open, std::string::npos);
        ASSERT_NE(close, std::string::npos);
        EXPECT_EQ(html.substr(open + 7, close - open - 7), css) << lang;
        EXPECT_FALSE(std::regex_search(html, std::regex(R"(<[^>]*\sstyle\s*=)"))) << lang << ": a style attribute";
    }
}

} // namespace

// The questionnaire's submission block closes the report in the report's language; a questionnaire
// without one (the scoring example) says nothing about sending.
TEST(Report, SaysHowToSendTheResultInTheQuestionnairesWords) {
    mf::Assessment a = example_assessment("da");
    a.answers = Answers{{"org_name", std::string("Bageriet ApS")}};
    const std::string da = report(shipped(), a);
    const mf::Submission& s = *shipped().submission;
    EXPECT_TRUE(has(da, "<h2>Sådan sender I resultatet</h2>"));
    EXPECT_TRUE(has(da, mf::html_escape(s.channel.in("da"))));
    EXPECT_TRUE(has(da, mf::html_escape(s.contact.in("da"))));
    a.language = "en";
    const std::string en = report(shipped(), a);
    EXPECT_TRUE(has(en, "<h2>How to send the result</h2>"));
    EXPECT_TRUE(has(en, mf::html_escape(s.recipient.in("en"))));
    EXPECT_FALSE(has(report(example(), example_assessment("da")), "Sådan sender I resultatet"));

    mf::Questionnaire hostile = shipped();
    hostile.submission->contact.by_lang["da"] = "<a href=\"x\">mail</a> & co";
    a.language = "da";
    EXPECT_TRUE(has(report(hostile, a), "&lt;a href=&quot;x&quot;&gt;mail&lt;/a&gt; &amp; co"));
}
