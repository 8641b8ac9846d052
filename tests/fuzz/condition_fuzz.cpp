// condition_fuzz.cpp - any condition JSON through the loader's condition checks, then evaluated against
// any answers. The input is one JSON document: {"if": <condition>, "answers": {"<id>": <value>, ...}}.
//
// Index
//   - base()          tests/data/questionnaires/good/full.json (every question type), read once
//   - to_answers      the fuzzed answers as Answers (strings, numbers, arrays of strings; rest skipped)
//   - the target      the condition becomes the visibleIf of a new last question "fz"; then
//
// Invariants checked (std::abort on a breach, so libFuzzer keeps the input):
//   - never a crash, an exception or a sanitizer report, whatever the bytes;
//   - rejected: at least one error, every error names the file and points into the condition
//     (/themes/1/questions/3/visibleIf...), since the rest of the questionnaire is valid;
//   - accepted: no error at all; evaluation is deterministic (twice the same); "not" negates, "all"
//     and "any" of the condition with itself are the condition; visible_answers keeps a subset of
//     the answers, only known ids, and is idempotent; "fz" is visible exactly when its condition
//     holds on the answers before it, and its answer counts exactly then.
#include "core/condition.h"
#include "core/json_input.h"
#include "core/questionnaire_load.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using nlohmann::json;

const char* const kFile = "fuzz.json";
const char* const kPointer = "/themes/1/questions/3/visibleIf"; // where "fz" lands in full.json

const json& base() {
    static const json doc = [] {
        std::string path = __FILE__;
        path = path.substr(0, path.rfind("/tests/fuzz/")) + "/tests/data/questionnaires/good/full.json";
        mf::Diagnostics d;
        std::string bytes;
        if (!mf::read_file_bytes(path, bytes, d)) std::abort();
        std::optional<json> parsed = mf::parse_json_document(bytes, path, d);
        if (!parsed || (*parsed)["themes"][1]["questions"].size() != 3) std::abort();
        return *parsed;
    }();
    return doc;
}

mf::Answers to_answers(const json& j) {
    mf::Answers out;
    if (!j.is_object()) return out;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const json& v = it.value();
        if (v.is_string()) out[it.key()] = v.get<std::string>();
        else if (v.is_number()) out[it.key()] = v.get<double>();
        else if (v.is_array()) {
            std::vector<std::string> ids;
            for (const json& x : v)
                if (x.is_string()) ids.push_back(x.get<std::string>());
            out[it.key()] = ids;
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mf::Diagnostics gate;
    std::optional<json> input = mf::parse_json_document(std::string_view(reinterpret_cast<const char*>(data), size), kFile, gate);
    if (!input || !input->is_object() || !input->contains("if")) return 0;

    json doc = base();
    doc["themes"][1]["questions"].push_back({{"id", "fz"},
                                             {"type", "yesno"},
                                             {"text", {{"da", "Fuzz"}, {"en", "Fuzz"}}},
                                             {"weights", {{"forskellighed", 1}}},
                                             {"visibleIf", (*input)["if"]}});
    mf::LoadedQuestionnaire r = mf::load_questionnaire_json(doc, kFile);
    if (!r.questionnaire) {
        if (!mf::has_errors(r.diagnostics)) std::abort();
        for (const mf::Diagnostic& d : r.diagnostics) {
            if (d.file != kFile || d.message.empty()) std::abort();
            if (d.severity == mf::Diagnostic::Severity::Error && d.pointer.rfind(kPointer, 0) != 0) std::abort();
        }
        return 0;
    }
    if (mf::has_errors(r.diagnostics)) std::abort();

    const mf::Questionnaire& q = *r.questionnaire;
    const mf::Question* fz = q.question("fz");
    if (!fz || !fz->visible_if) std::abort();
    const mf::Condition& c = *fz->visible_if;

    const mf::Answers answers = to_answers(input->value("answers", json::object()));
    const mf::Answers visible = mf::visible_answers(q, answers);
    if (mf::visible_answers(q, answers) != visible) std::abort();           // deterministic
    if (mf::visible_answers(q, visible) != visible) std::abort();           // idempotent
    for (const auto& [id, value] : visible) {
        auto it = answers.find(id);
        if (it == answers.end() || it->second != value || !q.question(id)) std::abort(); // a subset, known ids
    }

    // The answers that count for fz: the visible ones, without fz itself (it cannot see itself).
    mf::Answers before = visible;
    before.erase("fz");
    const bool holds = mf::evaluate_condition(c, before);
    if (mf::evaluate_condition(c, before) != holds) std::abort();
    if (mf::is_visible(*fz, before) != holds) std::abort();
    if (visible.count("fz") != (holds && answers.count("fz") ? 1u : 0u)) std::abort();

    mf::Condition negated;
    negated.kind = mf::Condition::Kind::Not;
    negated.children = {c};
    if (mf::evaluate_condition(negated, before) == holds) std::abort();
    mf::Condition both;
    both.kind = mf::Condition::Kind::All;
    both.children = {c, c};
    if (mf::evaluate_condition(both, before) != holds) std::abort();
    both.kind = mf::Condition::Kind::Any;
    if (mf::evaluate_condition(both, before) != holds) std::abort();
    return 0;
}
