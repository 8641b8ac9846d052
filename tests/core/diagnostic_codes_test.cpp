// diagnostic_codes_test.cpp - the diagnostic-code contract (core/diagnostic_codes.h,
// docs/diagnostics.md): the registry is well formed and is exactly what the docs list; every
// diagnostic of every bad fixture (tests/data/questionnaires/bad, tests/data/results/bad, through the
// loader, the importer and the municipality's check) carries a registered code with exactly the
// registry's parameters; and a corpus of bad inputs reaches every registered code but the few listed
// in kNotReachedHere, each with the reason.
//
// The other core tests check the codes of their own bad inputs through diagnostic_check.h.
#include "core/action_plan.h"
#include "core/aggregate.h"
#include "core/benchmark_compare.h"
#include "core/bundle.h"
#include "core/diagnostic_codes.h"
#include "core/json_input.h"
#include "core/questionnaire_load.h"
#include "core/result.h"
#include "core/session.h"
#include "core/workshop.h"
#include "support/diagnostic_check.h"
#include "support/json_sweep.h"
#include "support/memory_store.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace {

using mf_test::code_problem;
using mf_test::shipped;
using nlohmann::json;
namespace fs = std::filesystem;

const std::string kTestData = std::string(MF_SOURCE_DIR) + "/tests/data";

// Codes the corpus below does not produce, and why; each is still in the registry and the docs.
const std::map<std::string, std::string> kNotReachedHere = {
    {"file.not_a_file", "a path that opens but has no size (a folder on some systems); not portable to make in a test"},
    {"file.cannot_read", "a read that fails after the file opened (an I/O error)"},
    {"file.not_found", "mf-validate's own check before reading; tests/cli/validate_codes.test.sh"},
    {"file.is_folder", "mf-validate's own check before reading; tests/cli/validate_codes.test.sh"},
    {"file.no_permission", "mf-validate's own check before reading (root ignores permissions)"},
    {"json.invalid", "nlohmann reports every parse error with a line and column; the fallback for one without"},
    {"internal.read_failed", "an exception while reading, which the code does not throw"},
    {"internal.parse_failed", "an exception from the JSON gate, which does not throw"},
    {"internal.load_failed", "an exception from the loader, which type-checks every access"},
    {"result.answer.unknown_type", "a question type the loader does not accept"},
    {"export.answer.unknown_type", "a question type the loader does not accept"},
    {"result.answer.not_finite", "the JSON gate refuses what is not a finite number before the answer is checked"},
    {"profile.cvr.empty", "a blank field gets profile.fill_in (or nothing) before the CVR check"},
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

json parse_file(const std::string& path) { return json::parse(slurp(path)); }

std::vector<std::string> json_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".json") out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Every code and its parameters from a set of bad inputs, with where each came from.
struct Corpus {
    struct Item {
        std::string code;
        mf::DiagnosticParams params;
        std::string where;
    };
    std::vector<Item> items;

    void add(const mf::Diagnostics& diagnostics) {
        for (const mf::Diagnostic& d : diagnostics) items.push_back({d.code, d.params, d.to_string()});
    }
    void add(const std::vector<mf::ActionPlanProblem>& problems) {
        for (const mf::ActionPlanProblem& p : problems) items.push_back({p.code, p.params, "action plan: " + p.message});
    }
    void add(const mf::FieldProblem& p) {
        if (!p.fine()) items.push_back({p.code, p.params, "profile field: " + p.message});
    }
    std::set<std::string> codes() const {
        std::set<std::string> out;
        for (const Item& i : items) out.insert(i.code);
        return out;
    }
};

// sweep_json (json_sweep.h) without the pointer.
void sweep(const json& original, const std::vector<json>& replacements, const std::function<void(const json&)>& use) {
    mf_test::sweep_json(original, replacements, [&](const std::string&, const json& doc) { use(doc); });
}

void set_at(json& doc, const std::string& pointer, json value) { doc[json::json_pointer(pointer)] = std::move(value); }

// Questionnaires: the bad fixtures, a sweep of good/full.json, and changes the sweep cannot make.
void add_questionnaires(Corpus& c) {
    for (const std::string& path : json_files(kTestData + "/questionnaires/bad")) c.add(mf::load_questionnaire_file(path).diagnostics);
    c.add(mf::load_questionnaire_file(kTestData + "/questionnaires/no-such-file.json").diagnostics);
    const json full = parse_file(kTestData + "/questionnaires/good/full.json");
    auto load = [&](const json& doc) { c.add(mf::load_questionnaire_json(doc, "q.json").diagnostics); };
    sweep(full, {nullptr, -1, 1e300, "", "X", json::array(), json::object(), json::array({json::object()})}, load);

    const std::string policy = "/themes/0/questions/0", age = "/themes/0/questions/1", maturity = "/themes/0/questions/2",
                      channels = "/themes/1/questions/0", comment = "/themes/1/questions/2";
    const json a_text = {{"da", "x"}, {"en", "x"}};
    // Each entry: the changes to make together.
    const std::vector<std::vector<std::pair<std::string, json>>> changes = {
        {{"/formatVersion", 2}},
        {{"/colour", "blue"}},
        {{policy + "/options", json::array()}},
        {{maturity + "/options", json::array()}},
        {{maturity + "/options/0/score", 0}, {maturity + "/options/1/score", 0}, {maturity + "/options/2/score", 0}},
        {{policy + "/id", "Policy"}},
        {{policy + "/text/fr", "politique"}},
        {{policy + "/text/da", "  "}},
        {{"/languages/1", "da"}},
        {{"/languages/1", "EN"}},
        {{"/languages/1", 7}},
        {{"/levels/0/minPercent", 5}},
        {{"/levels/1/minPercent", 0}},
        {{"/levels/1/id", full["levels"][0]["id"]}},
        {{"/profile/0/role", "boss"}},
        {{"/profile/0/type", "number"}},
        {{"/profile/1/role", full["profile"][0]["role"]}},
        {{policy + "/role", "name"}},
        {{age + "/min", 10}, {age + "/max", 5}},
        {{comment + "/format", "phone"}},
        {{comment + "/weights", json::object({{"forskellighed", 1}})}},
        {{comment + "/recommendations", json::array()}},
        {{"/profile/1/weights", json::object({{"forskellighed", 1}})}},
        {{"/profile/1/recommendations", json::array()}},
        {{policy + "/weights", json::object({{"nope", 1}})}},
        {{policy + "/weights", json::object({{"forskellighed", 0}, {"deltagelse", 0}})}},
        {{policy + "/weights/forskellighed", std::numeric_limits<double>::quiet_NaN()}},
        {{channels + "/maxPoints", 0}},
        {{channels + "/maxPoints", 100}},
        {{channels + "/options/1/id", full["themes"][1]["questions"][0]["options"][0]["id"]}},
        {{"/themes/0/recommendations", json::array({{{"belowPercent", 0}, {"text", a_text}}})}},
        {{"/themes/1/questions", json::array({full["themes"][1]["questions"][2]})}},
        {{"/themes/1/id", full["themes"][0]["id"]}},
        {{"/principles/1/id", full["principles"][0]["id"]}},
        {{"/$schema", 3}},
        {{age + "/visibleIf", json::object()}},
        {{age + "/visibleIf", {{"all", json::array()}}}},
        {{age + "/visibleIf", {{"all", json::array()}, {"not", json::object()}}}},
        {{age + "/visibleIf", {{"question", "policy_age"}, {"op", "answered"}}}},
        {{age + "/visibleIf", {{"question", "old_policy"}, {"op", "answered"}}}},
        {{age + "/visibleIf", {{"question", "ghost"}, {"op", "answered"}}}},
        {{age + "/visibleIf", {{"question", "has_policy"}, {"op", "~"}, {"value", "yes"}}}},
        {{age + "/visibleIf", {{"question", "has_policy"}, {"op", "answered"}, {"value", "yes"}}}},
        {{age + "/visibleIf", {{"question", "has_policy"}, {"op", "="}}}},
        {{age + "/visibleIf", {{"question", "has_policy"}, {"op", ">"}, {"value", 1}}}},
        {{age + "/visibleIf", {{"question", "has_policy"}, {"op", "="}, {"value", 1}}}},
        {{age + "/visibleIf", {{"question", "has_policy"}, {"op", "="}, {"value", "perhaps"}}}},
        {{"/themes/0/indicators", json::array({{{"measure", a_text}, {"unit", "kg"}}})}},
    };
    for (const auto& change : changes) {
        json doc = full;
        for (const auto& [pointer, value] : change) set_at(doc, pointer, value);
        load(doc);
    }
    load(json::array());
    // A role on the wrong type, a missing role, a principle nobody weighs.
    json doc = full;
    for (json& q : doc["profile"])
        if (q.contains("role") && q["role"] == "employees") q["type"] = "text";
    load(doc);
    doc = full;
    for (json& q : doc["profile"])
        if (q.contains("role") && q["role"] == "cvr") q.erase("role");
    load(doc);
    doc = full;
    for (json& t : doc["themes"])
        for (json& q : t["questions"])
            if (q.contains("weights")) q["weights"].erase("medborgerskab");
    load(doc);
    // Conditions nested deeper than the limit.
    json condition = {{"question", "has_policy"}, {"op", "answered"}};
    for (int i = 0; i < 40; ++i) condition = {{"not", condition}};
    doc = full;
    set_at(doc, age + "/visibleIf", condition);
    load(doc);
    // Through the JSON gate.
    for (const std::string& text : {std::string("\xEF\xBB\xBF{}"), std::string(5u << 20, ' '), std::string("{\"a\": \xC3}"),
                                    std::string(" \n"), std::string("{\"a\" 1}"), std::string("{\"a\": [1,"),
                                    std::string(100, '['), std::string("{\"a\": 1, \"a\": 2}"), std::string("[1e400]")})
        c.add(mf::load_questionnaire_text(text, "q.json").diagnostics);
}

mf::Assessment good_assessment(const mf::Questionnaire& q) {
    mf::ImportOutcome in = mf::import_result_file(kTestData + "/results/good/result.json", q);
    EXPECT_TRUE(in.result.has_value());
    return in.result ? in.result->assessment : mf::Assessment{};
}

// Result files: the bad fixtures (import and the municipality's check), a sweep of the good file, the
// export's refusals, and the files around them (bundles, sessions, the workshop list).
void add_results(Corpus& c) {
    const mf::Questionnaire& q = shipped();
    for (const std::string& path : json_files(kTestData + "/results/bad")) {
        c.add(mf::import_result_file(path, q).diagnostics);
        c.add(mf::check_result_file(path, q).diagnostics);
    }
    const json good = parse_file(kTestData + "/results/good/result.json");
    auto import = [&](const json& doc) {
        const std::string text = doc.dump(2);
        c.add(mf::import_result(text, "r.json", q).diagnostics);
        c.add(mf::check_result(text, "r.json", q).diagnostics);
    };
    sweep(good, {nullptr, -1, 200, "", "x", json::array({1}), json::object()}, import);
    for (const auto& [pointer, value] : std::vector<std::pair<std::string, json>>{
             {"/format", "mangfoldighedstjek/questionnaire"},
             {"/formatVersion", 2},
             {"/language", "fr"},
             {"/questionnaire/contentHash", "sha256:0"},
             {"/updated", "2020-01-01T00:00:00Z"},
             {"/answers/nope", "x"},
             {"/organisation/cvr", "1"},
             {"/organisation/colour", "blue"},
             {"/scores/overall", 1}}) {
        json doc = good;
        set_at(doc, pointer, value);
        doc["checksum"] = mf::result_checksum(doc);
        import(doc);
    }
    for (const char* cvr : {"", "1234", "1234567x", "01234567", "13748137"}) {
        json doc = good;
        set_at(doc, "/answers/" + q.profile_field("cvr")->id, cvr);
        doc["checksum"] = mf::result_checksum(doc);
        import(doc);
    }
    // Answers that do not fit, and a plan with two focus areas the same or unknown, under a fresh checksum.
    json doc = good;
    for (const mf::Question& question : q.profile) {
        if (question.role == "employees") doc["answers"][question.id] = 2.5;
        if (question.role == "cvr") doc["answers"][question.id] = "1234";
    }
    for (const mf::Theme& t : q.themes)
        for (const mf::Question& question : t.questions) {
            if (question.type == mf::QuestionType::Single) doc["answers"][question.id] = 3;
            if (question.type == mf::QuestionType::YesNo) doc["answers"][question.id] = "perhaps";
            if (question.type == mf::QuestionType::Multiple) {
                const std::string first = question.options.front().id;
                doc["answers"][question.id] = json::array({first, first});
            }
            if (question.type == mf::QuestionType::Text) doc["answers"][question.id] = 1;
        }
    doc["actionPlan"] = json::array({{{"focus", "nope"}, {"goal", "g"}, {"responsible", "r"}, {"followUp", "2027-01-01"}},
                                     {{"focus", q.themes[0].id}, {"goal", "g"}, {"responsible", "r"}, {"followUp", "2027-01-01"}},
                                     {{"focus", q.themes[0].id}, {"goal", "g"}, {"responsible", "r"}, {"followUp", "2027-01-01"}}});
    doc["checksum"] = mf::result_checksum(doc);
    import(doc);
    for (const mf::Question& question : q.profile)
        if (question.type == mf::QuestionType::Number) {
            json d = good;
            for (double x : {-5.0, 1e12}) {
                d["answers"][question.id] = x;
                d["checksum"] = mf::result_checksum(d);
                import(d);
            }
            for (const json& wrong : {json("many"), json::array({"a"})}) {
                d["answers"][question.id] = wrong;
                d["checksum"] = mf::result_checksum(d);
                import(d);
            }
        }
    for (const mf::Theme& t : q.themes)
        for (const mf::Question& question : t.questions)
            if (question.type == mf::QuestionType::Multiple) {
                json d = good;
                json all = json::array();
                for (const mf::Option& o : question.options) all.push_back(o.id);
                d["answers"][question.id] = all; // an exclusive option among others
                d["checksum"] = mf::result_checksum(d);
                import(d);
                d["answers"][question.id] = json::array({"no_such_option"});
                d["checksum"] = mf::result_checksum(d);
                import(d);
                d["answers"][question.id] = "one";
                d["checksum"] = mf::result_checksum(d);
                import(d);
            }
    // Scores of another questionnaire version (the municipality cannot compare them).
    doc = good;
    doc["questionnaire"]["version"] = "0.1";
    doc["scores"]["principles"]["old_principle"] = 50;
    doc["scores"]["themes"].erase(doc["scores"]["themes"].begin());
    doc["checksum"] = mf::result_checksum(doc);
    import(doc);

    // The export's refusals, in Danish and English.
    const mf::Assessment base = good_assessment(q);
    for (const char* lang : {"da", "en", "fr"}) {
        mf::Assessment a = base;
        a.language = lang;
        a.created = "yesterday";
        a.updated = "today";
        c.add(mf::export_result(q, a).diagnostics);
        a = base;
        a.language = lang;
        a.updated = "2000-01-01T00:00:00Z";
        a.answers.clear();
        a.action_plan.areas = {{"", "", "", ""}, {"nope", "g", "r", "2027-02-30"}, {"nope", "g", "r", "2027-01-01"}, {"x", "g", "r", "2027-01-01"}};
        c.add(mf::export_result(q, a).diagnostics);
        for (const char* cvr : {"1234", "1234567x", "01234567", "13748137"}) {
            a = base;
            a.language = lang;
            a.answers[q.profile_field("cvr")->id] = cvr;
            c.add(mf::export_result(q, a).diagnostics);
        }
        a = base;
        a.language = lang;
        for (const mf::Question& question : q.profile)
            if (question.type == mf::QuestionType::Number) {
                for (double x : {-5.0, 2.5, 1e12}) {
                    a.answers[question.id] = x;
                    c.add(mf::export_result(q, a).diagnostics);
                }
                a.answers[question.id] = std::string("many");
                c.add(mf::export_result(q, a).diagnostics);
                a.answers[question.id] = std::nan(""); // only code can make one
                c.add(mf::export_result(q, a).diagnostics);
            }
        a = base;
        a.language = lang;
        for (const mf::Theme& t : q.themes)
            for (const mf::Question& question : t.questions) {
                mf::Assessment b = a;
                if (question.type == mf::QuestionType::YesNo) b.answers[question.id] = std::string("perhaps");
                if (question.type == mf::QuestionType::Single) b.answers[question.id] = std::string("nope");
                if (question.type == mf::QuestionType::Multiple) {
                    std::vector<std::string> all;
                    for (const mf::Option& o : question.options) all.push_back(o.id);
                    b.answers[question.id] = all;
                    c.add(mf::export_result(q, b).diagnostics);
                    b.answers[question.id] = std::vector<std::string>{all[0], all[0]};
                }
                c.add(mf::export_result(q, b).diagnostics);
            }
    }

    // A follow-up with four items (one too many), a bad earlier time and checksum, a long note: the
    // export's refusals and, as a file, the importer's.
    {
        const mf::FocusArea area{q.themes[0].id, "g", "r", "2027-01-01"};
        mf::FollowUp follow_up{"yesterday", "sha256:0", {}};
        for (int i = 0; i < 4; ++i) follow_up.items.push_back(mf::FollowUpItem{area, mf::FollowUpStatus::Reached, {}, {}});
        follow_up.items[0].note = std::string(mf::kMaxFollowUpNoteChars + 1, 'x');
        mf::Assessment a = base;
        a.follow_up = follow_up;
        c.add(mf::export_result(q, a).diagnostics);
        json with_follow_up = good;
        follow_up.earlier_created = "2026-05-16T15:52:58Z";
        follow_up.earlier_checksum = good["checksum"];
        with_follow_up["planFollowUp"] = follow_up;
        with_follow_up["checksum"] = mf::result_checksum(with_follow_up);
        import(with_follow_up);
    }

    // The action plan (indicators too) and profile fields while editing.
    mf::ActionPlan plan;
    plan.areas = {{q.themes[0].id, "g", "r", "2020-01-01"}, {q.themes[0].id, "g", "r", "2027-01-01"}};
    c.add(mf::check_action_plan(plan, q, "2026-11-25", "da"));
    plan.areas = {{q.themes[0].id, "g", "r", "2027-01-01", mf::Indicator{"m", "", 1.0, 2.0}},
                  {q.themes[1].id, "g", "r", "2027-01-01", mf::Indicator{"m", "kg", 1.0, 2.0}},
                  {q.themes[2].id, "g", "r", "2027-01-01", mf::Indicator{"m", "number", 3.0, 3.0}}};
    c.add(mf::check_action_plan(plan, q, "2026-11-25", "da"));
    for (const mf::Question& field : q.profile)
        for (const char* text : {"", "  ", "x", "1234", "1234567x", "01234567", "13748137", "-5", "2,5", "1e12", "a@b"})
            c.add(mf::check_profile_field(field, text, "da", true));
    mf::Question only_min, only_max;
    only_min.type = only_max.type = mf::QuestionType::Number;
    only_min.min = 0;
    only_max.max = 10;
    c.add(mf::check_profile_field(only_min, "-1", "da", true));
    c.add(mf::check_profile_field(only_max, "11", "da", true));

    // Bundles.
    for (const char* text : {R"({"format":"mangfoldighedstjek/bundle","formatVersion":9,"results":[]})",
                             R"({"format":"mangfoldighedstjek/bundle","formatVersion":1,"results":[7,{"file":"a"},{"result":3}]})",
                             R"({"format":"mangfoldighedstjek/bundle","formatVersion":2,"results":[{"result":{},"unfinished":"yes"}]})"}) {
        std::vector<mf::BundleMember> members;
        mf::Diagnostics d;
        mf::read_bundle(text, "b.json", members, d);
        c.add(d);
    }
    {
        const std::string bundle = mf::bundle_text({{"a.json", good.dump(2) + "\n", true}}, "2026-11-25T17:40:00Z");
        for (const mf::FileCheck& check : mf::check_results(bundle, "b.json", q)) c.add(check.diagnostics);
    }
    {
        json many = {{"format", mf::kBundleFormat}, {"formatVersion", 1}, {"results", json::array()}};
        for (std::size_t i = 0; i <= mf::kMaxBundleResults; ++i) many["results"].push_back(nullptr);
        std::vector<mf::BundleMember> members;
        mf::Diagnostics d;
        mf::read_bundle(many.dump(), "b.json", members, d);
        c.add(d);
    }

    // The app's saved state.
    for (const char* text : {"{\"format\":\"x\"}", "{\"format\":\"mangfoldighedstjek/session\",\"assessment\":{}}",
                             "{\"format\":\"mangfoldighedstjek/session\",\"theme\":\"x\"}"}) {
        mf::Session s;
        mf::Diagnostics d;
        mf::read_session(text, q, s, d);
        c.add(d);
    }
    {
        mf::Session s;
        mf::Diagnostics d;
        json session = json::parse(mf::session_text(s));
        session["earlier"] = {{"scores", {{"overall", 120}, {"level", nullptr}, {"coverage", nullptr}, {"principles", json::object()}, {"themes", json::object()}}}};
        mf::read_session(session.dump(), q, s, d);
        c.add(d);
    }
    for (const std::string& text :
         {std::string(R"({"format":"x"})"), std::string(R"({"format":"mangfoldighedstjek/workshop","formatVersion":2})"),
          std::string(R"({"format":"mangfoldighedstjek/workshop","formatVersion":1,"entries":[{"id":"b"},{"id":"a1"},{"id":"a1"},)"
                      R"({"id":"a2","name":"x\ny"},{"id":"a3","created":"x"},{"id":"a4","updated":"x"},{"id":7}]})")}) {
        mf::Workshop w;
        mf::Diagnostics d;
        mf::read_workshop(text, w, d);
        c.add(d);
    }
    {
        json list = {{"format", "mangfoldighedstjek/workshop"}, {"formatVersion", 1}, {"entries", json::array()}};
        for (std::size_t i = 1; i <= mf::kMaxAssessments + 1; ++i) list["entries"].push_back({{"id", "a" + std::to_string(i)}});
        mf::Workshop w;
        mf::Diagnostics d;
        mf::read_workshop(list.dump(), w, d);
        c.add(d);
    }
    mf_test::MemoryStore store;
    store.failing.insert(mf::assessment_key("a1"));
    store.data[mf::assessment_key("a2")] = std::string(mf::kMaxEntryBytes + 1, ' ');
    for (const char* id : {"a1", "a2"}) {
        mf::Session s;
        mf::Diagnostics d;
        mf::read_entry(store, q, id, s, d);
        c.add(d);
    }
}

// Typed reading of JSON built in code (numbers a file cannot hold) and the gate's own limits.
void add_json(Corpus& c) {
    mf::Diagnostics d;
    mf::JsonReader reader{"x.json", &d};
    mf::ScoreSummary scores;
    mf::read_score_summary({{"overall", std::nan("")}, {"level", 1}, {"coverage", "x"}, {"principles", {{"p", "x"}}}, {"themes", {{"t", 1}}}},
                           "/scores", reader, scores);
    c.add(d);
    for (const std::string& text : {std::string("[[[1]]]"), std::string("{\"a\": 1}   x")}) {
        mf::Diagnostics g;
        mf::parse_json_document(text, "x.json", g, mf::JsonLimits{1000, 2});
        c.add(g);
    }
}

// Benchmarks (benchmark_compare.h): one change of a small valid file per benchmark.* code.
void add_benchmarks(Corpus& c) {
    const json part = {{"kind", "overall"}, {"id", "overall"}, {"n", 10}, {"q1", 20}, {"median", 30}, {"q3", 40}, {"levels", {{"a", 10}}}};
    const json good = {{"format", "mangfoldighedstjek/benchmark"}, {"formatVersion", 1},
                       {"questionnaire", {{"id", "aktoersporet"}, {"version", "1"}, {"contentHash", "sha256:0"}}}, {"created", "2026-11-26"},
                       {"minGroup", 5}, {"levels", json::array()},
                       {"years", {{{"year", 2026}, {"groups", {{{"dimension", "all"}, {"group", "all"}, {"organisations", 10}, {"parts", {part}}}}}}}}};
    const std::vector<std::pair<std::string, json>> changes = {
        {"/format", "x"}, {"/formatVersion", 9}, {"/questionnaire/id", "other"}, {"/minGroup", 1}, {"/years/0/year", 10},
        {"/years/0/groups/0/dimension", "x"}, {"/years/0/groups/0/parts/0/kind", "x"}, {"/years/0/groups/0/organisations", -1},
        {"/years/0/groups/0/parts/0/q3", 200}, {"/years/0/groups/0/parts/0/n", 2}, {"/years/0/groups/0/parts/0/q1", 35}};
    for (const auto& [pointer, value] : changes) {
        json doc = good;
        set_at(doc, pointer, value);
        mf::Diagnostics d;
        mf::read_benchmark(doc.dump(), "benchmark.json", "aktoersporet", d);
        c.add(d);
    }
}

const Corpus& corpus() {
    static const Corpus c = [] {
        Corpus built;
        add_questionnaires(built);
        add_results(built);
        add_json(built);
        add_benchmarks(built);
        return built;
    }();
    return c;
}

} // namespace

TEST(DiagnosticCodes, RegistryCodesAreUniqueAndWellFormed) {
    std::set<std::string> seen;
    auto token = [](const std::string& t) {
        if (t.empty() || t[0] < 'a' || t[0] > 'z') return false;
        for (char ch : t)
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
        return true;
    };
    for (const mf::DiagnosticCodeInfo& info : mf::diagnostic_codes()) {
        EXPECT_TRUE(seen.insert(info.code).second) << "registered twice: " << info.code;
        std::size_t parts = 0, start = 0;
        for (std::size_t dot = 0; dot != std::string::npos; start = dot + 1, ++parts) {
            dot = info.code.find('.', start);
            EXPECT_TRUE(token(info.code.substr(start, dot == std::string::npos ? std::string::npos : dot - start))) << info.code;
        }
        EXPECT_GE(parts, 2u) << info.code << " has no family";
        EXPECT_FALSE(info.description.empty()) << info.code;
        std::set<std::string> names(info.params.begin(), info.params.end());
        EXPECT_EQ(names.size(), info.params.size()) << info.code << " names a parameter twice";
        for (const std::string& name : info.params) EXPECT_TRUE(token(name)) << info.code << ": " << name;
        EXPECT_EQ(mf::find_diagnostic_code(info.code), &info);
    }
    EXPECT_GT(seen.size(), 150u);
    EXPECT_EQ(mf::find_diagnostic_code("json.no_such_code"), nullptr);
    // The examples the app's text table was planned with.
    for (const char* code : {"json.syntax", "json.too_large", "result.checksum.mismatch", "result.answer.not_an_option",
                             "questionnaire.option.duplicate_id"})
        EXPECT_NE(mf::find_diagnostic_code(code), nullptr) << code;
    for (const auto& entry : kNotReachedHere) EXPECT_NE(mf::find_diagnostic_code(entry.first), nullptr) << entry.first;
}

TEST(DiagnosticCodes, TheCheckFailsOnAMissingUnknownOrMisnamedCode) {
    const mf::DiagnosticParams syntax = {{"line", "1"}, {"column", "2"}, {"detail", "d"}};
    EXPECT_EQ(code_problem("json.syntax", syntax), "");
    EXPECT_EQ(code_problem("", {}), "no code");
    EXPECT_EQ(code_problem("json.nonsense", {}), "code \"json.nonsense\" is not in the registry");
    EXPECT_EQ(code_problem("json.syntax", {{"line", "1"}, {"column", "2"}}),
              "code \"json.syntax\" has parameters {line, column}; the registry says {line, column, detail}");
    EXPECT_NE(code_problem("json.syntax", {{"column", "2"}, {"line", "1"}, {"detail", "d"}}), ""); // order matters
    EXPECT_NE(code_problem("json.syntax", {{"line", "1"}, {"column", "2"}, {"detail", "d"}, {"byte", "0"}}), "");
    EXPECT_NE(code_problem("json.empty", {{"line", "1"}}), "");
    // A diagnostic made without a code (as code outside core still may) is caught.
    const mf::Diagnostic uncoded{mf::Diagnostic::Severity::Error, "x.json", "", "the file is empty"};
    EXPECT_EQ(code_problem(uncoded.code, uncoded.params), "no code");
    EXPECT_FALSE(mf::fits_registry(uncoded.code, uncoded.params));
    EXPECT_TRUE(mf::fits_registry("json.syntax", syntax));
    EXPECT_FALSE(mf::fits_registry("json.syntax", {{"line", "1"}, {"column", "2"}}));
    EXPECT_TRUE(mf::fits_registry("json.empty", {}));
}

// fits_registry checks against a copy of the registry built without descriptions (so the app does
// not carry them): it must hold exactly the codes and parameters of diagnostic_codes().
TEST(DiagnosticCodes, TheCheckingRegistryIsTheDescribedOneWithoutDescriptions) {
    ASSERT_GT(mf::diagnostic_codes().size(), 150u);
    for (const mf::DiagnosticCodeInfo& info : mf::diagnostic_codes()) {
        mf::DiagnosticParams params;
        for (const std::string& name : info.params) params.push_back({name, "x"});
        EXPECT_TRUE(mf::fits_registry(info.code, params)) << info.code;
        mf::DiagnosticParams one_more = params;
        one_more.push_back({"extra", "x"});
        EXPECT_FALSE(mf::fits_registry(info.code, one_more)) << info.code;
        if (!params.empty()) {
            params.pop_back();
            EXPECT_FALSE(mf::fits_registry(info.code, params)) << info.code;
        }
        EXPECT_FALSE(mf::fits_registry(info.code + ".x", {})) << info.code;
    }
}

TEST(DiagnosticCodes, ParametersAreReadByName) {
    mf::Diagnostics d;
    mf::parse_json_document("{\"a\": 1,\n \"b\" 2}", "x.json", d);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].message, "invalid JSON at line 2, column 6: syntax error while parsing object separator - unexpected number literal; "
                            "expected ':'");
    EXPECT_EQ(d[0].code, "json.syntax");
    EXPECT_EQ(d[0].param("line"), "2");
    EXPECT_EQ(d[0].param("column"), "6");
    EXPECT_EQ(d[0].param("detail"), "syntax error while parsing object separator - unexpected number literal; expected ':'");
    ASSERT_NE(d[0].find_param("line"), nullptr);
    EXPECT_EQ(d[0].find_param("byte"), nullptr);
    EXPECT_EQ(d[0].param("byte"), "");
}

TEST(DiagnosticCodes, DocsListExactlyTheRegistry) {
    // docs/diagnostics.md, under "## The codes": one table row per code,
    // "| `code` | param, param | description |" ("—" for none).
    std::ifstream in(MF_SOURCE_DIR "/docs/diagnostics.md");
    ASSERT_TRUE(in) << "docs/diagnostics.md is missing";
    std::vector<std::string> rows, want;
    std::string line;
    bool in_codes = false;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) in_codes = line == "## The codes";
        if (in_codes && line.rfind("| `", 0) == 0) rows.push_back(line);
    }
    for (const mf::DiagnosticCodeInfo& info : mf::diagnostic_codes()) {
        std::string params;
        for (const std::string& p : info.params) params += (params.empty() ? "" : ", ") + p;
        want.push_back("| `" + info.code + "` | " + (params.empty() ? "—" : params) + " | " + info.description + " |");
    }
    std::string missing;
    for (const std::string& w : want)
        if (std::find(rows.begin(), rows.end(), w) == rows.end()) missing += "  " + w + "\n";
    std::string extra;
    for (const std::string& r : rows)
        if (std::find(want.begin(), want.end(), r) == want.end()) extra += "  " + r + "\n";
    EXPECT_EQ(missing, "") << "rows docs/diagnostics.md lacks (or words otherwise)";
    EXPECT_EQ(extra, "") << "rows in docs/diagnostics.md that are not in the registry";
    EXPECT_EQ(rows.size(), want.size());
}

TEST(DiagnosticCodes, EveryBadQuestionnaireFixtureGivesRegisteredCodes) {
    const std::vector<std::string> files = json_files(kTestData + "/questionnaires/bad");
    EXPECT_GE(files.size(), 30u);
    for (const std::string& path : files) {
        const mf::LoadedQuestionnaire r = mf::load_questionnaire_file(path);
        EXPECT_FALSE(r.diagnostics.empty()) << path;
        mf_test::expect_coded(r.diagnostics);
    }
}

TEST(DiagnosticCodes, EveryBadResultFixtureGivesRegisteredCodes) {
    const std::vector<std::string> files = json_files(kTestData + "/results/bad");
    EXPECT_GE(files.size(), 20u);
    for (const std::string& path : files) {
        const mf::ImportOutcome imported = mf::import_result_file(path, shipped());
        EXPECT_FALSE(imported.diagnostics.empty()) << path;
        mf_test::expect_coded(imported.diagnostics);
        // The municipality's check adds its own reasons and turns some warnings into errors.
        for (const mf::FileCheck& check : mf::check_results(slurp(path), path, shipped())) mf_test::expect_coded(check.diagnostics);
    }
}

TEST(DiagnosticCodes, TheFixturesNameTheProblemsTheirNamesSay) {
    // A few fixtures whose one problem is plain from the name: the code says the same as the message.
    const std::map<std::string, std::string> questionnaires = {
        {"bom", "json.byte_order_mark"},  {"duplicate_key", "json.duplicate_key"},   {"empty", "json.empty"},
        {"invalid_utf8", "json.invalid_utf8"}, {"too_deep", "json.too_deep"},     {"malformed", "json.syntax"},
        {"duplicate_option_id", "questionnaire.option.duplicate_id"}, {"unknown_version", "questionnaire.format_version.unknown"},
        {"condition_self", "questionnaire.condition.refers_to_itself"}, {"missing_translation", "questionnaire.text.missing_translation"}};
    for (const auto& [name, code] : questionnaires) {
        const mf::LoadedQuestionnaire r = mf::load_questionnaire_file(kTestData + "/questionnaires/bad/" + name + ".json");
        ASSERT_FALSE(r.diagnostics.empty()) << name;
        EXPECT_EQ(r.diagnostics[0].code, code) << r.diagnostics[0].to_string();
    }
    const std::map<std::string, std::string> results = {
        {"truncated", "json.truncated"}, {"not_json", "json.syntax"}, {"huge_number", "json.number_too_large"},
        {"tampered_checksum", "result.checksum.mismatch"}, {"no_checksum", "result.checksum.missing"},
        {"questionnaire_file", "result.format.questionnaire_file"}, {"unknown_option", "result.answer.not_yes_no"},
        {"unknown_question", "result.answer.unknown_question"}, {"bad_cvr", "result.cvr.bad_checksum"},
        {"too_many_focus_areas", "result.action_plan.too_many"}, {"updated_before_created", "result.timestamp.updated_before_created"},
        {"hidden_answer", "result.answer.hidden"}, {"hidden_by_unfitting_answer", "result.answer.hidden"},
        {"score_whole_number_as_float", "scores.whole_number_as_float"}};
    for (const auto& [name, code] : results) {
        const mf::ImportOutcome r = mf::import_result_file(kTestData + "/results/bad/" + name + ".json", shipped());
        std::vector<std::string> codes;
        for (const mf::Diagnostic& d : r.diagnostics) codes.push_back(d.code);
        EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << name << " should give " << code;
    }
    const mf::ImportOutcome tampered = mf::import_result_file(kTestData + "/results/bad/tampered_checksum.json", shipped());
    ASSERT_FALSE(tampered.diagnostics.empty());
    const mf::Diagnostic& mismatch = tampered.diagnostics[0];
    EXPECT_EQ(mismatch.code, "result.checksum.mismatch");
    EXPECT_EQ(mismatch.param("found").substr(0, 7), "sha256:");
    EXPECT_EQ(mismatch.param("computed").size(), 71u);
    EXPECT_NE(mismatch.message.find(mismatch.param("computed")), std::string::npos);
}

// One test for both questions about the corpus: ctest runs each native test in a process of its
// own, and building the corpus is most of the time (30 s under the sanitizers).
TEST(DiagnosticCodes, TheCorpusIsRegisteredAndReachesEveryCodeButTheListedOnes) {
    const Corpus& c = corpus();
    EXPECT_GT(c.items.size(), 1000u);
    std::size_t failures = 0;
    for (const Corpus::Item& item : c.items) {
        const std::string problem = code_problem(item.code, item.params);
        if (!problem.empty() && ++failures <= 20) ADD_FAILURE() << problem << "\n  in: " << item.where;
    }
    EXPECT_EQ(failures, 0u) << "diagnostics of the corpus that do not fit the registry";

    const std::set<std::string> reached = c.codes();
    std::string unreached, listed_but_reached;
    for (const mf::DiagnosticCodeInfo& info : mf::diagnostic_codes()) {
        const bool listed = kNotReachedHere.count(info.code) > 0;
        if (!reached.count(info.code) && !listed) unreached += "  " + info.code + "\n";
        if (reached.count(info.code) && listed) listed_but_reached += "  " + info.code + "\n";
    }
    EXPECT_EQ(unreached, "") << "registered codes that no input of the corpus produces";
    EXPECT_EQ(listed_but_reached, "") << "codes in kNotReachedHere that the corpus does reach";
}
