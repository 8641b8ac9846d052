// The result file: export checks, the checksum, the byte-identical round trip, every kind of bad
// input on import, carrying answers over to another questionnaire version, and comparing results.
#include "core/questionnaire_load.h"
#include "core/result.h"
#include "core/sha256.h"
#include "support/diagnostic_check.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace {

using mf::Answers;
using mf_test::with_checksum;
using nlohmann::json;

json example_json() {
    std::ifstream in(MF_SOURCE_DIR "/tests/data/scoring/example.json");
    return json::parse(in);
}

mf::Questionnaire load_example(const json& doc) { return mf_test::load_json_or_fail(doc, "example.json"); }

mf::Assessment example_assessment() {
    mf::Assessment a;
    a.language = "da";
    a.created = "2026-11-25T14:03:00Z";
    a.updated = "2026-11-25T14:40:12Z";
    a.answers = Answers{{"org_name", std::string("Eksempel ApS – Østerbro")}, {"cvr", std::string("1374 8136")},
                        {"sector", std::string("service")},     {"employees", 20.0},
                        {"contact_name", std::string("Åse Ørum")},
                        {"policy", std::string("draft")},       {"leader_goal", std::string("yes")},
                        {"policy_public", std::string("dont_know")},
                        {"channels", std::vector<std::string>{"school", "jobcenter", "ngo"}},
                        {"only_network", std::string("yes")},   {"large_employer", std::string("yes")}};
    a.action_plan.areas = {{"ledelse", "Politikken vedtaget i bestyrelsen", "Direktøren", "2027-03-01"},
                           {"only_network", "Alle stillinger slås op på Jobnet", "HR-chefen", "2027-06-01"}};
    return a;
}

std::string export_ok(const mf::Questionnaire& q, const mf::Assessment& a) {
    mf::ExportOutcome out = mf::export_result(q, a);
    for (const mf::Diagnostic& d : out.diagnostics) ADD_FAILURE() << d.to_string();
    return out.text;
}

// Every diagnostic as text (and each checked for its code: diagnostic_check.h).
std::vector<std::string> messages(const mf::Diagnostics& diagnostics) {
    mf_test::expect_coded(diagnostics);
    std::vector<std::string> out;
    for (const mf::Diagnostic& d : diagnostics) out.push_back(d.to_string());
    return out;
}

mf::ImportOutcome import_text(const std::string& text, const mf::Questionnaire& q) {
    mf::ImportOutcome outcome = mf::import_result(text, "old.json", q);
    mf_test::expect_coded(outcome.diagnostics);
    return outcome;
}

} // namespace

TEST(ResultExport, WritesEveryPartOfTheFormat) {
    const mf::Questionnaire q = load_example(example_json());
    const std::string text = export_ok(q, example_assessment());
    const json doc = json::parse(text);
    EXPECT_EQ(doc["format"], "mangfoldighedstjek/result");
    EXPECT_EQ(doc["formatVersion"], 2);
    EXPECT_EQ(doc["questionnaire"], (json{{"id", "scoring_example"}, {"version", "1.0.0"}, {"contentHash", q.content_hash}}));
    EXPECT_EQ(q.content_hash.rfind("sha256:", 0), 0u);
    EXPECT_EQ(doc["app"], (json{{"name", "Mangfoldighedstjek"}, {"version", MF_APP_VERSION}}));
    EXPECT_EQ(doc["created"], "2026-11-25T14:03:00Z");
    EXPECT_EQ(doc["updated"], "2026-11-25T14:40:12Z");
    EXPECT_EQ(doc["language"], "da");
    EXPECT_EQ(doc["organisation"], (json{{"name", "Eksempel ApS – Østerbro"}, {"cvr", "13748136"}, {"sector", "service"},
                                         {"employees", 20}, {"contact", "Åse Ørum"}, {"email", nullptr}}));
    // Visible answers only (large_employer is hidden with 20 employees), selections in option order.
    EXPECT_FALSE(doc["answers"].contains("large_employer"));
    EXPECT_EQ(doc["answers"]["channels"], (json{"jobcenter", "ngo", "school"}));
    EXPECT_EQ(doc["answers"]["cvr"], "1374 8136");
    EXPECT_EQ(doc["answers"].size(), 10u);
    EXPECT_NE(text.find("\"employees\": 20,"), std::string::npos); // integers stay integers
    EXPECT_NE(text.find("\"overall\": 50,"), std::string::npos);
    EXPECT_EQ(doc["scores"]["themes"]["ledelse"], (json{{"percent", 42.9}, {"coverage", 100}}));
    EXPECT_EQ(doc["actionPlan"][1], (json{{"focus", "only_network"}, {"goal", "Alle stillinger slås op på Jobnet"},
                                          {"responsible", "HR-chefen"}, {"followUp", "2027-06-01"}, {"indicator", nullptr}}));
    EXPECT_EQ(doc["planFollowUp"], nullptr); // no earlier plan followed up
    EXPECT_EQ(text.back(), '\n');

    // The checksum, recomputed the documented way: without "checksum", compact, keys sorted.
    json content = doc;
    content.erase("checksum");
    EXPECT_EQ(doc["checksum"], "sha256:" + mf::sha256_hex(content.dump()));
}

TEST(ResultExport, RoundTripIsByteIdentical) {
    const mf::Questionnaire q = load_example(example_json());
    for (const char* lang : {"da", "en"}) {
        mf::Assessment a = example_assessment();
        a.language = lang;
        const std::string first = export_ok(q, a);
        mf::ImportOutcome in = import_text(first, q);
        ASSERT_TRUE(in.result) << messages(in.diagnostics).front();
        EXPECT_TRUE(in.diagnostics.empty()) << messages(in.diagnostics).front();
        EXPECT_TRUE(in.result->checksum_matches);
        EXPECT_TRUE(in.result->same_questionnaire);
        EXPECT_TRUE(in.result->dropped.empty());
        const std::string second = export_ok(q, in.result->assessment);
        EXPECT_EQ(first, second);
    }
}

TEST(ResultExport, RefusesAnInvalidCvrNumberWithAClearMessage) {
    const mf::Questionnaire q = load_example(example_json());
    mf::Assessment a = example_assessment();
    a.answers["cvr"] = std::string("13748137");
    mf::ExportOutcome out = mf::export_result(q, a, "eksempel.json");
    EXPECT_FALSE(out.ok());
    EXPECT_TRUE(out.text.empty());
    EXPECT_EQ(messages(out.diagnostics), std::vector<std::string>{
        "eksempel.json: /organisation/cvr: CVR-nummeret \"13748137\" kan ikke bruges: Kontrolcifret passer ikke – tjek for tastefejl."});

    a.language = "en";
    a.answers["cvr"] = std::string("1374813");
    EXPECT_EQ(messages(mf::export_result(q, a).diagnostics), std::vector<std::string>{
        "result.json: /organisation/cvr: The CVR number \"1374813\" cannot be used: A CVR number has 8 digits."});
    a.answers.erase("cvr");
    EXPECT_EQ(messages(mf::export_result(q, a).diagnostics), std::vector<std::string>{
        "result.json: /organisation/cvr: The CVR number \"\" cannot be used: Enter the CVR number (8 digits)."});
    a.answers["cvr"] = std::string("24256790");
    EXPECT_TRUE(mf::export_result(q, a).ok());
}

TEST(ResultExport, ListsEveryOtherReasonToRefuse) {
    const mf::Questionnaire q = load_example(example_json());
    mf::Assessment a = example_assessment();
    a.created = "2026-11-25 14:03";
    a.updated = "2026-13-01T00:00:00Z";
    a.answers.erase("org_name");
    a.answers["policy"] = std::string("often");
    a.action_plan.areas[0].goal = " ";
    a.action_plan.areas[1].follow_up = "2027-02-30";
    EXPECT_EQ(messages(mf::export_result(q, a).diagnostics), (std::vector<std::string>{
        "result.json: /created: Tidspunktet for oprettelse \"2026-11-25 14:03\" er ugyldigt; forventet fx 2026-11-25T14:03:00Z.",
        "result.json: /updated: Tidspunktet for seneste ændring \"2026-13-01T00:00:00Z\" er ugyldigt; forventet fx 2026-11-25T14:03:00Z.",
        "result.json: /answers/policy: Svaret på \"Har I en politik?\" kan ikke bruges (\"often\" is not an option of this question).",
        "result.json: /answers/org_name: Udfyld \"Navn\" – det skal med i resultatet.",
        "result.json: /actionPlan/0/goal: Skriv et målbart mål, fx \"2 praktikpladser til ledige inden 1. juni\".",
        "result.json: /actionPlan/1/followUp: Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-01 (\"2027-02-30\" er ikke en gyldig dato).",
    }));
    a = example_assessment();
    a.updated = "2026-11-25T14:02:59Z";
    a.language = "fr";
    EXPECT_EQ(messages(mf::export_result(q, a).diagnostics), (std::vector<std::string>{
        "result.json: /updated: Seneste ændring (2026-11-25T14:02:59Z) ligger før oprettelsen (2026-11-25T14:03:00Z).",
        "result.json: /language: Sproget \"fr\" findes ikke i spørgeskemaet."}));
}

TEST(ResultExport, ValidatesTimestamps) {
    EXPECT_TRUE(mf::is_valid_timestamp("2026-11-25T14:03:00Z"));
    EXPECT_TRUE(mf::is_valid_timestamp("2028-02-29T23:59:59Z"));
    EXPECT_FALSE(mf::is_valid_timestamp("2027-02-29T12:00:00Z"));
    EXPECT_FALSE(mf::is_valid_timestamp("2026-11-25T24:00:00Z"));
    EXPECT_FALSE(mf::is_valid_timestamp("2026-11-25T14:03:00+01:00"));
    EXPECT_FALSE(mf::is_valid_timestamp("2026-11-25T14:03:00"));
    EXPECT_FALSE(mf::is_valid_timestamp("2026-11-25t14:03:00Z"));
}

TEST(ResultImport, TamperedByteGivesAChecksumWarningButLoads) {
    const mf::Questionnaire q = load_example(example_json());
    std::string text = export_ok(q, example_assessment());
    const std::size_t at = text.find("Eksempel ApS");
    ASSERT_NE(at, std::string::npos);
    text[at + 11] = 'T'; // "ApS" -> "ApT" in the answers (the organisation block keeps "ApS")
    mf::ImportOutcome in = import_text(text, q);
    ASSERT_TRUE(in.result);
    EXPECT_FALSE(in.result->checksum_matches);
    ASSERT_EQ(in.diagnostics.size(), 1u);
    EXPECT_EQ(in.diagnostics[0].severity, mf::Diagnostic::Severity::Warning);
    const std::string m = in.diagnostics[0].to_string();
    EXPECT_EQ(m.rfind("old.json: /checksum: warning: the checksum does not match the content: the file was changed or "
                      "damaged after it was exported (file says \"sha256:", 0), 0u) << m;
    EXPECT_EQ(*mf::answer_text(in.result->assessment.answers, "org_name"), "Eksempel ApT – Østerbro");
}

TEST(ResultImport, EditedScoresAreNoticedAndRecomputed) {
    const mf::Questionnaire q = load_example(example_json());
    json doc = json::parse(export_ok(q, example_assessment()));
    doc["scores"]["overall"] = 95;
    mf::ImportOutcome in = import_text(with_checksum(doc), q); // even with a recomputed checksum
    ASSERT_TRUE(in.result);
    EXPECT_EQ(messages(in.diagnostics), std::vector<std::string>{
        "old.json: /scores: warning: the scores in the file do not match its answers; the app shows the scores computed from the answers"});
    EXPECT_EQ(*in.result->stored_scores.overall, 95.0);
}

TEST(ResultImport, RejectsTruncatedInvalidHugeAndNonUtf8Files) {
    const mf::Questionnaire q = load_example(example_json());
    const std::string text = export_ok(q, example_assessment());

    mf::ImportOutcome truncated = import_text(text.substr(0, text.size() / 2), q);
    EXPECT_FALSE(truncated.result);
    ASSERT_EQ(truncated.diagnostics.size(), 1u);
    EXPECT_EQ(truncated.diagnostics[0].to_string().rfind("old.json: invalid JSON at line ", 0), 0u) << truncated.diagnostics[0].to_string();

    EXPECT_EQ(messages(import_text("{\"format\": \"mangfoldighedstjek/result\",}", q).diagnostics).at(0).rfind(
                  "old.json: invalid JSON at line 1, column 40: syntax error", 0), 0u);

    std::string bad_utf8 = text;
    bad_utf8.replace(bad_utf8.find("Åse"), 2, "\xC3\x28");
    mf::ImportOutcome utf8 = import_text(bad_utf8, q);
    EXPECT_FALSE(utf8.result);
    ASSERT_EQ(utf8.diagnostics.size(), 1u);
    EXPECT_EQ(utf8.diagnostics[0].message.rfind("invalid UTF-8 at line ", 0), 0u) << utf8.diagnostics[0].message;

    std::string huge = text;
    huge.insert(1, mf::kMaxResultBytes, ' ');
    EXPECT_EQ(messages(import_text(huge, q).diagnostics), std::vector<std::string>{
        "old.json: the file is too large: " + std::to_string(huge.size()) + " bytes; the limit is 2097152 bytes"});

    EXPECT_EQ(messages(mf::import_result_file(MF_SOURCE_DIR "/tests/data/scoring/no-such-file.json", q).diagnostics),
              std::vector<std::string>{MF_SOURCE_DIR "/tests/data/scoring/no-such-file.json: cannot open the file"});
}

TEST(ResultImport, RejectsOtherFormatsAndVersions) {
    const mf::Questionnaire q = load_example(example_json());
    json doc = json::parse(export_ok(q, example_assessment()));

    json v2 = doc;
    v2["formatVersion"] = 3;
    EXPECT_EQ(messages(import_text(with_checksum(v2), q).diagnostics), std::vector<std::string>{
        "old.json: /formatVersion: formatVersion 3 is not supported; this app reads formatVersion 1 and 2 (the file was made by a newer app)"});
    v2["formatVersion"] = "1";
    EXPECT_EQ(messages(import_text(with_checksum(v2), q).diagnostics), std::vector<std::string>{
        "old.json: /formatVersion: formatVersion \"1\" is not supported; this app reads formatVersion 1 and 2"});
    v2["formatVersion"] = 0;
    EXPECT_EQ(messages(import_text(with_checksum(v2), q).diagnostics), std::vector<std::string>{
        "old.json: /formatVersion: formatVersion 0 is not supported; this app reads formatVersion 1 and 2"});

    std::ifstream in(MF_SOURCE_DIR "/tests/data/scoring/example.json");
    const std::string questionnaire_text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(messages(import_text(questionnaire_text, q).diagnostics), std::vector<std::string>{
        "old.json: /format: this is a questionnaire file, not a result file"});
    EXPECT_EQ(messages(import_text("[1, 2]", q).diagnostics), std::vector<std::string>{"old.json: expected an object, got an array"});
    EXPECT_EQ(messages(import_text("{}", q).diagnostics), std::vector<std::string>{"old.json: the field \"format\" is missing"});

    json other = doc;
    other["questionnaire"]["id"] = "kommunesporet";
    EXPECT_EQ(messages(import_text(with_checksum(other), q).diagnostics), std::vector<std::string>{
        "old.json: /questionnaire/id: the result belongs to the questionnaire \"kommunesporet\", not \"scoring_example\""});
}

TEST(ResultImport, ReportsEveryWrongTypeWithItsPointer) {
    const mf::Questionnaire q = load_example(example_json());
    json doc = json::parse(export_ok(q, example_assessment()));
    doc["created"] = 5;
    doc["updated"] = "yesterday";
    doc["answers"]["leader_goal"] = true;
    doc["app"].erase("version");
    doc["scores"]["principles"]["deltagelse"] = "58.3";
    doc["actionPlan"][0]["followUp"] = nullptr;
    doc["extra"] = 1;
    mf::ImportOutcome in = import_text(with_checksum(doc), q);
    EXPECT_FALSE(in.result);
    EXPECT_EQ(messages(in.diagnostics), (std::vector<std::string>{
        "old.json: /extra: warning: unknown field \"extra\" is ignored",
        "old.json: /app: the field \"version\" is missing",
        "old.json: /created: expected a string, got 5",
        "old.json: /updated: expected a UTC time like \"2026-11-25T14:03:00Z\", got \"yesterday\"",
        "old.json: /answers/leader_goal: expected a string, a number or an array of option ids, got true",
        "old.json: /scores/principles/deltagelse: expected a number or null, got \"58.3\"",
        "old.json: /actionPlan/0/followUp: expected a string, got null",
    }));

    json four = json::parse(export_ok(q, example_assessment()));
    four["actionPlan"] = json::array({four["actionPlan"][0], four["actionPlan"][0], four["actionPlan"][0], four["actionPlan"][0]});
    EXPECT_EQ(messages(import_text(with_checksum(four), q).diagnostics), std::vector<std::string>{
        "old.json: /actionPlan: the action plan has 4 focus areas; at most 3 are allowed"});
}

TEST(ResultImport, CarriesAnswersOverToANewQuestionnaireVersion) {
    const mf::Questionnaire v1 = load_example(example_json());
    const std::string old_text = export_ok(v1, example_assessment());

    // Version 1.1.0: "draft" is gone from policy, only_network is gone, a new question is added.
    json doc = example_json();
    doc["version"] = "1.1.0";
    json& ledelse = doc["themes"][0];
    ledelse["questions"][0]["options"].erase(1);
    json& rekruttering = doc["themes"][1]["questions"];
    for (std::size_t i = 0; i < rekruttering.size(); ++i)
        if (rekruttering[i]["id"] == "only_network") rekruttering.erase(i);
    json added = rekruttering[1];
    added["id"] = "mentor";
    rekruttering.push_back(added);
    const mf::Questionnaire v11 = load_example(doc);

    mf::ImportOutcome in = import_text(old_text, v11);
    ASSERT_TRUE(in.result) << messages(in.diagnostics).front();
    EXPECT_FALSE(in.result->same_questionnaire);
    EXPECT_TRUE(in.result->checksum_matches);
    EXPECT_EQ(in.result->source.version, "1.0.0");
    EXPECT_EQ(in.result->source.content_hash, v1.content_hash);
    ASSERT_EQ(in.result->dropped.size(), 3u);
    EXPECT_EQ(in.result->dropped[0].pointer, "/answers/only_network");
    EXPECT_EQ(in.result->dropped[0].reason, "the question \"only_network\" is not in questionnaire version 1.1.0");
    EXPECT_EQ(in.result->dropped[1].pointer, "/answers/policy");
    EXPECT_EQ(in.result->dropped[1].reason,
              "the answer does not fit the question in questionnaire version 1.1.0: \"draft\" is not an option of this question");
    EXPECT_EQ(in.result->dropped[2].pointer, "/actionPlan/1");
    EXPECT_EQ(in.result->dropped[2].reason, "the focus area \"only_network\" is not in questionnaire version 1.1.0");
    EXPECT_EQ(messages(in.diagnostics).back(),
              "old.json: /questionnaire/version: warning: the result was made with questionnaire version 1.0.0; this app has "
              "version 1.1.0: answers are carried over by question id (3 could not be)");

    const Answers& carried = in.result->assessment.answers;
    EXPECT_EQ(carried.size(), 8u); // 10 exported minus policy and only_network
    EXPECT_EQ(*mf::answer_text(carried, "leader_goal"), "yes");
    EXPECT_EQ(*mf::answer_selection(carried, "channels"), (std::vector<std::string>{"jobcenter", "ngo", "school"}));
    EXPECT_EQ(in.result->assessment.action_plan.areas.size(), 1u);
    // The carried-over assessment exports against the new version without complaint.
    EXPECT_TRUE(mf::export_result(v11, in.result->assessment).ok());
}

TEST(ResultImport, WarnsAboutAWholeScoreWrittenAsADecimalNumber) {
    // The format writes whole numbers as integers; 50.0 (or 5e1) is the same value, read with a word.
    const mf::Questionnaire q = load_example(example_json());
    const std::string text = export_ok(q, example_assessment());
    json doc = json::parse(text);
    std::string theme; // a theme whose coverage is whole (100 when every question is answered)
    for (const auto& [id, t] : doc["scores"]["themes"].items())
        if (t["coverage"].is_number_integer()) theme = id;
    ASSERT_FALSE(theme.empty()) << "the example needs a theme with a whole coverage";
    const long long whole = doc["scores"]["themes"][theme]["coverage"].get<long long>();
    doc["scores"]["themes"][theme]["coverage"] = static_cast<double>(whole);
    mf::ImportOutcome in = import_text(with_checksum(doc), q);
    ASSERT_TRUE(in.result);
    ASSERT_EQ(in.diagnostics.size(), 1u) << ::testing::PrintToString(messages(in.diagnostics));
    const mf::Diagnostic& d = in.diagnostics[0];
    EXPECT_EQ(d.severity, mf::Diagnostic::Severity::Warning);
    EXPECT_EQ(d.code, "scores.whole_number_as_float");
    EXPECT_EQ(d.pointer, "/scores/themes/" + theme + "/coverage");
    EXPECT_EQ(d.param("got"), std::to_string(whole) + ".0");
    EXPECT_EQ(d.param("value"), std::to_string(whole));
    EXPECT_EQ(*in.result->stored_scores.themes.at(theme).coverage, static_cast<double>(whole));
    // As the export writes it (whole numbers as integers, the rest with their fraction): nothing to say.
    EXPECT_TRUE(import_text(text, q).diagnostics.empty());
}

TEST(ResultImport, LeavesOutAndListsAnswersToHiddenQuestions) {
    const mf::Questionnaire q = load_example(example_json());
    json doc = json::parse(export_ok(q, example_assessment()));
    // large_employer is asked only from 50 employees; the file says 20 (the export left it out).
    ASSERT_FALSE(doc["answers"].contains("large_employer"));
    doc["answers"]["large_employer"] = "yes";
    mf::ImportOutcome in = import_text(with_checksum(doc), q);
    ASSERT_TRUE(in.result);
    EXPECT_EQ(messages(in.diagnostics), std::vector<std::string>{
        "old.json: /answers/large_employer: warning: the question \"large_employer\" is hidden by its condition (visibleIf) given "
        "the file's other answers; its answer is left out"});
    EXPECT_EQ(in.diagnostics[0].code, "result.answer.hidden");
    EXPECT_EQ(in.diagnostics[0].param("question"), "large_employer");
    EXPECT_EQ(in.result->assessment.answers.count("large_employer"), 0u);
    ASSERT_EQ(in.result->dropped.size(), 1u);
    EXPECT_EQ(in.result->dropped[0].pointer, "/answers/large_employer");
    // With 60 employees the same answer is visible and kept (the stored scores then differ: noticed).
    doc["answers"]["employees"] = 60;
    in = import_text(with_checksum(doc), q);
    ASSERT_TRUE(in.result);
    EXPECT_EQ(*mf::answer_text(in.result->assessment.answers, "large_employer"), "yes");
    EXPECT_TRUE(in.result->dropped.empty());
}

TEST(ResultImport, AnAnswerThatDoesNotFitCountsAsUnansweredInConditions) {
    // employees 60 would show large_employer, but -60 is below the question's minimum: it is dropped
    // first, so in the condition employees is unanswered, large_employer is hidden and dropped too.
    const mf::Questionnaire q = load_example(example_json());
    json doc = json::parse(export_ok(q, example_assessment()));
    doc["answers"]["employees"] = -60;
    doc["answers"]["large_employer"] = "yes";
    mf::ImportOutcome in = import_text(with_checksum(doc), q);
    ASSERT_TRUE(in.result);
    ASSERT_EQ(in.result->dropped.size(), 2u);
    EXPECT_EQ(in.result->dropped[0].pointer, "/answers/employees");
    EXPECT_EQ(in.result->dropped[1].pointer, "/answers/large_employer");
    std::vector<std::string> codes;
    for (const mf::Diagnostic& d : in.diagnostics) codes.push_back(d.code);
    EXPECT_NE(std::find(codes.begin(), codes.end(), "result.answer.below_minimum"), codes.end());
    EXPECT_NE(std::find(codes.begin(), codes.end(), "result.answer.hidden"), codes.end());
    EXPECT_EQ(in.result->assessment.answers.count("employees"), 0u);
    EXPECT_EQ(in.result->assessment.answers.count("large_employer"), 0u);
}

TEST(ResultImport, WarnsAboutAnInvalidCvrButLoads) {
    const mf::Questionnaire q = load_example(example_json());
    json doc = json::parse(export_ok(q, example_assessment()));
    doc["answers"]["cvr"] = "12345678";
    mf::ImportOutcome in = import_text(with_checksum(doc), q);
    ASSERT_TRUE(in.result);
    EXPECT_EQ(messages(in.diagnostics), std::vector<std::string>{
        "old.json: /answers/cvr: warning: the CVR number \"12345678\" is not valid (The check digit does not match – check "
        "for typing errors.); it must be corrected before the next export"});
}

TEST(ResultCompare, ChangePerPrincipleThemeAndLevel) {
    const mf::Questionnaire q = load_example(example_json());
    mf::Assessment last_year = example_assessment();
    last_year.answers["leader_goal"] = std::string("no");
    last_year.answers.erase("channels");
    last_year.answers.erase("only_network");
    const mf::ImportOutcome earlier = import_text(export_ok(q, last_year), q);
    ASSERT_TRUE(earlier.result);
    const mf::ScoreSummary now = mf::summarise(q, mf::compute_scores(q, example_assessment().answers));
    const mf::ScoreComparison c = mf::compare_scores(q, earlier.result->stored_scores, now);

    // Last year: ledelse policy 1/3 (W 3), leader_goal 0 (W 2), policy_public 0 (W 2) = 100/7 = 14.3 %;
    // rekruttering nothing answered; overall 14.3 %, level ikke_startet (0).
    EXPECT_EQ(*c.overall.before, 14.3);
    EXPECT_EQ(*c.overall.after, 50.0);
    EXPECT_EQ(*c.overall.change, 35.7);
    EXPECT_EQ(*c.level_before, "ikke_startet");
    EXPECT_EQ(*c.level_after, "paa_vej");
    EXPECT_EQ(*c.level_steps, 2);
    ASSERT_EQ(c.themes.size(), 2u);
    EXPECT_EQ(c.themes[0].id, "ledelse");
    EXPECT_EQ(*c.themes[0].change, 28.6); // 42.9 - 14.3
    EXPECT_EQ(c.themes[1].id, "rekruttering");
    EXPECT_FALSE(c.themes[1].before);
    EXPECT_FALSE(c.themes[1].change); // absent when either side has no percentage
    ASSERT_EQ(c.principles.size(), 3u);
    // forskellighed: last year (2 * 1/3 + 0) / 3 = 22.2 %, now 55.6 %.
    EXPECT_EQ(c.principles[0].id, "forskellighed");
    EXPECT_EQ(*c.principles[0].before, 22.2);
    EXPECT_EQ(*c.principles[0].change, 33.4);
    // deltagelse: last year only policy (1/3, w 1) = 33.3 %; now 58.3 %.
    EXPECT_EQ(*c.principles[1].change, 25.0);
    // medborgerskab: 0 % -> 33.3 %.
    EXPECT_EQ(*c.principles[2].before, 0.0);
    EXPECT_EQ(*c.principles[2].change, 33.3);

    // A theme only the earlier result has is listed after the current ones.
    mf::ScoreSummary older = earlier.result->stored_scores;
    older.themes["gammelt_tema"] = mf::ThemeSummary{12.5, 100.0};
    const mf::ScoreComparison c2 = mf::compare_scores(q, older, now);
    ASSERT_EQ(c2.themes.size(), 3u);
    EXPECT_EQ(c2.themes[2].id, "gammelt_tema");
    EXPECT_EQ(*c2.themes[2].before, 12.5);
    EXPECT_FALSE(c2.themes[2].after);
}

TEST(ResultAssessment, JsonRoundTripForDrafts) {
    mf::Assessment a = example_assessment();
    a.action_plan.areas[0].goal = ""; // a draft may be incomplete
    const json j = a;
    EXPECT_EQ(j["answers"]["employees"].dump(), "20");
    EXPECT_EQ(j["answers"]["channels"], (json{"school", "jobcenter", "ngo"})); // as entered: no questionnaire here
    const mf::Assessment back = j.get<mf::Assessment>();
    EXPECT_EQ(back.answers, a.answers);
    EXPECT_EQ(back.created, a.created);
    EXPECT_EQ(back.language, "da");
    EXPECT_EQ(json(back), j);

    json bad = j;
    bad["answers"]["policy"] = json::object();
    try {
        (void)bad.get<mf::Assessment>();
        ADD_FAILURE() << "expected an exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "/answers/policy: expected a string, a number or an array of option ids, got an object");
    }
}

TEST(ResultExport, ShippedQuestionnaireRoundTripIsByteIdentical) {
    mf::LoadedQuestionnaire loaded = mf::load_questionnaire_file(MF_SOURCE_DIR "/questionnaires/aktoersporet.json");
    ASSERT_TRUE(loaded.questionnaire);
    const mf::Questionnaire& q = *loaded.questionnaire;
    mf::Assessment a;
    a.language = "en";
    a.created = "2026-01-02T03:04:05Z";
    a.updated = "2026-11-25T23:59:59Z";
    for (const mf::Question& p : q.profile) {
        if (p.type == mf::QuestionType::Number) a.answers[p.id] = 37.0;
        else if (p.type == mf::QuestionType::Single) a.answers[p.id] = p.options.back().id;
        else if (p.role == "cvr") a.answers[p.id] = std::string("24256790");
        else a.answers[p.id] = std::string("Værksted \"Nord\" / Nørrebro\ttab"); // escapes in the file
    }
    // Every other scored question answered with its second option (or "dont_know"), multiple
    // choice with the last two options, so rounding, nulls and selections all appear.
    int n = 0;
    for (const mf::Theme& t : q.themes)
        for (const mf::Question& question : t.questions) {
            if (++n % 2 == 0) continue;
            if (question.type == mf::QuestionType::Single) a.answers[question.id] = question.options[1].id;
            if (question.type == mf::QuestionType::YesNo) a.answers[question.id] = std::string("dont_know");
            if (question.type == mf::QuestionType::Multiple)
                a.answers[question.id] = std::vector<std::string>{question.options[question.options.size() - 2].id};
        }
    a.action_plan.areas = {{q.themes[1].id, "3 job ads rewritten in plain language", "HR manager", "2027-01-15"}};
    const std::string first = export_ok(q, a);
    ASSERT_FALSE(first.empty());
    mf::ImportOutcome in = mf::import_result(first, "r.json", q);
    ASSERT_TRUE(in.result);
    EXPECT_TRUE(in.diagnostics.empty()) << messages(in.diagnostics).front();
    EXPECT_EQ(export_ok(q, in.result->assessment), first);
    EXPECT_EQ(json::parse(first)["questionnaire"]["contentHash"], q.content_hash);
}

TEST(ResultExport, InvalidUtf8InTypedTextNeverBreaksTheFile) {
    // Text typed in the app is UTF-8, but core does not rely on it: a bad byte becomes U+FFFD in the
    // file and the checksum covers what was written, so the file still round-trips.
    const mf::Questionnaire q = load_example(example_json());
    mf::Assessment a = example_assessment();
    a.answers["contact_name"] = std::string("Bad \xFF byte");
    const std::string text = export_ok(q, a);
    EXPECT_NE(text.find("Bad \xEF\xBF\xBD byte"), std::string::npos);
    mf::ImportOutcome in = import_text(text, q);
    ASSERT_TRUE(in.result);
    EXPECT_TRUE(in.result->checksum_matches);
    EXPECT_EQ(export_ok(q, in.result->assessment), text);
}
