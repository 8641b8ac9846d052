// questionnaire_load.cpp - JSON -> Questionnaire with every problem reported (questionnaire_load.h).
//
// Index
//   1. Loader: diagnostics, pointers and typed field readers (string, id, number, bool, text)
//   2. Conditions: shape, the referenced question (earlier only), op and value for its type
//   3. Questions: common fields, the five types, weights, recommendations
//   4. The document: format gate, languages, principles, levels, profile (roles), themes (with their
//      suggested indicators), submission, and the checks across the whole file (every principle gets weight)
//   5. Public functions
//
// The loader walks the document once, in file order, and never stops at the first problem: each
// reader reports what is wrong at its own pointer and returns false, and the caller carries on.
// Questions are indexed before the walk so that a condition naming a later question gets "defined
// later" rather than "unknown"; conditions may only look back, which also rules out cycles.
#include "core/questionnaire_load.h"

#include "core/action_plan.h"
#include "core/json_fast.h"
#include "core/json_input.h"
#include "core/sha256.h"

#include <cmath>
#include <initializer_list>
#include <set>

namespace mf {
namespace {

using nlohmann::json;

constexpr double kMaxScore = 1e6;   // scores, points, maxPoints, weights
constexpr double kMaxNumber = 1e15; // number questions' min/max and condition values (exact in a double)
constexpr int kMaxConditionDepth = 32;

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// `params` followed by the "got" parameters of `value` (got_params).
DiagnosticParams with_got(ParamList params, const json& value) { return make_params(params, got_params(value)); }

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i];
    }
    return out;
}

// Numbers in messages the way a person writes them ("3", "1.5", "-2", "1000000").
std::string number_text(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) <= 1e15) return std::to_string(static_cast<long long>(v));
    return json(v).dump();
}

// ---------------------------------------------------------------------------------------------
// 1. Loader
// ---------------------------------------------------------------------------------------------

// What a condition needs to know about an earlier question.
struct QuestionRef {
    QuestionType type = QuestionType::Text;
    bool type_known = false;
    std::vector<std::string> option_ids;
};

struct Loader {
    std::string file;
    Diagnostics& out;
    std::vector<std::string> languages; // the valid codes from "languages"
    bool languages_ok = false;          // texts are only checked against a valid list
    std::set<std::string> principle_ids;
    std::set<std::string> unreadable_weights; // principles named by a weight that could not be read
    bool weights_missing = false;             // a scored question without readable weights
    std::map<std::string, std::string> all_questions;     // id -> pointer of its first definition
    std::map<std::string, std::string> first_question_id; // id -> pointer of the first "id" field seen so far
    std::map<std::string, QuestionRef> earlier;           // questions already walked (first definition)

    std::string_view known_content_hash; // set: the caller's hash of this document, not computed again

    Loader(std::string file_name, Diagnostics& diagnostics) : file(std::move(file_name)), out(diagnostics) {}

    // A problem at `ptr` with its code and parameters (docs/diagnostics.md) and the English message.
    void add(Diagnostic::Severity severity, const std::string& ptr, std::string_view code, DiagnosticParams params,
             std::string message) {
        out.push_back(Diagnostic{severity, file, ptr, std::move(message), std::string(code), std::move(params)});
    }
    void error(const std::string& ptr, std::string_view code, DiagnosticParams params, std::string message) {
        add(Diagnostic::Severity::Error, ptr, code, std::move(params), std::move(message));
    }
    void error(const std::string& ptr, std::string_view code, ParamList params, std::string message) {
        add(Diagnostic::Severity::Error, ptr, code, make_params(params), std::move(message));
    }
    void warning(const std::string& ptr, std::string_view code, ParamList params, std::string message) {
        add(Diagnostic::Severity::Warning, ptr, code, make_params(params), std::move(message));
    }
    static std::string at(const std::string& ptr, const std::string& key) { return ptr + "/" + json_pointer_token(key); }
    static std::string at(const std::string& ptr, std::size_t index) { return ptr + "/" + std::to_string(index); }

    bool expect_object(const json& v, const std::string& ptr) {
        if (v.is_object()) return true;
        error(ptr, "json.expected_object", got_params(v), "expected an object, got " + describe_json(v));
        return false;
    }

    // Warns about every key not in `known`. `other_type` lists keys that belong to other question
    // types, so the message can say why they are ignored.
    void warn_unknown(const json& obj, const std::string& ptr, std::initializer_list<const char*> known,
                      const std::set<std::string>& other_type = {}, const char* type = nullptr) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool found = false;
            for (const char* k : known)
                if (it.key() == k) found = true;
            if (found) continue;
            if (type && other_type.count(it.key()))
                warning(at(ptr, it.key()), "questionnaire.field.not_for_type", {{"field", it.key()}, {"type", type}},
                        "field " + in_quotes(it.key()) + " is not used by a " + type + " question (ignored)");
            else
                warning(at(ptr, it.key()), "questionnaire.field.unknown", {{"field", it.key()}},
                        "unknown field " + in_quotes(it.key()) + " (ignored)");
        }
    }

    // The member `key` of object `obj`, or nullptr (with an error when required).
    const json* field(const json& obj, const std::string& ptr, const char* key, bool required) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(ptr, "questionnaire.field.missing", {{"field", key}}, "missing field " + in_quotes(key));
            return nullptr;
        }
        return &*it;
    }

    bool read_string(const json& obj, const std::string& ptr, const char* key, std::string& value, bool required) {
        const json* v = field(obj, ptr, key, required);
        if (!v) return false;
        if (!v->is_string()) {
            error(at(ptr, key), "json.expected_string", got_params(*v), "expected a string, got " + describe_json(*v));
            return false;
        }
        value = v->get<std::string>();
        if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
            error(at(ptr, key), "questionnaire.field.empty", {{"field", key}}, "must not be empty");
            return false;
        }
        return true;
    }

    bool read_id(const json& obj, const std::string& ptr, std::string& value) {
        if (!read_string(obj, ptr, "id", value, true)) return false;
        if (!is_valid_id(value)) {
            error(at(ptr, "id"), "questionnaire.id.invalid", {{"id", value}},
                  "invalid id " + in_quotes(value) +
                      ": use lowercase letters a-z, digits and _, starting with a letter (at most 64 characters)");
            return false;
        }
        return true;
    }

    // A number in [lo, hi]; the message names the range the way a person would say it.
    bool read_number(const json& obj, const std::string& ptr, const char* key, double& value, bool required, double lo,
                     double hi) {
        const json* v = field(obj, ptr, key, required);
        if (!v) return false;
        return check_number(*v, at(ptr, key), value, lo, hi);
    }

    bool check_number(const json& v, const std::string& ptr, double& value, double lo, double hi) {
        if (!v.is_number()) {
            error(ptr, "json.expected_number", got_params(v), "expected a number, got " + describe_json(v));
            return false;
        }
        double d = v.get<double>();
        if (!std::isfinite(d)) {
            error(ptr, "json.not_finite", {}, "expected a finite number");
            return false;
        }
        if (d < lo || d > hi) {
            if (lo == 0 && d < 0)
                error(ptr, "questionnaire.number.negative", {{"got", describe_json(v)}}, "must be 0 or more, got " + describe_json(v));
            else
                error(ptr, "questionnaire.number.out_of_range", {{"min", number_text(lo)}, {"max", number_text(hi)}, {"got", describe_json(v)}},
                      "must be between " + number_text(lo) + " and " + number_text(hi) + ", got " + describe_json(v));
            return false;
        }
        value = d;
        return true;
    }

    bool read_bool(const json& obj, const std::string& ptr, const char* key, bool& value) {
        const json* v = field(obj, ptr, key, false);
        if (!v) return false;
        if (!v->is_boolean()) {
            error(at(ptr, key), "json.expected_boolean", got_params(*v), "expected true or false, got " + describe_json(*v));
            return false;
        }
        value = v->get<bool>();
        return true;
    }

    const json* read_array(const json& obj, const std::string& ptr, const char* key, bool required) {
        const json* v = field(obj, ptr, key, required);
        if (!v) return nullptr;
        if (!v->is_array()) {
            error(at(ptr, key), "json.expected_array", got_params(*v), "expected an array, got " + describe_json(*v));
            return nullptr;
        }
        return v;
    }

    // A text: one non-empty string per listed language.
    bool read_text(const json& obj, const std::string& ptr, const char* key, LocalText& text, bool required) {
        const json* v = field(obj, ptr, key, required);
        if (!v) return false;
        // Its pointer only for a message: a text is read for every question, option and theme.
        const auto p = [&] { return at(ptr, key); };
        if (!v->is_object()) {
            std::string example;
            for (const std::string& l : languages) example += (example.empty() ? "" : ", ") + in_quotes(l) + ": \"...\"";
            if (example.empty()) example = "\"da\": \"...\"";
            error(p(), "questionnaire.text.not_a_text", with_got({{"languages", join(languages)}}, *v),
                  "expected a text (an object with one string per language, {" + example + "}), got " + describe_json(*v));
            return false;
        }
        bool ok = true;
        for (auto it = v->begin(); it != v->end(); ++it) {
            bool listed = false;
            for (const std::string& l : languages)
                if (l == it.key()) listed = true;
            if (!listed) {
                if (languages_ok)
                    warning(at(p(), it.key()), "questionnaire.text.language_not_listed", {{"language", it.key()}},
                            "language " + in_quotes(it.key()) + " is not in \"languages\" (ignored)");
                continue;
            }
            if (!it->is_string()) {
                error(at(p(), it.key()), "json.expected_string", got_params(*it), "expected a string, got " + describe_json(*it));
                ok = false;
                continue;
            }
            std::string s = it->get<std::string>();
            if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
                error(at(p(), it.key()), "questionnaire.text.empty", {{"language", it.key()}}, "the " + in_quotes(it.key()) + " text is empty");
                ok = false;
                continue;
            }
            text.by_lang[it.key()] = std::move(s);
        }
        for (const std::string& l : languages)
            if (!v->contains(l)) {
                error(p(), "questionnaire.text.missing_translation", {{"language", l}}, "missing the " + in_quotes(l) + " translation");
                ok = false;
            }
        return ok;
    }

    // Reports a duplicate id; `seen` maps id -> pointer of its first "id" field.
    bool check_unique(std::map<std::string, std::string>& seen, const std::string& id, const std::string& id_ptr,
                      const char* what) {
        auto ins = seen.emplace(id, id_ptr);
        if (ins.second) return true;
        error(id_ptr, std::string("questionnaire.") + what + ".duplicate_id", {{"id", id}, {"first_at", ins.first->second}},
              std::string("duplicate ") + what + " id " + in_quotes(id) + " (first at " + ins.first->second + ")");
        return false;
    }

    // -----------------------------------------------------------------------------------------
    // 2. Conditions
    // -----------------------------------------------------------------------------------------

    // `self` is the question the condition belongs to; `self_ref` is non-null when the condition may
    // refer to that question itself (recommendations look at their own answer; visibility cannot).
    bool load_condition(const json& v, const std::string& ptr, const std::string& self, const QuestionRef* self_ref,
                        Condition& c, int depth) {
        if (!v.is_object()) {
            error(ptr, "questionnaire.condition.not_an_object", got_params(v),
                  "expected a condition (an object with \"all\", \"any\", \"not\" or \"question\"), got " + describe_json(v));
            return false;
        }
        if (depth > kMaxConditionDepth) {
            error(ptr, "questionnaire.condition.too_deep", {{"limit", std::to_string(kMaxConditionDepth)}},
                  "conditions nest deeper than " + std::to_string(kMaxConditionDepth) + " levels");
            return false;
        }
        std::vector<std::string> shapes, kinds; // quoted for the message, plain for the parameter
        for (const char* k : {"all", "any", "not", "question"})
            if (v.contains(k)) {
                shapes.push_back(in_quotes(k));
                kinds.push_back(k);
            }
        if (shapes.empty()) {
            error(ptr, "questionnaire.condition.no_kind", {},
                  "expected a condition (an object with \"all\", \"any\", \"not\" or \"question\"), got an object with none of them");
            return false;
        }
        if (shapes.size() > 1) {
            error(ptr, "questionnaire.condition.several_kinds", {{"kinds", join(kinds)}},
                  "a condition has exactly one of \"all\", \"any\", \"not\" or \"question\"; this one has " + join(shapes, " and "));
            return false;
        }
        if (v.contains("all") || v.contains("any")) {
            const char* key = v.contains("all") ? "all" : "any";
            c.kind = v.contains("all") ? Condition::Kind::All : Condition::Kind::Any;
            warn_unknown(v, ptr, {key});
            const json* list = read_array(v, ptr, key, true);
            if (!list) return false;
            if (list->empty()) {
                error(at(ptr, key), "questionnaire.condition.empty_list", {{"key", key}},
                      std::string("\"") + key + "\" needs at least one condition");
                return false;
            }
            bool ok = true;
            for (std::size_t i = 0; i < list->size(); ++i) {
                Condition child;
                if (load_condition((*list)[i], at(at(ptr, key), i), self, self_ref, child, depth + 1))
                    c.children.push_back(std::move(child));
                else
                    ok = false;
            }
            return ok;
        }
        if (v.contains("not")) {
            c.kind = Condition::Kind::Not;
            warn_unknown(v, ptr, {"not"});
            Condition child;
            if (!load_condition(v["not"], at(ptr, "not"), self, self_ref, child, depth + 1)) return false;
            c.children.push_back(std::move(child));
            return true;
        }
        return load_comparison(v, ptr, self, self_ref, c);
    }

    bool load_comparison(const json& v, const std::string& ptr, const std::string& self, const QuestionRef* self_ref,
                         Condition& c) {
        c.kind = Condition::Kind::Compare;
        warn_unknown(v, ptr, {"question", "op", "value"});
        bool ok = true;

        // The referenced question: earlier only.
        const QuestionRef* ref = nullptr;
        if (read_string(v, ptr, "question", c.question, true)) {
            std::string qp = at(ptr, "question");
            auto earlier_it = earlier.find(c.question);
            if (c.question == self && self_ref) {
                ref = self_ref;
            } else if (c.question == self) {
                error(qp, "questionnaire.condition.refers_to_itself", {{"question", c.question}},
                      "a question's condition cannot refer to the question itself; it may only refer to earlier questions");
                ok = false;
            } else if (earlier_it != earlier.end()) {
                ref = &earlier_it->second;
            } else if (all_questions.count(c.question)) {
                error(qp, "questionnaire.condition.refers_to_later", {{"question", c.question}, {"defined_at", all_questions[c.question]}},
                      "refers to " + in_quotes(c.question) + ", which is defined later (at " + all_questions[c.question] +
                          "); a condition may only refer to earlier questions");
                ok = false;
            } else {
                error(qp, "questionnaire.condition.unknown_question", {{"question", c.question}}, "unknown question " + in_quotes(c.question));
                ok = false;
            }
        } else {
            ok = false;
        }

        // The op.
        static const std::pair<const char*, Condition::Op> kOps[] = {
            {"=", Condition::Op::Equals},     {"!=", Condition::Op::NotEquals},   {">", Condition::Op::Greater},
            {">=", Condition::Op::GreaterEq}, {"<", Condition::Op::Less},          {"<=", Condition::Op::LessEq},
            {"includes", Condition::Op::Includes}, {"answered", Condition::Op::Answered}};
        std::string op;
        bool op_ok = false;
        if (read_string(v, ptr, "op", op, true)) {
            for (const auto& o : kOps)
                if (op == o.first) {
                    c.op = o.second;
                    op_ok = true;
                }
            if (!op_ok)
                error(at(ptr, "op"), "questionnaire.condition.unknown_op", {{"op", op}},
                      "unknown op " + in_quotes(op) + "; expected one of =, !=, >, >=, <, <=, includes, answered");
        }
        if (!op_ok) ok = false;

        // The value: absent for "answered", otherwise present.
        const json* value = v.contains("value") ? &v["value"] : nullptr;
        if (op_ok && c.op == Condition::Op::Answered) {
            if (value) {
                error(at(ptr, "value"), "questionnaire.condition.answered_with_value", {}, "\"answered\" takes no value");
                ok = false;
            }
        } else if (op_ok && !value) {
            error(ptr, "questionnaire.field.missing", {{"field", "value"}}, "missing field \"value\"");
            ok = false;
        }
        if (!ref || !ref->type_known || !op_ok) return ok;

        // The op and value must fit the referenced question's type.
        std::vector<std::string> allowed;
        switch (ref->type) {
        case QuestionType::Single:
        case QuestionType::YesNo: allowed = {"=", "!=", "answered"}; break;
        case QuestionType::Multiple: allowed = {"includes", "answered"}; break;
        case QuestionType::Number: allowed = {"=", "!=", ">", ">=", "<", "<=", "answered"}; break;
        case QuestionType::Text: allowed = {"answered"}; break;
        }
        bool fits = false;
        for (const std::string& a : allowed)
            if (a == op) fits = true;
        if (!fits) {
            error(at(ptr, "op"), "questionnaire.condition.op_not_for_type",
                  {{"op", op}, {"question", c.question}, {"type", question_type_name(ref->type)}, {"allowed", join(allowed)}},
                  in_quotes(op) + " cannot be used with " + in_quotes(c.question) + " (a " + question_type_name(ref->type) +
                      " question); use " + join(allowed, ", "));
            return false;
        }
        if (c.op == Condition::Op::Answered || !value) return ok;
        std::string vp = at(ptr, "value");
        if (ref->type == QuestionType::Number) {
            if (!check_number(*value, vp, c.value_number, -kMaxNumber, kMaxNumber)) return false;
            c.value_is_number = true;
            return ok;
        }
        // An option id of the referenced question.
        if (!value->is_string()) {
            error(vp, "questionnaire.condition.value_not_option_id", with_got({{"question", c.question}}, *value),
                  "expected an option id of " + in_quotes(c.question) + " (a string), got " + describe_json(*value));
            return false;
        }
        c.value_text = value->get<std::string>();
        for (const std::string& id : ref->option_ids)
            if (id == c.value_text) return ok;
        error(vp, "questionnaire.condition.value_not_an_option",
              {{"value", c.value_text}, {"question", c.question}, {"options", join(ref->option_ids)}},
              in_quotes(c.value_text) + " is not an option of " + in_quotes(c.question) + "; expected one of " + join(ref->option_ids));
        return false;
    }

    // -----------------------------------------------------------------------------------------
    // 3. Questions
    // -----------------------------------------------------------------------------------------

    bool load_options(const json& v, const std::string& ptr, Question& q, bool scored) {
        const json* list = read_array(v, ptr, "options", true);
        if (!list) return false;
        std::string lp = at(ptr, "options");
        if (list->empty()) {
            error(lp, "questionnaire.options.empty", {}, "needs at least one option");
            return false;
        }
        const bool multiple = q.type == QuestionType::Multiple;
        const char* score_key = multiple ? "points" : "score";
        bool ok = true;
        std::map<std::string, std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& o = (*list)[i];
            std::string op = at(lp, i);
            if (!expect_object(o, op)) {
                ok = false;
                continue;
            }
            if (multiple) warn_unknown(o, op, {"id", "text", "points", "exclusive"}, {"score"}, "multiple");
            else warn_unknown(o, op, {"id", "text", "score"}, {"points", "exclusive"}, "single");
            Option opt;
            if (read_id(o, op, opt.id)) ok = check_unique(seen, opt.id, at(op, "id"), "option") && ok;
            else ok = false;
            ok = read_text(o, op, "text", opt.text, true) && ok;
            // Profile questions are never scored: their options need no score.
            if (o.contains(score_key) || scored) ok = read_number(o, op, score_key, opt.score, true, 0, kMaxScore) && ok;
            if (multiple && o.contains("exclusive")) ok = read_bool(o, op, "exclusive", opt.exclusive) && ok;
            q.options.push_back(std::move(opt));
        }
        return ok;
    }

    bool load_weights(const json& v, const std::string& ptr, Question& q) {
        const json* w = field(v, ptr, "weights", true);
        if (!w) {
            weights_missing = true;
            return false;
        }
        std::string wp = at(ptr, "weights");
        if (!w->is_object()) {
            error(wp, "questionnaire.weights.not_an_object", got_params(*w),
                  "expected an object from principle id to weight, got " + describe_json(*w));
            weights_missing = true;
            return false;
        }
        bool ok = true;
        bool any_positive = false;
        for (auto it = w->begin(); it != w->end(); ++it) {
            std::string p = at(wp, it.key());
            double weight = 0;
            bool known = principle_ids.count(it.key()) > 0;
            if (!known) {
                // Without any readable principle, every name would be "unknown": one error says it.
                if (!principle_ids.empty())
                    error(p, "questionnaire.weights.unknown_principle", {{"principle", it.key()}}, "unknown principle " + in_quotes(it.key()));
                ok = false;
            }
            if (!check_number(*it, p, weight, 0, kMaxScore)) {
                unreadable_weights.insert(it.key());
                ok = false;
                continue;
            }
            if (known) q.weights[it.key()] = weight;
            if (weight > 0) any_positive = true;
        }
        if (ok && !any_positive) {
            error(wp, "questionnaire.weights.none_above_zero", {},
                  "at least one weight must be above 0 (a scored question must count towards a principle)");
            ok = false;
        }
        return ok;
    }

    bool load_question(const json& v, const std::string& ptr, bool in_profile, Question& q) {
        if (!expect_object(v, ptr)) return false;
        bool ok = true;

        std::string id_ptr = at(ptr, "id");
        if (read_id(v, ptr, q.id)) ok = check_unique(first_question_id, q.id, id_ptr, "question") && ok;
        else ok = false;

        bool type_ok = false;
        std::string type;
        if (read_string(v, ptr, "type", type, true)) {
            static const std::pair<const char*, QuestionType> kTypes[] = {
                {"single", QuestionType::Single}, {"yesno", QuestionType::YesNo}, {"multiple", QuestionType::Multiple},
                {"number", QuestionType::Number}, {"text", QuestionType::Text}};
            for (const auto& t : kTypes)
                if (type == t.first) {
                    q.type = t.second;
                    type_ok = true;
                }
            if (!type_ok)
                error(at(ptr, "type"), "questionnaire.question.unknown_type", {{"type", type}},
                      "unknown question type " + in_quotes(type) + "; expected one of single, yesno, multiple, number, text");
        }
        if (!type_ok) ok = false;

        ok = read_text(v, ptr, "text", q.text, true) && ok;
        if (v.contains("help")) ok = read_text(v, ptr, "help", q.help, false) && ok;
        if (v.contains("required")) ok = read_bool(v, ptr, "required", q.required) && ok;
        if (v.contains("role")) {
            if (!in_profile) {
                error(at(ptr, "role"), "questionnaire.question.role_outside_profile", {}, "only profile questions have a role");
                ok = false;
            } else {
                ok = read_string(v, ptr, "role", q.role, false) && ok;
            }
        }

        // Visibility looks only at earlier questions, so it is checked before this one joins them.
        if (v.contains("visibleIf")) {
            Condition c;
            if (load_condition(v["visibleIf"], at(ptr, "visibleIf"), q.id, nullptr, c, 1)) q.visible_if = std::move(c);
            else ok = false;
        }

        if (!type_ok) {
            warn_unknown(v, ptr, {"id", "type", "text", "help", "required", "role", "visibleIf", "recommendations",
                                  "options", "weights", "maxPoints", "invert", "min", "max", "integer", "unit", "format"});
            if (!q.id.empty()) earlier.emplace(q.id, QuestionRef{}); // known, but its type is not
            return false;
        }

        const bool scored = !in_profile && q.scored();
        static const std::set<std::string> typed_keys = {"options", "weights", "maxPoints", "invert", "min", "max", "integer", "unit", "format"};
        switch (q.type) {
        case QuestionType::Single:
            warn_unknown(v, ptr, {"id", "type", "text", "help", "required", "role", "visibleIf", "recommendations", "options", "weights"},
                         typed_keys, "single");
        {
            bool options_ok = load_options(v, ptr, q, scored);
            ok = options_ok && ok;
            if (scored && options_ok) {
                bool any = false;
                for (const Option& o : q.options)
                    if (o.score > 0) any = true;
                if (!any) {
                    error(at(ptr, "options"), "questionnaire.options.no_score_above_zero", {}, "at least one option needs a score above 0");
                    ok = false;
                }
            }
            break;
        }
        case QuestionType::YesNo:
            warn_unknown(v, ptr, {"id", "type", "text", "help", "required", "role", "visibleIf", "recommendations", "invert", "weights"},
                         typed_keys, "yesno");
            if (v.contains("invert")) ok = read_bool(v, ptr, "invert", q.invert) && ok;
            break;
        case QuestionType::Multiple: {
            warn_unknown(v, ptr, {"id", "type", "text", "help", "required", "role", "visibleIf", "recommendations", "options",
                                  "maxPoints", "weights"},
                         typed_keys, "multiple");
            bool options_ok = load_options(v, ptr, q, scored);
            ok = options_ok && ok;
            if (scored || v.contains("maxPoints")) {
                if (read_number(v, ptr, "maxPoints", q.max_points, true, 0, kMaxScore)) {
                    double sum = 0;
                    for (const Option& o : q.options) sum += o.score;
                    if (q.max_points <= 0) {
                        error(at(ptr, "maxPoints"), "questionnaire.max_points.not_above_zero", {{"value", number_text(q.max_points)}},
                              "must be above 0, got " + number_text(q.max_points));
                        ok = false;
                    } else if (options_ok && q.max_points > sum) {
                        error(at(ptr, "maxPoints"), "questionnaire.max_points.above_sum",
                              {{"value", number_text(q.max_points)}, {"sum", number_text(sum)}},
                              "is " + number_text(q.max_points) + ", more than the options' points add up to (" + number_text(sum) + ")");
                        ok = false;
                    }
                } else {
                    ok = false;
                }
            }
            break;
        }
        case QuestionType::Number: {
            warn_unknown(v, ptr, {"id", "type", "text", "help", "required", "role", "visibleIf", "recommendations", "min", "max",
                                  "integer", "unit", "weights"},
                         typed_keys, "number");
            double d = 0;
            if (v.contains("min")) {
                if (read_number(v, ptr, "min", d, false, -kMaxNumber, kMaxNumber)) q.min = d;
                else ok = false;
            }
            if (v.contains("max")) {
                if (read_number(v, ptr, "max", d, false, -kMaxNumber, kMaxNumber)) q.max = d;
                else ok = false;
            }
            if (q.min && q.max && *q.min > *q.max) {
                error(at(ptr, "min"), "questionnaire.number.min_above_max", {{"min", number_text(*q.min)}, {"max", number_text(*q.max)}},
                      "min (" + number_text(*q.min) + ") is above max (" + number_text(*q.max) + ")");
                ok = false;
            }
            if (v.contains("integer")) ok = read_bool(v, ptr, "integer", q.integer) && ok;
            if (v.contains("unit")) ok = read_text(v, ptr, "unit", q.unit, false) && ok;
            break;
        }
        case QuestionType::Text:
            warn_unknown(v, ptr, {"id", "type", "text", "help", "required", "role", "visibleIf", "recommendations", "format", "weights"},
                         typed_keys, "text");
            if (v.contains("format")) {
                if (!read_string(v, ptr, "format", q.format, false)) {
                    ok = false;
                } else if (q.format != "email" && q.format != "cvr") {
                    error(at(ptr, "format"), "questionnaire.question.unknown_format", {{"format", q.format}},
                          "unknown format " + in_quotes(q.format) + "; expected \"email\" or \"cvr\"");
                    ok = false;
                }
            }
            break;
        }

        // Weights: required on scored theme questions, refused where nothing is scored.
        if (v.contains("weights") && in_profile) {
            error(at(ptr, "weights"), "questionnaire.weights.on_profile_question", {}, "profile questions are never scored; remove \"weights\"");
            ok = false;
        } else if (v.contains("weights") && !q.scored()) {
            error(at(ptr, "weights"), "questionnaire.weights.on_unscored_question", {{"type", question_type_name(q.type)}},
                  std::string("a ") + question_type_name(q.type) + " question is never scored; remove \"weights\"");
            ok = false;
        } else if (scored) {
            ok = load_weights(v, ptr, q) && ok;
        }

        // From here on, conditions may refer to this question (its own recommendations included).
        QuestionRef ref;
        ref.type = q.type;
        ref.type_known = true;
        if (q.type == QuestionType::YesNo) ref.option_ids = {kYes, kNo, kDontKnow};
        for (const Option& o : q.options)
            if (!o.id.empty() && q.option(o.id) == &o) ref.option_ids.push_back(o.id); // first of duplicates
        if (!q.id.empty()) earlier.emplace(q.id, ref); // emplace: a duplicate id keeps the first definition

        // Recommendations follow from a score (docs/scoring.md), so only scored theme questions have them.
        if (v.contains("recommendations") && !scored) {
            const std::string kind = in_profile ? "profile" : question_type_name(q.type);
            error(at(ptr, "recommendations"), "questionnaire.recommendations.on_unscored_question", {{"type", kind}},
                  "only scored questions have recommendations; a " + kind + " question is never scored");
            ok = false;
        } else if (const json* recs = read_array(v, ptr, "recommendations", false)) {
            std::string rp = at(ptr, "recommendations");
            for (std::size_t i = 0; i < recs->size(); ++i) {
                const json& r = (*recs)[i];
                std::string p = at(rp, i);
                if (!expect_object(r, p)) {
                    ok = false;
                    continue;
                }
                warn_unknown(r, p, {"when", "text"});
                QuestionRecommendation rec;
                ok = read_text(r, p, "text", rec.text, true) && ok;
                if (r.contains("when")) {
                    Condition c;
                    if (load_condition(r["when"], at(p, "when"), q.id, &ref, c, 1)) rec.when = std::move(c);
                    else ok = false;
                }
                q.recommendations.push_back(std::move(rec));
            }
        } else if (v.contains("recommendations")) {
            ok = false;
        }
        return ok;
    }

    // -----------------------------------------------------------------------------------------
    // 4. The document
    // -----------------------------------------------------------------------------------------

    // Every question id with the pointer of its question, first definition wins: lets a condition
    // that names a later question say so.
    void index_questions(const json& doc) {
        auto add = [&](const json& list, const std::string& ptr) {
            if (!list.is_array()) return;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const json& q = list[i];
                if (q.is_object() && q.contains("id") && q["id"].is_string())
                    all_questions.emplace(q["id"].get<std::string>(), at(ptr, i));
            }
        };
        if (doc.contains("profile")) add(doc["profile"], "/profile");
        if (doc.contains("themes") && doc["themes"].is_array())
            for (std::size_t t = 0; t < doc["themes"].size(); ++t) {
                const json& theme = doc["themes"][t];
                if (theme.is_object() && theme.contains("questions"))
                    add(theme["questions"], at(at("/themes", t), "questions"));
            }
    }

    // The gate: a document that is not this format (or a version this code does not know) is not
    // checked further, since every other message would be noise.
    bool check_format(const json& doc) {
        bool ok = true;
        if (const json* f = field(doc, "", "format", true)) {
            if (!f->is_string() || f->get<std::string>() != kQuestionnaireFormat) {
                error("/format", "questionnaire.format.wrong", got_params(*f),
                      std::string("expected \"") + kQuestionnaireFormat + "\", got " + describe_json(*f));
                ok = false;
            }
        } else {
            ok = false;
        }
        if (const json* v = field(doc, "", "formatVersion", true)) {
            if (!v->is_number_integer()) {
                error("/formatVersion", "questionnaire.format_version.not_an_integer", got_params(*v),
                      "expected an integer, got " + describe_json(*v));
                ok = false;
            } else if (v->get<long long>() != kQuestionnaireFormatVersion) {
                error("/formatVersion", "questionnaire.format_version.unknown",
                      {{"version", v->dump()}, {"supported", std::to_string(kQuestionnaireFormatVersion)}},
                      "unknown format version " + v->dump() + "; this version of the program reads version " +
                          std::to_string(kQuestionnaireFormatVersion));
                ok = false;
            }
        } else {
            ok = false;
        }
        return ok;
    }

    bool load_languages(const json& doc, Questionnaire& q) {
        const json* list = read_array(doc, "", "languages", true);
        if (!list) return false;
        if (list->empty()) {
            error("/languages", "questionnaire.languages.empty", {}, "needs at least one language");
            return false;
        }
        bool ok = true;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& l = (*list)[i];
            std::string p = at("/languages", i);
            if (!l.is_string()) {
                error(p, "questionnaire.language.not_a_string", got_params(l),
                      "expected a language code (a string), got " + describe_json(l));
                ok = false;
                continue;
            }
            std::string code = l.get<std::string>();
            bool syntax = code.size() >= 2 && code.size() <= 3;
            for (char ch : code)
                if (ch < 'a' || ch > 'z') syntax = false;
            if (!syntax) {
                error(p, "questionnaire.language.invalid", {{"language", code}},
                      "invalid language code " + in_quotes(code) + "; use a two- or three-letter lowercase code such as \"da\"");
                ok = false;
                continue;
            }
            bool dup = false;
            for (const std::string& seen : q.languages)
                if (seen == code) dup = true;
            if (dup) {
                error(p, "questionnaire.language.duplicate", {{"language", code}}, "duplicate language " + in_quotes(code));
                ok = false;
                continue;
            }
            q.languages.push_back(code);
        }
        languages = q.languages;
        languages_ok = ok;
        return ok;
    }

    bool load_principles(const json& doc, Questionnaire& q) {
        const json* list = read_array(doc, "", "principles", true);
        if (!list) return false;
        if (list->empty()) {
            error("/principles", "questionnaire.principles.empty", {}, "needs at least one principle");
            return false;
        }
        bool ok = true;
        std::map<std::string, std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            std::string p = at("/principles", i);
            const json& v = (*list)[i];
            if (!expect_object(v, p)) {
                ok = false;
                continue;
            }
            warn_unknown(v, p, {"id", "title", "description"});
            Principle pr;
            if (read_id(v, p, pr.id) && check_unique(seen, pr.id, at(p, "id"), "principle")) principle_ids.insert(pr.id);
            else ok = false;
            ok = read_text(v, p, "title", pr.title, true) && ok;
            if (v.contains("description")) ok = read_text(v, p, "description", pr.description, false) && ok;
            q.principles.push_back(std::move(pr));
        }
        return ok;
    }

    bool load_levels(const json& doc, Questionnaire& q) {
        const json* list = read_array(doc, "", "levels", true);
        if (!list) return false;
        if (list->empty()) {
            error("/levels", "questionnaire.levels.empty", {}, "needs at least one level");
            return false;
        }
        bool ok = true;
        std::map<std::string, std::string> seen;
        double previous = 0; // minPercent of the level before, when has_previous
        bool has_previous = false;
        for (std::size_t i = 0; i < list->size(); ++i) {
            std::string p = at("/levels", i);
            const json& v = (*list)[i];
            if (!expect_object(v, p)) {
                ok = false;
                has_previous = false;
                continue;
            }
            warn_unknown(v, p, {"id", "minPercent", "title", "description"});
            Level l;
            if (read_id(v, p, l.id)) ok = check_unique(seen, l.id, at(p, "id"), "level") && ok;
            else ok = false;
            if (read_number(v, p, "minPercent", l.min_percent, true, 0, 100)) {
                if (i == 0 && l.min_percent != 0) {
                    error(at(p, "minPercent"), "questionnaire.level.first_not_zero", {{"value", number_text(l.min_percent)}},
                          "the first level must start at 0, got " + number_text(l.min_percent));
                    ok = false;
                } else if (has_previous && l.min_percent <= previous) {
                    error(at(p, "minPercent"), "questionnaire.level.not_ascending",
                          {{"value", number_text(l.min_percent)}, {"previous", number_text(previous)}},
                          "levels must be in ascending order: " + number_text(l.min_percent) + " is not above " +
                              number_text(previous) + " (the level before)");
                    ok = false;
                }
                previous = l.min_percent;
                has_previous = true;
            } else {
                ok = false;
                has_previous = false;
            }
            ok = read_text(v, p, "title", l.title, true) && ok;
            if (v.contains("description")) ok = read_text(v, p, "description", l.description, false) && ok;
            q.levels.push_back(std::move(l));
        }
        return ok;
    }

    bool load_profile(const json& doc, Questionnaire& q) {
        const json* list = read_array(doc, "", "profile", true);
        if (!list) return false;
        bool ok = true;
        std::map<std::string, std::string> roles; // role -> pointer of its first "role"
        for (std::size_t i = 0; i < list->size(); ++i) {
            std::string p = at("/profile", i);
            Question question;
            bool question_ok = load_question((*list)[i], p, true, question);
            ok = question_ok && ok;
            if (!question.role.empty()) ok = check_role(question, p, roles) && ok;
            q.profile.push_back(std::move(question));
        }
        for (const char* role : {"name", "cvr", "sector", "employees"})
            if (!roles.count(role)) {
                error("/profile", "questionnaire.profile.missing_role", {{"role", role}},
                      std::string("missing a question with role \"") + role + "\" (the result file needs it)");
                ok = false;
            }
        return ok;
    }

    bool check_role(const Question& question, const std::string& ptr, std::map<std::string, std::string>& roles) {
        std::string rp = at(ptr, "role");
        const std::string& role = question.role;
        // What each role holds decides which question type can carry it.
        std::vector<QuestionType> types;
        if (role == "employees") types = {QuestionType::Number};
        else if (role == "sector") types = {QuestionType::Single, QuestionType::Text};
        else if (role == "name" || role == "cvr" || role == "contact" || role == "email") types = {QuestionType::Text};
        else {
            error(rp, "questionnaire.role.unknown", {{"role", role}},
                  "unknown role " + in_quotes(role) + "; expected one of name, cvr, sector, employees, contact, email");
            return false;
        }
        auto ins = roles.emplace(role, rp);
        if (!ins.second) {
            error(rp, "questionnaire.role.duplicate", {{"role", role}, {"first_at", ins.first->second}},
                  "duplicate role " + in_quotes(role) + " (first at " + ins.first->second + ")");
            return false;
        }
        bool fits = false;
        for (QuestionType t : types)
            if (question.type == t) fits = true;
        if (!fits) {
            const bool one = types.size() == 1;
            const std::string needed = one ? std::string(question_type_name(types[0])) : "single, text";
            error(rp, "questionnaire.role.wrong_type", {{"role", role}, {"needed", needed}, {"type", question_type_name(question.type)}},
                  "the " + in_quotes(role) + " role needs a " + (one ? needed + " question" : "single or text question") + ", not " +
                      question_type_name(question.type));
            return false;
        }
        return true;
    }

    // "submission": how a result file reaches the municipality; optional, but complete when present.
    bool load_submission(const json& doc, Questionnaire& q) {
        const json* v = field(doc, "", "submission", false);
        if (!v) return true;
        const std::string p = at("", "submission");
        if (!expect_object(*v, p)) return false;
        warn_unknown(*v, p, {"recipient", "channel", "contact"});
        Submission s;
        bool ok = read_text(*v, p, "recipient", s.recipient, true);
        ok = read_text(*v, p, "channel", s.channel, true) && ok;
        ok = read_text(*v, p, "contact", s.contact, true) && ok;
        if (ok) q.submission = std::move(s);
        return ok;
    }

    bool load_themes(const json& doc, Questionnaire& q) {
        const json* list = read_array(doc, "", "themes", true);
        if (!list) return false;
        if (list->empty()) {
            error("/themes", "questionnaire.themes.empty", {}, "needs at least one theme");
            return false;
        }
        bool ok = true;
        std::map<std::string, std::string> seen;
        for (std::size_t t = 0; t < list->size(); ++t) {
            std::string p = at("/themes", t);
            const json& v = (*list)[t];
            if (!expect_object(v, p)) {
                ok = false;
                continue;
            }
            warn_unknown(v, p, {"id", "title", "intro", "questions", "recommendations", "indicators"});
            Theme theme;
            if (read_id(v, p, theme.id)) ok = check_unique(seen, theme.id, at(p, "id"), "theme") && ok;
            else ok = false;
            ok = read_text(v, p, "title", theme.title, true) && ok;
            if (v.contains("intro")) ok = read_text(v, p, "intro", theme.intro, false) && ok;
            if (const json* questions = read_array(v, p, "questions", true)) {
                std::string qp = at(p, "questions");
                bool any_scored = false;
                for (std::size_t i = 0; i < questions->size(); ++i) {
                    Question question;
                    ok = load_question((*questions)[i], at(qp, i), false, question) && ok;
                    if (question.scored()) any_scored = true;
                    theme.questions.push_back(std::move(question));
                }
                if (questions->empty()) {
                    error(qp, "questionnaire.theme.no_questions", {}, "needs at least one question");
                    ok = false;
                } else if (!any_scored) {
                    error(qp, "questionnaire.theme.no_scored_question", {},
                          "the theme has no scored question (single, yesno or multiple), so it has no percentage");
                    ok = false;
                }
            } else {
                ok = false;
            }
            if (const json* recs = read_array(v, p, "recommendations", false)) {
                std::string rp = at(p, "recommendations");
                for (std::size_t i = 0; i < recs->size(); ++i) {
                    std::string r = at(rp, i);
                    const json& rv = (*recs)[i];
                    if (!expect_object(rv, r)) {
                        ok = false;
                        continue;
                    }
                    warn_unknown(rv, r, {"belowPercent", "text"});
                    ThemeRecommendation rec;
                    if (read_number(rv, r, "belowPercent", rec.below_percent, true, 0, 100)) {
                        if (rec.below_percent <= 0) {
                            error(at(r, "belowPercent"), "questionnaire.below_percent.not_above_zero", {{"value", number_text(rec.below_percent)}},
                                  "must be above 0 (no percentage is below 0), got " + number_text(rec.below_percent));
                            ok = false;
                        }
                    } else {
                        ok = false;
                    }
                    ok = read_text(rv, r, "text", rec.text, true) && ok;
                    theme.recommendations.push_back(std::move(rec));
                }
            } else if (v.contains("recommendations")) {
                ok = false;
            }
            ok = load_suggested_indicators(v, p, theme) && ok;
            q.themes.push_back(std::move(theme));
        }
        return ok;
    }

    // "indicators": [{"measure": text, "unit": "percent" | "number" | "yesno"}], optional.
    bool load_suggested_indicators(const json& theme, const std::string& ptr, Theme& target) {
        if (!theme.contains("indicators")) return true;
        const json* list = read_array(theme, ptr, "indicators", false);
        if (!list) return false;
        bool ok = true;
        const std::string lp = at(ptr, "indicators");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string ip = at(lp, i);
            const json& v = (*list)[i];
            if (!expect_object(v, ip)) {
                ok = false;
                continue;
            }
            warn_unknown(v, ip, {"measure", "unit"});
            SuggestedIndicator indicator;
            ok = read_text(v, ip, "measure", indicator.measure, true) && ok;
            if (read_string(v, ip, "unit", indicator.unit, true)) {
                if (!is_indicator_unit(indicator.unit)) {
                    error(at(ip, "unit"), "questionnaire.indicator.unit.unknown", {{"unit", indicator.unit}},
                          "expected \"percent\", \"number\" or \"yesno\", got " + in_quotes(indicator.unit));
                    ok = false;
                }
            } else {
                ok = false;
            }
            target.indicators.push_back(std::move(indicator));
        }
        return ok;
    }

    // A principle no question weighs would always score 0 of 0: refuse it.
    bool check_principles_weighted(const Questionnaire& q) {
        bool ok = true;
        if (weights_missing) return true; // reported where the weights are missing
        for (std::size_t i = 0; i < q.principles.size(); ++i) {
            const std::string& id = q.principles[i].id;
            if (id.empty() || !principle_ids.count(id) || q.principle(id) != &q.principles[i]) continue; // duplicates once
            bool weighted = false;
            for (const Theme& t : q.themes)
                for (const Question& question : t.questions) {
                    auto w = question.weights.find(id);
                    if (w != question.weights.end() && w->second > 0) weighted = true;
                }
            // A weight that could not be read is reported already; do not add a second message.
            if (!weighted && !unreadable_weights.count(id)) {
                error(at("/principles", i), "questionnaire.principle.not_weighted", {{"principle", id}},
                      "no question gives weight to principle " + in_quotes(id) + ", so it cannot be scored");
                ok = false;
            }
        }
        return ok;
    }

    std::optional<Questionnaire> load(const json& doc) {
        if (!doc.is_object()) {
            error("", "questionnaire.not_an_object", got_params(doc),
                  "expected a questionnaire (a JSON object), got " + describe_json(doc));
            return std::nullopt;
        }
        if (!check_format(doc)) return std::nullopt;
        Questionnaire q;
        q.format_version = kQuestionnaireFormatVersion;
        bool ok = true;
        // "$schema" lets an editor find the schema; it means nothing to the loader but must be a string.
        if (doc.contains("$schema") && !doc["$schema"].is_string()) {
            error("/$schema", "questionnaire.schema.not_a_string", got_params(doc["$schema"]),
                  "expected a string (the path or URL of the schema), got " + describe_json(doc["$schema"]));
            ok = false;
        }
        warn_unknown(doc, "", {"$schema", "format", "formatVersion", "id", "version", "languages", "title", "intro",
                               "principles", "levels", "profile", "themes", "submission"});
        ok = read_id(doc, "", q.id) && ok;
        ok = read_string(doc, "", "version", q.version, true) && ok;
        ok = load_languages(doc, q) && ok;
        ok = read_text(doc, "", "title", q.title, true) && ok;
        if (doc.contains("intro")) ok = read_text(doc, "", "intro", q.intro, false) && ok;
        ok = load_principles(doc, q) && ok;
        ok = load_levels(doc, q) && ok;
        index_questions(doc);
        ok = load_profile(doc, q) && ok;
        ok = load_themes(doc, q) && ok;
        ok = load_submission(doc, q) && ok;
        ok = check_principles_weighted(q) && ok;
        if (!ok || has_errors(out)) return std::nullopt;
        q.content_hash = known_content_hash.empty() ? questionnaire_content_hash(doc) : std::string(known_content_hash);
        return q;
    }
};

} // namespace

// ---------------------------------------------------------------------------------------------
// 5. Public functions
// ---------------------------------------------------------------------------------------------

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id[0] < 'a' || id[0] > 'z') return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::string questionnaire_content_hash(const nlohmann::json& doc) {
    // error_handler_t::replace: a document built in code may hold invalid UTF-8; hashing must not throw.
    // "submission" says where to send a result, not what was asked: editing it keeps results comparable.
    const auto canonical = [](const nlohmann::json& d) {
        return "sha256:" + sha256_hex(d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    };
    if (!doc.is_object() || !doc.contains("submission")) return canonical(doc);
    nlohmann::json asked = doc;
    asked.erase("submission");
    return canonical(asked);
}

LoadedQuestionnaire load_questionnaire_json(const nlohmann::json& doc, const std::string& file_name,
                                            std::string_view known_content_hash) {
    LoadedQuestionnaire result;
    try {
        Loader loader(file_name, result.diagnostics);
        loader.known_content_hash = known_content_hash;
        result.questionnaire = loader.load(doc);
    } catch (const std::exception& e) {
        // Not expected (every access is type-checked first); keep the promise of never throwing.
        result.questionnaire.reset();
        result.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Error, file_name, "", std::string("internal error while loading: ") + e.what(),
                       "internal.load_failed", {{"detail", e.what()}}});
    }
    return result;
}

LoadedQuestionnaire load_questionnaire_text(std::string_view bytes, const std::string& file_name,
                                            std::string_view known_content_hash) {
    LoadedQuestionnaire result;
    std::optional<nlohmann::json> doc;
    // The common, well-formed file first through json_fast's reader (compact with sorted keys, as the
    // build writes the respondent page's questionnaire: cmake/english_later.py), which makes the
    // document the gate would make of the same text (json_fast.h; tests/core/fast_import_test.cpp and
    // the fuzz target compare them) in about half the gate's time in the browser's first run.
    // Anything it gives up on (unsorted keys, a BOM, bad UTF-8, a syntax error ...) goes through the
    // gate, which says what is wrong.
    try {
        FastDocument fast;
        if (parse_fast_json(bytes, fast, nullptr, JsonLimits{}.max_bytes)) doc = fast_to_json(fast, 0);
        else doc = parse_json_document(bytes, file_name, result.diagnostics);
    } catch (const std::exception& e) {
        result.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Error, file_name, "", std::string("cannot read the JSON: ") + e.what(),
                       "internal.parse_failed", {{"detail", e.what()}}});
    }
    if (!doc) return result;
    LoadedQuestionnaire loaded = load_questionnaire_json(*doc, file_name, known_content_hash);
    result.questionnaire = std::move(loaded.questionnaire);
    result.diagnostics.insert(result.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    return result;
}

LoadedQuestionnaire load_questionnaire_file(const std::string& path) {
    LoadedQuestionnaire result;
    std::string bytes;
    try {
        if (!read_file_bytes(path, bytes, result.diagnostics)) return result;
    } catch (const std::exception& e) {
        result.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, path, "", std::string("cannot read the file: ") + e.what(),
                                                "internal.read_failed", {{"detail", e.what()}}});
        return result;
    }
    return load_questionnaire_text(bytes, path);
}

} // namespace mf
