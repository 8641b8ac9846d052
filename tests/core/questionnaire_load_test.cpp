// questionnaire_load_test.cpp - the questionnaire loader: every rejection rule with its exact message,
// warnings, all problems reported at once, the model it builds, the content hash, every fixture in
// tests/data/questionnaires/{good,bad}/ and the shipped questionnaires/*.json, and a sweep that
// replaces every value of a valid file with wrong values (no throw, no crash, a clear outcome).
//
// Most tests start from tests/data/questionnaires/good/full.json, change one thing through a JSON
// pointer, and expect one exact message.
#include "core/condition.h"
#include "core/json_fast.h"
#include "core/json_input.h"
#include "core/questionnaire_load.h"
#include "core/sha256.h"
#include "support/diagnostic_check.h"
#include "support/json_sweep.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kData = std::string(MF_SOURCE_DIR) + "/tests/data/questionnaires";

json read_json(const std::string& path) {
    mf::Diagnostics d;
    std::string bytes;
    EXPECT_TRUE(mf::read_file_bytes(path, bytes, d)) << path;
    auto doc = mf::parse_json_document(bytes, path, d);
    EXPECT_TRUE(doc.has_value()) << path;
    return doc ? *doc : json();
}

json full() { return read_json(kData + "/good/full.json"); }

std::string all_lines(const mf::Diagnostics& d) {
    std::string s;
    for (const mf::Diagnostic& x : d) s += "  " + x.to_string() + "\n";
    return s;
}

// Loads `doc` as "q.json"; every diagnostic must have its registered code (diagnostic_check.h).
mf::LoadedQuestionnaire load(const json& doc) {
    mf::LoadedQuestionnaire r = mf::load_questionnaire_json(doc, "q.json");
    mf_test::expect_coded(r.diagnostics);
    return r;
}

// Applies `change` to full.json; expects the load to fail and to report `expected` among its errors.
void expect_error(const std::function<void(json&)>& change, const std::string& expected) {
    json doc = full();
    change(doc);
    mf::LoadedQuestionnaire r = load(doc);
    EXPECT_FALSE(r.questionnaire.has_value()) << expected;
    bool found = false;
    for (const mf::Diagnostic& d : r.diagnostics)
        if (d.to_string() == expected) found = d.severity == mf::Diagnostic::Severity::Error;
    EXPECT_TRUE(found) << "expected error:\n  " << expected << "\ngot:\n" << all_lines(r.diagnostics);
}

void set(json& doc, const std::string& pointer, json value) { doc[json::json_pointer(pointer)] = std::move(value); }
void erase(json& doc, const std::string& pointer) {
    json::json_pointer p(pointer);
    doc[p.parent_pointer()].erase(p.back());
}
json& at(json& doc, const std::string& pointer) { return doc[json::json_pointer(pointer)]; }

// Pointers into full.json
const std::string kPolicy = "/themes/0/questions/0";   // yesno has_policy, weights forskellighed 2, deltagelse 1
const std::string kAge = "/themes/0/questions/1";      // number policy_age, visible if has_policy = yes
const std::string kMaturity = "/themes/0/questions/2"; // single maturity (scores 0, 1, 2), weight medborgerskab
const std::string kChannels = "/themes/1/questions/0"; // multiple channels (2, 1, 1, 0 exclusive), maxPoints 3
const std::string kOld = "/themes/1/questions/1";      // yesno old_policy, invert
const std::string kComment = "/themes/1/questions/2";  // text comment

} // namespace

// ---------------------------------------------------------------------------------------------
// The valid fixtures and the model they produce
// ---------------------------------------------------------------------------------------------

TEST(QuestionnaireLoad, GoodFixturesLoadWithoutAnyDiagnostic) {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(kData + "/good")) {
        if (entry.path().extension() != ".json") continue;
        ++n;
        mf::LoadedQuestionnaire r = mf::load_questionnaire_file(entry.path().string());
        EXPECT_TRUE(r.questionnaire.has_value()) << entry.path() << "\n" << all_lines(r.diagnostics);
        EXPECT_TRUE(r.diagnostics.empty()) << entry.path() << "\n" << all_lines(r.diagnostics);
    }
    EXPECT_GE(n, 2u);
}

TEST(QuestionnaireLoad, EveryBadFixtureIsRejected) {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(kData + "/bad")) {
        if (entry.path().extension() != ".json") continue;
        ++n;
        mf::LoadedQuestionnaire r = mf::load_questionnaire_file(entry.path().string());
        EXPECT_FALSE(r.questionnaire.has_value()) << entry.path();
        EXPECT_TRUE(mf::has_errors(r.diagnostics)) << entry.path();
        mf_test::expect_coded(r.diagnostics);
        for (const mf::Diagnostic& d : r.diagnostics) {
            EXPECT_EQ(d.file, entry.path().string());
            EXPECT_FALSE(d.message.empty());
        }
    }
    EXPECT_GE(n, 30u);
}

TEST(QuestionnaireLoad, ShippedQuestionnairesLoadWithoutErrors) {
    const std::string dir = std::string(MF_SOURCE_DIR) + "/questionnaires";
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        mf::LoadedQuestionnaire r = mf::load_questionnaire_file(entry.path().string());
        EXPECT_TRUE(r.questionnaire.has_value()) << entry.path() << "\n" << all_lines(r.diagnostics);
        EXPECT_EQ(mf::count_errors(r.diagnostics), 0u) << all_lines(r.diagnostics);
        if (r.questionnaire) {
            EXPECT_GT(r.questionnaire->scored_question_count(), 0u) << entry.path();
        }
    }
}

TEST(QuestionnaireLoad, BuildsTheModel) {
    mf::LoadedQuestionnaire r = load(full());
    ASSERT_TRUE(r.questionnaire.has_value()) << all_lines(r.diagnostics);
    const mf::Questionnaire& q = *r.questionnaire;
    EXPECT_EQ(q.format_version, 1);
    EXPECT_EQ(q.id, "test_full");
    EXPECT_EQ(q.version, "1.2.0");
    EXPECT_EQ(q.languages, (std::vector<std::string>{"da", "en"}));
    EXPECT_EQ(q.title.in("en"), "Test questionnaire");
    ASSERT_EQ(q.principles.size(), 3u);
    EXPECT_EQ(q.principles[1].title.in("da"), "Alle skal have mulighed for at være med");
    EXPECT_TRUE(q.principles[1].description.empty());
    ASSERT_EQ(q.levels.size(), 3u);
    EXPECT_DOUBLE_EQ(q.levels[2].min_percent, 80.5);
    EXPECT_EQ(q.level_for(80.4).id, "opstart");
    ASSERT_EQ(q.profile.size(), 5u);
    EXPECT_EQ(q.profile_field("cvr")->format, "cvr");
    EXPECT_TRUE(q.profile_field("name")->required);
    const mf::Question* employees = q.profile_field("employees");
    ASSERT_NE(employees, nullptr);
    EXPECT_EQ(employees->type, mf::QuestionType::Number);
    EXPECT_TRUE(employees->integer);
    EXPECT_EQ(employees->min, 1.0);
    EXPECT_EQ(employees->max, 100000.0);
    EXPECT_EQ(employees->unit.in("da"), "medarbejdere");
    EXPECT_EQ(q.profile_field("sector")->options.size(), 2u);
    EXPECT_EQ(q.scored_question_count(), 4u);

    const mf::Question* policy = q.question("has_policy");
    ASSERT_NE(policy, nullptr);
    EXPECT_EQ(policy->type, mf::QuestionType::YesNo);
    EXPECT_EQ(policy->help.in("en"), "A written policy.");
    EXPECT_DOUBLE_EQ(policy->total_weight(), 3.0);
    EXPECT_EQ(policy->weights.count("medborgerskab"), 0u);
    ASSERT_EQ(policy->recommendations.size(), 2u);
    EXPECT_FALSE(policy->recommendations[0].when.has_value());
    ASSERT_TRUE(policy->recommendations[1].when.has_value());
    EXPECT_EQ(policy->recommendations[1].when->value_text, "dont_know");

    const mf::Question* maturity = q.question("maturity");
    ASSERT_TRUE(maturity->visible_if.has_value());
    const mf::Condition& c = *maturity->visible_if;
    EXPECT_EQ(c.kind, mf::Condition::Kind::All);
    ASSERT_EQ(c.children.size(), 2u);
    EXPECT_EQ(c.children[0].op, mf::Condition::Op::GreaterEq);
    EXPECT_TRUE(c.children[0].value_is_number);
    EXPECT_DOUBLE_EQ(c.children[0].value_number, 10);
    EXPECT_EQ(c.children[1].kind, mf::Condition::Kind::Not);
    EXPECT_EQ(c.children[1].children.at(0).question, "has_policy");
    EXPECT_DOUBLE_EQ(maturity->option("all")->score, 2);

    const mf::Question* channels = q.question("channels");
    EXPECT_DOUBLE_EQ(channels->max_points, 3);
    EXPECT_DOUBLE_EQ(channels->option("jobcenter")->score, 2);
    EXPECT_TRUE(channels->option("none")->exclusive);
    EXPECT_FALSE(channels->option("schools")->exclusive);
    EXPECT_TRUE(q.question("old_policy")->invert);
    EXPECT_EQ(q.question("old_policy")->visible_if->children.size(), 4u);
    EXPECT_EQ(q.theme_of("comment")->id, "partnerskaber");
    ASSERT_EQ(q.themes[0].recommendations.size(), 1u);
    EXPECT_DOUBLE_EQ(q.themes[0].recommendations[0].below_percent, 50);
    EXPECT_EQ(q.content_hash, mf::questionnaire_content_hash(full()));
}

TEST(QuestionnaireLoad, LoadedConditionsDriveVisibility) {
    mf::LoadedQuestionnaire r = load(full());
    ASSERT_TRUE(r.questionnaire.has_value());
    const mf::Questionnaire& q = *r.questionnaire;
    mf::Answers a{{"employees", 12.0}, {"has_policy", std::string("no")}, {"policy_age", 9.0},
                  {"maturity", std::string("some")}, {"sector", std::string("public")}};
    mf::Answers v = mf::visible_answers(q, a);
    EXPECT_EQ(v.count("policy_age"), 0u); // has_policy is "no"
    EXPECT_EQ(v.count("maturity"), 0u);   // not(has_policy = no) fails
    EXPECT_FALSE(mf::is_visible(*q.question("old_policy"), v)); // every "any" branch is false
    a["has_policy"] = std::string("yes");
    v = mf::visible_answers(q, a);
    EXPECT_EQ(v.count("policy_age"), 1u);
    EXPECT_EQ(v.count("maturity"), 1u);
    EXPECT_TRUE(mf::is_visible(*q.question("old_policy"), v)); // policy_age 9 > 5
}

// ---------------------------------------------------------------------------------------------
// The format gate
// ---------------------------------------------------------------------------------------------

TEST(QuestionnaireLoad, RejectsWhatIsNotAQuestionnaire) {
    mf::LoadedQuestionnaire r = load(json::array({1, 2}));
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].to_string(), "q.json: expected a questionnaire (a JSON object), got an array");
    EXPECT_FALSE(r.questionnaire.has_value());
}

TEST(QuestionnaireLoad, WrongOrUnknownFormatStopsBeforeTheRest) {
    json doc = full();
    set(doc, "/format", "surveyjs");
    set(doc, "/formatVersion", 2);
    set(doc, "/themes", 7); // would be an error, but a foreign format is not read further
    mf::LoadedQuestionnaire r = load(doc);
    ASSERT_EQ(r.diagnostics.size(), 2u) << all_lines(r.diagnostics);
    EXPECT_EQ(r.diagnostics[0].to_string(), "q.json: /format: expected \"mangfoldighedstjek/questionnaire\", got \"surveyjs\"");
    EXPECT_EQ(r.diagnostics[1].to_string(),
              "q.json: /formatVersion: unknown format version 2; this version of the program reads version 1");
    expect_error([](json& d) { erase(d, "/format"); }, "q.json: missing field \"format\"");
    expect_error([](json& d) { erase(d, "/formatVersion"); }, "q.json: missing field \"formatVersion\"");
    expect_error([](json& d) { set(d, "/formatVersion", "1"); }, "q.json: /formatVersion: expected an integer, got \"1\"");
    expect_error([](json& d) { set(d, "/formatVersion", 1.5); }, "q.json: /formatVersion: expected an integer, got 1.5");
}

TEST(QuestionnaireLoad, TextInputGoesThroughTheSafeJsonGate) {
    mf::LoadedQuestionnaire r = mf::load_questionnaire_text("\xEF\xBB\xBF{}", "x.json");
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].to_string(),
              "x.json: the file starts with a byte order mark (EF BB BF); save it as UTF-8 without BOM");
    r = mf::load_questionnaire_text(std::string(5u << 20, ' '), "x.json");
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].to_string(), "x.json: the file is too large: 5242880 bytes; the limit is 4194304 bytes");
    r = mf::load_questionnaire_file(kData + "/does-not-exist.json");
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].message, "cannot open the file");
    EXPECT_FALSE(r.questionnaire.has_value());
}

// ---------------------------------------------------------------------------------------------
// Types, ids and texts
// ---------------------------------------------------------------------------------------------

TEST(QuestionnaireLoad, RejectsWrongTypesWithPointerAndValue) {
    expect_error([](json& d) { set(d, kMaturity + "/options/1/score", "3"); },
                 "q.json: /themes/0/questions/2/options/1/score: expected a number, got \"3\"");
    expect_error([](json& d) { set(d, kChannels + "/options/0/points", true); },
                 "q.json: /themes/1/questions/0/options/0/points: expected a number, got true");
    expect_error([](json& d) { set(d, "/themes/0/questions", json::object()); },
                 "q.json: /themes/0/questions: expected an array, got an object");
    expect_error([](json& d) { set(d, "/themes/1", "partnerskaber"); },
                 "q.json: /themes/1: expected an object, got \"partnerskaber\"");
    expect_error([](json& d) { set(d, kOld + "/invert", "yes"); },
                 "q.json: /themes/1/questions/1/invert: expected true or false, got \"yes\"");
    expect_error([](json& d) { set(d, "/version", 1); }, "q.json: /version: expected a string, got 1");
    expect_error([](json& d) { set(d, "/$schema", 1); },
                 "q.json: /$schema: expected a string (the path or URL of the schema), got 1");
    expect_error([](json& d) { set(d, "/version", ""); }, "q.json: /version: must not be empty");
    expect_error([](json& d) { set(d, kPolicy + "/type", "scale"); },
                 "q.json: /themes/0/questions/0/type: unknown question type \"scale\"; expected one of single, yesno, multiple, number, text");
    expect_error([](json& d) { erase(d, kPolicy + "/type"); }, "q.json: /themes/0/questions/0: missing field \"type\"");
    expect_error([](json& d) { set(d, kComment + "/format", "phone"); },
                 "q.json: /themes/1/questions/2/format: unknown format \"phone\"; expected \"email\" or \"cvr\"");
    expect_error([](json& d) { set(d, kPolicy + "/weights", json::array({2})); },
                 "q.json: /themes/0/questions/0/weights: expected an object from principle id to weight, got an array");
}

TEST(QuestionnaireLoad, RejectsInvalidIds) {
    const std::string rule = ": use lowercase letters a-z, digits and _, starting with a letter (at most 64 characters)";
    expect_error([](json& d) { set(d, kPolicy + "/id", "Has-Policy"); },
                 "q.json: /themes/0/questions/0/id: invalid id \"Has-Policy\"" + rule);
    expect_error([](json& d) { set(d, kChannels + "/options/1/id", "1st"); },
                 "q.json: /themes/1/questions/0/options/1/id: invalid id \"1st\"" + rule);
    expect_error([](json& d) { set(d, "/id", "test full"); }, "q.json: /id: invalid id \"test full\"" + rule);
    expect_error([](json& d) { set(d, "/levels/0/id", std::string(65, 'a')); },
                 "q.json: /levels/0/id: invalid id \"" + std::string(65, 'a') + "\"" + rule);
    EXPECT_TRUE(mf::is_valid_id("a"));
    EXPECT_TRUE(mf::is_valid_id("q_12"));
    EXPECT_TRUE(mf::is_valid_id(std::string(64, 'a')));
    EXPECT_FALSE(mf::is_valid_id(""));
    EXPECT_FALSE(mf::is_valid_id("_a"));
    EXPECT_FALSE(mf::is_valid_id("æble"));
}

TEST(QuestionnaireLoad, RejectsDuplicateIdsNamingTheFirst) {
    expect_error([](json& d) { set(d, kComment + "/id", "cvr"); },
                 "q.json: /themes/1/questions/2/id: duplicate question id \"cvr\" (first at /profile/1/id)");
    expect_error([](json& d) { set(d, kOld + "/id", "has_policy"); },
                 "q.json: /themes/1/questions/1/id: duplicate question id \"has_policy\" (first at /themes/0/questions/0/id)");
    expect_error([](json& d) { set(d, kChannels + "/options/3/id", "schools"); },
                 "q.json: /themes/1/questions/0/options/3/id: duplicate option id \"schools\" (first at /themes/1/questions/0/options/1/id)");
    expect_error([](json& d) { set(d, "/themes/1/id", "ledelse"); },
                 "q.json: /themes/1/id: duplicate theme id \"ledelse\" (first at /themes/0/id)");
    expect_error([](json& d) { set(d, "/principles/2/id", "forskellighed"); },
                 "q.json: /principles/2/id: duplicate principle id \"forskellighed\" (first at /principles/0/id)");
    expect_error([](json& d) { set(d, "/levels/2/id", "opstart"); },
                 "q.json: /levels/2/id: duplicate level id \"opstart\" (first at /levels/1/id)");
    expect_error([](json& d) { at(d, "/languages").push_back("da"); }, "q.json: /languages/2: duplicate language \"da\"");
}

TEST(QuestionnaireLoad, RejectsMissingOrEmptyTranslations) {
    expect_error([](json& d) { erase(d, kPolicy + "/text/en"); },
                 "q.json: /themes/0/questions/0/text: missing the \"en\" translation");
    expect_error([](json& d) { erase(d, "/principles/0/description/da"); },
                 "q.json: /principles/0/description: missing the \"da\" translation");
    expect_error([](json& d) { set(d, kChannels + "/options/2/text/da", " "); },
                 "q.json: /themes/1/questions/0/options/2/text/da: the \"da\" text is empty");
    expect_error([](json& d) { set(d, "/title/en", 5); }, "q.json: /title/en: expected a string, got 5");
    expect_error([](json& d) { set(d, kPolicy + "/help", "Hjælp"); },
                 "q.json: /themes/0/questions/0/help: expected a text (an object with one string per language, {\"da\": \"...\", "
                 "\"en\": \"...\"}), got \"Hjælp\"");
    // A new language must be added to every text.
    expect_error([](json& d) { at(d, "/languages").push_back("de"); }, "q.json: /title: missing the \"de\" translation");
    expect_error([](json& d) { set(d, "/languages", json::array()); }, "q.json: /languages: needs at least one language");
    expect_error([](json& d) { set(d, "/languages/1", "EN"); },
                 "q.json: /languages/1: invalid language code \"EN\"; use a two- or three-letter lowercase code such as \"da\"");
}

// ---------------------------------------------------------------------------------------------
// Questions, options and weights
// ---------------------------------------------------------------------------------------------

TEST(QuestionnaireLoad, RejectsEmptyOptionListsAndUnscorableOptions) {
    expect_error([](json& d) { set(d, kMaturity + "/options", json::array()); },
                 "q.json: /themes/0/questions/2/options: needs at least one option");
    expect_error([](json& d) { erase(d, kChannels + "/options"); }, "q.json: /themes/1/questions/0: missing field \"options\"");
    expect_error([](json& d) { set(d, kMaturity + "/options/1/score", 0); set(d, kMaturity + "/options/2/score", 0); },
                 "q.json: /themes/0/questions/2/options: at least one option needs a score above 0");
    expect_error([](json& d) { set(d, kMaturity + "/options/0/score", -1); },
                 "q.json: /themes/0/questions/2/options/0/score: must be 0 or more, got -1");
    expect_error([](json& d) { erase(d, kMaturity + "/options/1/score"); },
                 "q.json: /themes/0/questions/2/options/1: missing field \"score\"");
}

TEST(QuestionnaireLoad, MultipleChoiceCapMustBeReachable) {
    expect_error([](json& d) { set(d, kChannels + "/maxPoints", 0); },
                 "q.json: /themes/1/questions/0/maxPoints: must be above 0, got 0");
    expect_error([](json& d) { set(d, kChannels + "/maxPoints", -2); },
                 "q.json: /themes/1/questions/0/maxPoints: must be 0 or more, got -2");
    expect_error([](json& d) { set(d, kChannels + "/maxPoints", 4.5); },
                 "q.json: /themes/1/questions/0/maxPoints: is 4.5, more than the options' points add up to (4)");
    expect_error([](json& d) { erase(d, kChannels + "/maxPoints"); }, "q.json: /themes/1/questions/0: missing field \"maxPoints\"");
    json doc = full();
    set(doc, kChannels + "/maxPoints", 4); // exactly the sum is fine
    EXPECT_TRUE(load(doc).questionnaire.has_value());
}

TEST(QuestionnaireLoad, WeightRules) {
    expect_error([](json& d) { set(d, kPolicy + "/weights/deltagelse", -1); },
                 "q.json: /themes/0/questions/0/weights/deltagelse: must be 0 or more, got -1");
    expect_error([](json& d) { set(d, kPolicy + "/weights/diversitet", 1); },
                 "q.json: /themes/0/questions/0/weights/diversitet: unknown principle \"diversitet\"");
    expect_error([](json& d) { set(d, kOld + "/weights/forskellighed", 0); },
                 "q.json: /themes/1/questions/1/weights: at least one weight must be above 0 (a scored question must count towards a principle)");
    expect_error([](json& d) { set(d, kOld + "/weights", json::object()); },
                 "q.json: /themes/1/questions/1/weights: at least one weight must be above 0 (a scored question must count towards a principle)");
    expect_error([](json& d) { erase(d, kOld + "/weights"); }, "q.json: /themes/1/questions/1: missing field \"weights\"");
    expect_error([](json& d) { set(d, kAge + "/weights", json{{"deltagelse", 1}}); },
                 "q.json: /themes/0/questions/1/weights: a number question is never scored; remove \"weights\"");
    expect_error([](json& d) { set(d, kComment + "/weights", json{{"deltagelse", 1}}); },
                 "q.json: /themes/1/questions/2/weights: a text question is never scored; remove \"weights\"");
    expect_error([](json& d) { set(d, "/profile/2/weights", json{{"deltagelse", 1}}); },
                 "q.json: /profile/2/weights: profile questions are never scored; remove \"weights\"");
}

TEST(QuestionnaireLoad, EveryPrincipleNeedsSomethingToScoreIt) {
    // medborgerskab is weighted by maturity and channels only.
    expect_error(
        [](json& d) {
            erase(d, kMaturity + "/weights/medborgerskab");
            set(d, kMaturity + "/weights/forskellighed", 1);
            set(d, kChannels + "/weights/medborgerskab", 0);
        },
        "q.json: /principles/2: no question gives weight to principle \"medborgerskab\", so it cannot be scored");
    expect_error([](json& d) { set(d, "/principles", json::array()); }, "q.json: /principles: needs at least one principle");
    expect_error([](json& d) { erase(d, "/principles"); }, "q.json: missing field \"principles\"");
}

TEST(QuestionnaireLoad, LevelsStartAtZeroAndAscend) {
    expect_error([](json& d) { set(d, "/levels/0/minPercent", 5); },
                 "q.json: /levels/0/minPercent: the first level must start at 0, got 5");
    expect_error([](json& d) { set(d, "/levels/2/minPercent", 20); },
                 "q.json: /levels/2/minPercent: levels must be in ascending order: 20 is not above 20 (the level before)");
    expect_error([](json& d) { set(d, "/levels/2/minPercent", 120); },
                 "q.json: /levels/2/minPercent: must be between 0 and 100, got 120");
    expect_error([](json& d) { set(d, "/levels", json::array()); }, "q.json: /levels: needs at least one level");
}

TEST(QuestionnaireLoad, ProfileRoles) {
    expect_error([](json& d) { at(d, "/profile").erase(1); },
                 "q.json: /profile: missing a question with role \"cvr\" (the result file needs it)");
    expect_error([](json& d) { erase(d, "/profile/3/role"); },
                 "q.json: /profile: missing a question with role \"employees\" (the result file needs it)");
    expect_error([](json& d) { set(d, "/profile/4/role", "name"); },
                 "q.json: /profile/4/role: duplicate role \"name\" (first at /profile/0/role)");
    expect_error([](json& d) { set(d, "/profile/4/role", "phone"); },
                 "q.json: /profile/4/role: unknown role \"phone\"; expected one of name, cvr, sector, employees, contact, email");
    expect_error([](json& d) { set(d, "/profile/3/type", "text"); },
                 "q.json: /profile/3/role: the \"employees\" role needs a number question, not text");
    expect_error([](json& d) { set(d, kComment + "/role", "contact"); },
                 "q.json: /themes/1/questions/2/role: only profile questions have a role");
    // Profile choices need no scores; the profile is never scored.
    json doc = full();
    EXPECT_FALSE(at(doc, "/profile/2/options/0").contains("score"));
    EXPECT_TRUE(load(doc).questionnaire.has_value());
}

TEST(QuestionnaireLoad, NumberBounds) {
    expect_error([](json& d) { set(d, "/profile/3/min", 200000); },
                 "q.json: /profile/3/min: min (200000) is above max (100000)");
    expect_error([](json& d) { set(d, "/profile/3/max", 1e300); },
                 "q.json: /profile/3/max: must be between -1000000000000000 and 1000000000000000, got 1e+300");
    expect_error([](json& d) { set(d, kMaturity + "/options/2/score", 1e7); },
                 "q.json: /themes/0/questions/2/options/2/score: must be between 0 and 1000000, got 10000000.0");
}

TEST(QuestionnaireLoad, NonFiniteNumbersFromCodeAreRejected) {
    // JSON text cannot hold NaN or infinity, but a document built in code can.
    expect_error([](json& d) { set(d, kPolicy + "/weights/deltagelse", std::nan("")); },
                 "q.json: /themes/0/questions/0/weights/deltagelse: expected a finite number");
    expect_error([](json& d) { set(d, "/profile/3/max", std::numeric_limits<double>::infinity()); },
                 "q.json: /profile/3/max: expected a finite number");
}

TEST(QuestionnaireLoad, ThemesNeedScoredQuestions) {
    expect_error([](json& d) { at(d, "/themes/1/questions").erase(0); at(d, "/themes/1/questions").erase(0); },
                 "q.json: /themes/1/questions: the theme has no scored question (single, yesno or multiple), so it has no percentage");
    expect_error([](json& d) { set(d, "/themes/1/questions", json::array()); }, "q.json: /themes/1/questions: needs at least one question");
    expect_error([](json& d) { set(d, "/themes", json::array()); }, "q.json: /themes: needs at least one theme");
    expect_error([](json& d) { set(d, "/themes/0/recommendations/0/belowPercent", 0); },
                 "q.json: /themes/0/recommendations/0/belowPercent: must be above 0 (no percentage is below 0), got 0");
}

TEST(QuestionnaireLoad, RecommendationsBelongToScoredQuestions) {
    expect_error([](json& d) { set(d, kComment + "/recommendations", json::array({json{{"text", {{"da", "x"}, {"en", "y"}}}}})); },
                 "q.json: /themes/1/questions/2/recommendations: only scored questions have recommendations; a text question is never scored");
    expect_error([](json& d) { set(d, "/profile/2/recommendations", json::array()); },
                 "q.json: /profile/2/recommendations: only scored questions have recommendations; a profile question is never scored");
    // `when` may look at the question itself and earlier questions, not later ones.
    expect_error([](json& d) { set(d, kPolicy + "/recommendations/1/when", json{{"question", "channels"}, {"op", "answered"}}); },
                 "q.json: /themes/0/questions/0/recommendations/1/when/question: refers to \"channels\", which is defined later (at "
                 "/themes/1/questions/0); a condition may only refer to earlier questions");
    json doc = full();
    set(doc, kChannels + "/recommendations", json::array({json{{"when", {{"question", "channels"}, {"op", "includes"}, {"value", "none"}}},
                                                                 {"text", {{"da", "x"}, {"en", "y"}}}}}));
    mf::LoadedQuestionnaire r = load(doc);
    ASSERT_TRUE(r.questionnaire.has_value()) << all_lines(r.diagnostics);
    EXPECT_EQ(r.questionnaire->question("channels")->recommendations.at(0).when->op, mf::Condition::Op::Includes);
}

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

TEST(QuestionnaireLoad, ConditionsReferToEarlierQuestionsOnly) {
    expect_error([](json& d) { set(d, kAge + "/visibleIf/question", "has_polcy"); },
                 "q.json: /themes/0/questions/1/visibleIf/question: unknown question \"has_polcy\"");
    expect_error([](json& d) { set(d, kPolicy + "/visibleIf", json{{"question", "maturity"}, {"op", "answered"}}); },
                 "q.json: /themes/0/questions/0/visibleIf/question: refers to \"maturity\", which is defined later (at "
                 "/themes/0/questions/2); a condition may only refer to earlier questions");
    expect_error([](json& d) { set(d, kAge + "/visibleIf/question", "policy_age"); },
                 "q.json: /themes/0/questions/1/visibleIf/question: a question's condition cannot refer to the question itself; it "
                 "may only refer to earlier questions");
}

TEST(QuestionnaireLoad, ACycleIsReportedAsAForwardReference) {
    // has_policy <- maturity already; make has_policy depend on maturity too.
    json doc = full();
    set(doc, kPolicy + "/visibleIf", json{{"question", "maturity"}, {"op", "="}, {"value", "all"}});
    mf::LoadedQuestionnaire r = load(doc);
    EXPECT_FALSE(r.questionnaire.has_value());
    ASSERT_EQ(mf::count_errors(r.diagnostics), 1u) << all_lines(r.diagnostics);
    EXPECT_EQ(r.diagnostics[0].pointer, "/themes/0/questions/0/visibleIf/question");
}

TEST(QuestionnaireLoad, ConditionOpsMustFitTheQuestionType) {
    expect_error([](json& d) { set(d, kAge + "/visibleIf", json{{"question", "employees"}, {"op", "includes"}, {"value", 5}}); },
                 "q.json: /themes/0/questions/1/visibleIf/op: \"includes\" cannot be used with \"employees\" (a number question); use "
                 "=, !=, >, >=, <, <=, answered");
    expect_error([](json& d) { set(d, kAge + "/visibleIf/op", ">"); },
                 "q.json: /themes/0/questions/1/visibleIf/op: \">\" cannot be used with \"has_policy\" (a yesno question); use =, !=, answered");
    expect_error([](json& d) { set(d, kOld + "/visibleIf/any/1/op", "="); },
                 "q.json: /themes/1/questions/1/visibleIf/any/1/op: \"=\" cannot be used with \"channels\" (a multiple question); use includes, answered");
    expect_error([](json& d) { set(d, kOld + "/visibleIf", json{{"question", "org_name"}, {"op", "="}, {"value", "x"}}); },
                 "q.json: /themes/1/questions/1/visibleIf/op: \"=\" cannot be used with \"org_name\" (a text question); use answered");
    expect_error([](json& d) { set(d, kAge + "/visibleIf/value", "maybe"); },
                 "q.json: /themes/0/questions/1/visibleIf/value: \"maybe\" is not an option of \"has_policy\"; expected one of yes, no, dont_know");
    expect_error([](json& d) { set(d, kOld + "/visibleIf/any/1/value", "jobcentre"); },
                 "q.json: /themes/1/questions/1/visibleIf/any/1/value: \"jobcentre\" is not an option of \"channels\"; expected one of "
                 "jobcenter, schools, mentors, none");
    expect_error([](json& d) { set(d, kOld + "/visibleIf/any/3/value", "ngo"); },
                 "q.json: /themes/1/questions/1/visibleIf/any/3/value: \"ngo\" is not an option of \"sector\"; expected one of private, public");
    expect_error([](json& d) { set(d, kOld + "/visibleIf/any/0/value", "5"); },
                 "q.json: /themes/1/questions/1/visibleIf/any/0/value: expected a number, got \"5\"");
    expect_error([](json& d) { set(d, kAge + "/visibleIf/value", true); },
                 "q.json: /themes/0/questions/1/visibleIf/value: expected an option id of \"has_policy\" (a string), got true");
    expect_error([](json& d) { set(d, kAge + "/visibleIf/op", "=="); },
                 "q.json: /themes/0/questions/1/visibleIf/op: unknown op \"==\"; expected one of =, !=, >, >=, <, <=, includes, answered");
    expect_error([](json& d) { erase(d, kAge + "/visibleIf/value"); }, "q.json: /themes/0/questions/1/visibleIf: missing field \"value\"");
    expect_error([](json& d) { set(d, kOld + "/visibleIf/any/2/value", 1); },
                 "q.json: /themes/1/questions/1/visibleIf/any/2/value: \"answered\" takes no value");
}

TEST(QuestionnaireLoad, ConditionShapes) {
    expect_error([](json& d) { set(d, kAge + "/visibleIf", json{{"all", json::array()}}); },
                 "q.json: /themes/0/questions/1/visibleIf/all: \"all\" needs at least one condition");
    expect_error([](json& d) { set(d, kAge + "/visibleIf", json{{"any", "has_policy"}}); },
                 "q.json: /themes/0/questions/1/visibleIf/any: expected an array, got \"has_policy\"");
    expect_error([](json& d) { set(d, kAge + "/visibleIf", json{{"if", "has_policy"}}); },
                 "q.json: /themes/0/questions/1/visibleIf: expected a condition (an object with \"all\", \"any\", \"not\" or \"question\"), "
                 "got an object with none of them");
    expect_error([](json& d) { set(d, kAge + "/visibleIf", "has_policy == yes"); },
                 "q.json: /themes/0/questions/1/visibleIf: expected a condition (an object with \"all\", \"any\", \"not\" or \"question\"), "
                 "got \"has_policy == yes\"");
    expect_error([](json& d) { at(d, kAge + "/visibleIf")["not"] = json{{"question", "employees"}, {"op", "answered"}}; },
                 "q.json: /themes/0/questions/1/visibleIf: a condition has exactly one of \"all\", \"any\", \"not\" or \"question\"; this "
                 "one has \"not\" and \"question\"");
    // Nesting beyond 32 levels of conditions is refused even when the JSON itself is allowed.
    expect_error(
        [](json& d) {
            json c{{"question", "has_policy"}, {"op", "answered"}};
            for (int i = 0; i < 40; ++i) c = json{{"not", c}};
            set(d, kAge + "/visibleIf", c);
        },
        "q.json: /themes/0/questions/1/visibleIf" + [] {
            std::string p;
            for (int i = 0; i < 32; ++i) p += "/not";
            return p;
        }() + ": conditions nest deeper than 32 levels");
}

// ---------------------------------------------------------------------------------------------
// Warnings, all problems at once, robustness
// ---------------------------------------------------------------------------------------------

TEST(QuestionnaireLoad, UnknownFieldsAreWarningsAndStillLoad) {
    json doc = full();
    set(doc, "/colour", "blue");
    set(doc, kPolicy + "/weight", 2);
    set(doc, kPolicy + "/options", json::array());
    set(doc, "/principles/0/title/de", "Vielfalt");
    set(doc, kAge + "/visibleIf/comment", "why");
    mf::LoadedQuestionnaire r = load(doc);
    ASSERT_TRUE(r.questionnaire.has_value()) << all_lines(r.diagnostics);
    std::vector<std::string> lines;
    for (const mf::Diagnostic& d : r.diagnostics) {
        EXPECT_EQ(d.severity, mf::Diagnostic::Severity::Warning);
        lines.push_back(d.to_string());
    }
    std::sort(lines.begin(), lines.end());
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "q.json: /colour: warning: unknown field \"colour\" (ignored)",
                         "q.json: /principles/0/title/de: warning: language \"de\" is not in \"languages\" (ignored)",
                         "q.json: /themes/0/questions/0/options: warning: field \"options\" is not used by a yesno question (ignored)",
                         "q.json: /themes/0/questions/0/weight: warning: unknown field \"weight\" (ignored)",
                         "q.json: /themes/0/questions/1/visibleIf/comment: warning: unknown field \"comment\" (ignored)",
                     }));
}

TEST(QuestionnaireLoad, ReportsEveryProblemNotOnlyTheFirst) {
    json doc = full();
    set(doc, "/title/en", "");
    set(doc, "/levels/1/minPercent", "20");
    set(doc, kMaturity + "/options/0/id", "some");
    set(doc, kAge + "/visibleIf/question", "nobody");
    set(doc, kChannels + "/maxPoints", 10);
    set(doc, "/profile/3/role", "contact");
    mf::LoadedQuestionnaire r = load(doc);
    EXPECT_FALSE(r.questionnaire.has_value());
    std::vector<std::string> pointers;
    for (const mf::Diagnostic& d : r.diagnostics) pointers.push_back(d.pointer);
    EXPECT_EQ(pointers, (std::vector<std::string>{"/title/en", "/levels/1/minPercent", "/profile/3/role", "/profile",
                                                  "/themes/0/questions/1/visibleIf/question", "/themes/0/questions/2/options/1/id",
                                                  "/themes/1/questions/0/maxPoints"}))
        << all_lines(r.diagnostics);
}

TEST(QuestionnaireLoad, ContentHashIsOfTheCanonicalForm) {
    json a = json::parse(R"({"b": "æ", "a": [1, 2.5, {"d": null, "c": true}]})");
    // Keys sorted, no whitespace, UTF-8 unescaped, numbers as written.
    EXPECT_EQ(mf::questionnaire_content_hash(a),
              "sha256:" + mf::sha256_hex("{\"a\":[1,2.5,{\"c\":true,\"d\":null}],\"b\":\"\xC3\xA6\"}"));
    json b = json::parse("{\n  \"a\" : [1, 2.5, {\"c\": true, \"d\": null}],\n  \"b\": \"\\u00e6\"\n}");
    EXPECT_EQ(mf::questionnaire_content_hash(a), mf::questionnaire_content_hash(b));
    json c = full();
    std::string before = mf::questionnaire_content_hash(c);
    EXPECT_EQ(before.size(), 7u + 64u);
    set(c, kPolicy + "/weights/deltagelse", 1.5);
    EXPECT_NE(mf::questionnaire_content_hash(c), before);
}

TEST(QuestionnaireLoad, NeverThrowsWhateverValueIsReplaced) {
    // Every value of full.json in turn replaced by values of every other kind (and removed): the
    // loader must neither throw nor give an invalid result, and must name the pointer it changed
    // or something that depends on it.
    const json original = full();
    const std::vector<json> replacements = {nullptr, true, -1, 0, 1e300, "", "x", json::array(), json::array({json::object()}), json::object()};
    std::size_t loads = 0, rejected = 0;
    const std::size_t pointers = mf_test::sweep_json(original, replacements, [&](const std::string& pointer, const json& doc) {
        mf::LoadedQuestionnaire r;
        EXPECT_NO_THROW(r = load(doc)) << pointer;
        ++loads;
        EXPECT_EQ(r.questionnaire.has_value(), !mf::has_errors(r.diagnostics)) << pointer;
        if (!r.questionnaire) ++rejected;
    });
    EXPECT_GT(pointers, 250u); // full.json has 276 values
    EXPECT_GT(rejected, loads / 2); // most replacements are wrong; some (e.g. "x" as a text) are not
}

// The municipality's "how to send" block: loaded in every language, complete when present, and
// outside the content hash (a new contact keeps earlier results comparable).
TEST(QuestionnaireLoad, SubmissionIsReadCompleteAndLeftOutOfTheHash) {
    json doc = full();
    const std::string without = load(doc).questionnaire->content_hash;
    EXPECT_FALSE(load(doc).questionnaire->submission.has_value());
    const json text = {{"da", "dansk"}, {"en", "English"}};
    set(doc, "/submission", json{{"recipient", text}, {"channel", {{"da", "Digital Post på virk.dk"}, {"en", "Digital Post on virk.dk"}}},
                                 {"contact", text}});
    mf::LoadedQuestionnaire r = load(doc);
    ASSERT_TRUE(r.questionnaire.has_value()) << all_lines(r.diagnostics);
    EXPECT_TRUE(r.diagnostics.empty()) << all_lines(r.diagnostics);
    ASSERT_TRUE(r.questionnaire->submission.has_value());
    EXPECT_EQ(r.questionnaire->submission->channel.in("da"), "Digital Post på virk.dk");
    EXPECT_EQ(r.questionnaire->submission->channel.in("en"), "Digital Post on virk.dk");
    EXPECT_EQ(r.questionnaire->content_hash, without);
    set(doc, "/submission/contact/da", "en anden kontakt");
    EXPECT_EQ(load(doc).questionnaire->content_hash, without);
    set(doc, "/title/da", "en anden titel");
    EXPECT_NE(load(doc).questionnaire->content_hash, without) << "everything else is still hashed";

    expect_error([](json& d) { set(d, "/submission", json{{"recipient", {{"da", "a"}, {"en", "b"}}}, {"channel", {{"da", "a"}, {"en", "b"}}}}); },
                 "q.json: /submission: missing field \"contact\"");
    expect_error([](json& d) { set(d, "/submission", "Digital Post"); },
                 "q.json: /submission: expected an object, got \"Digital Post\"");
    json unknown = full();
    set(unknown, "/submission", json{{"recipient", text}, {"channel", text}, {"contact", text}, {"phone", "33 66 33 66"}});
    mf::LoadedQuestionnaire u = load(unknown);
    EXPECT_TRUE(u.questionnaire.has_value());
    ASSERT_EQ(u.diagnostics.size(), 1u) << all_lines(u.diagnostics);
    EXPECT_EQ(u.diagnostics[0].pointer, "/submission/phone");
}

TEST(QuestionnaireLoad, TheShippedQuestionnaireSaysHowToSendByDigitalPost) {
    const mf::Questionnaire& q = mf_test::shipped();
    ASSERT_TRUE(q.submission.has_value());
    EXPECT_NE(q.submission->channel.in("da").find("virk.dk"), std::string::npos);
    EXPECT_NE(q.submission->channel.in("en").find("Digital Post"), std::string::npos);
    EXPECT_NE(q.submission->recipient.in("da").find("Københavns Kommune"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The fast reader's path (load_questionnaire_text reads a compact file with sorted keys, the form
// the build embeds in the respondent's page, with json_fast.h's reader): the same model and the
// same diagnostics as the gate's document, for every shipped questionnaire and every fixture.
// ---------------------------------------------------------------------------------------------

// Every field of the model as text, so two models compare as a whole.
std::string text_of(const mf::LocalText& t) {
    std::string s = "{";
    for (const auto& [lang, text] : t.by_lang) s += lang + "=" + text + ";";
    return s + "}";
}
std::string text_of(const mf::Condition& c) {
    std::string s = "(" + std::to_string(static_cast<int>(c.kind)) + " " + c.question + " " + std::to_string(static_cast<int>(c.op)) +
                    " " + c.value_text + " " + std::to_string(c.value_number) + (c.value_is_number ? " n" : " t");
    for (const mf::Condition& child : c.children) s += text_of(child);
    return s + ")";
}
std::string text_of(const mf::Question& q) {
    std::string s = q.id + " " + mf::question_type_name(q.type) + text_of(q.text) + text_of(q.help) + text_of(q.unit) + " " +
                    std::to_string(q.max_points) + (q.invert ? " inv" : "") + (q.min ? " min" + std::to_string(*q.min) : "") +
                    (q.max ? " max" + std::to_string(*q.max) : "") + (q.integer ? " int" : "") + " " + q.format +
                    (q.required ? " req" : "") + " " + q.role + (q.visible_if ? " if" + text_of(*q.visible_if) : "") + "\n";
    for (const mf::Option& o : q.options)
        s += "  option " + o.id + text_of(o.text) + std::to_string(o.score) + (o.exclusive ? " excl" : "") + "\n";
    for (const auto& [principle, weight] : q.weights) s += "  weight " + principle + "=" + std::to_string(weight) + "\n";
    for (const mf::QuestionRecommendation& r : q.recommendations)
        s += "  rec " + (r.when ? text_of(*r.when) : std::string("always")) + text_of(r.text) + "\n";
    return s;
}
std::string model_text(const mf::Questionnaire& q) {
    std::string s = std::to_string(q.format_version) + " " + q.id + " " + q.version + " " + q.content_hash + "\n";
    for (const std::string& l : q.languages) s += "lang " + l + "\n";
    s += text_of(q.title) + text_of(q.intro) + "\n";
    for (const mf::Principle& p : q.principles) s += "principle " + p.id + text_of(p.title) + text_of(p.description) + "\n";
    for (const mf::Level& l : q.levels)
        s += "level " + l.id + " " + std::to_string(l.min_percent) + text_of(l.title) + text_of(l.description) + "\n";
    for (const mf::Question& p : q.profile) s += "profile " + text_of(p);
    for (const mf::Theme& t : q.themes) {
        s += "theme " + t.id + text_of(t.title) + text_of(t.intro) + "\n";
        for (const mf::Question& x : t.questions) s += text_of(x);
        for (const mf::ThemeRecommendation& r : t.recommendations) s += "  below " + std::to_string(r.below_percent) + text_of(r.text) + "\n";
        for (const mf::SuggestedIndicator& i : t.indicators) s += "  indicator " + i.unit + text_of(i.measure) + "\n";
    }
    if (q.submission) s += "submission" + text_of(q.submission->recipient) + text_of(q.submission->channel) + text_of(q.submission->contact);
    return s;
}

TEST(QuestionnaireLoad, TheFastReadersPathGivesTheGatesModelAndDiagnostics) {
    std::vector<std::string> files;
    for (const std::string& dir : {std::string(MF_SOURCE_DIR) + "/questionnaires", kData + "/good", kData + "/bad"})
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    std::size_t fast = 0, loaded = 0;
    for (const std::string& path : files) {
        mf::Diagnostics ignored;
        std::string bytes;
        ASSERT_TRUE(mf::read_file_bytes(path, bytes, ignored)) << path;
        std::optional<json> doc = mf::parse_json_document(bytes, path, ignored);
        if (!doc) continue; // not JSON: the gate's own tests (the fast reader gives up on it)
        // nlohmann writes compact text with keys sorted by their bytes: the form the build embeds.
        const std::string compact = doc->dump();
        mf::FastDocument fast_doc;
        ASSERT_TRUE(mf::parse_fast_json(compact, fast_doc, nullptr, mf::JsonLimits{}.max_bytes)) << path;
        ++fast;
        const mf::LoadedQuestionnaire full = mf::load_questionnaire_json(*doc, path);
        const mf::LoadedQuestionnaire quick = mf::load_questionnaire_text(compact, path);
        EXPECT_EQ(all_lines(quick.diagnostics), all_lines(full.diagnostics)) << path;
        ASSERT_EQ(quick.questionnaire.has_value(), full.questionnaire.has_value()) << path;
        if (!full.questionnaire) continue;
        ++loaded;
        EXPECT_EQ(model_text(*quick.questionnaire), model_text(*full.questionnaire)) << path;
        // The file as written (indented, keys in the author's order) goes through the gate: the same.
        const mf::LoadedQuestionnaire as_written = mf::load_questionnaire_text(bytes, path);
        ASSERT_TRUE(as_written.questionnaire.has_value()) << path;
        EXPECT_EQ(model_text(*as_written.questionnaire), model_text(*full.questionnaire)) << path;
    }
    EXPECT_GE(fast, 30u);
    EXPECT_GE(loaded, 3u);
}

// What the fast reader gives up on still reaches the gate, which says what is wrong: keys out of
// order and a duplicate key in an otherwise compact file.
TEST(QuestionnaireLoad, WhatTheFastReaderGivesUpOnIsCheckedByTheGate) {
    const std::string compact = full().dump();
    mf::LoadedQuestionnaire r = mf::load_questionnaire_text(compact, "q.json");
    ASSERT_TRUE(r.questionnaire.has_value()) << all_lines(r.diagnostics);
    // A key "zz" before "format": not sorted, so the gate reads it, with the same outcome.
    std::string unsorted = compact;
    const std::size_t format = unsorted.find("\"format\":");
    ASSERT_NE(format, std::string::npos);
    unsorted.insert(format, "\"zz\":1,");
    mf::FastDocument fast_doc;
    EXPECT_FALSE(mf::parse_fast_json(unsorted, fast_doc, nullptr, mf::JsonLimits{}.max_bytes));
    r = mf::load_questionnaire_text(unsorted, "q.json");
    ASSERT_TRUE(r.questionnaire.has_value()) << all_lines(r.diagnostics);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].to_string(), "q.json: /zz: warning: unknown field \"zz\" (ignored)");
    std::string duplicate = compact;
    duplicate.insert(format, "\"format\":\"x\",");
    r = mf::load_questionnaire_text(duplicate, "q.json");
    EXPECT_FALSE(r.questionnaire.has_value());
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].to_string(), "q.json: duplicate key \"format\" in the same object");
}
