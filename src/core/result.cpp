// result.cpp - the result file (result.h; docs/result-format.md).
//
// Index
//   - answers as JSON, both ways (shared by Assessment's to_json/from_json and the importer)
//   - result_document, result_checksum, export_result (checks in the respondent's language)
//   - Importer, import_result: format gate first (formats 1 and 2), then every field, carrying
//     answers over by id; indicators and the follow-up are kept and warned about, not dropped
//   - import_result_fast_coded: the same result from the fast reader's nodes (fast_answers,
//     fast_focus_area, fast_action_plan, fast_follow_up), or nothing
//   - compare_scores
#include "core/result.h"

#include "core/answer_check.h"
#include "core/condition.h"
#include "core/cvr.h"
#include "core/json_canonical.h"
#include "core/json_fast.h"
#include "core/json_input.h"
#include "core/json_reader.h"
#include "core/sha256.h"

#include <algorithm>
#include <set>

namespace mf {

using nlohmann::json;

namespace {

// The profile roles the organisation block holds, in the order docs/result-format.md lists them.
const char* const kOrganisationRoles[] = {"name", "cvr", "sector", "employees", "contact", "email"};

json plain_answer_json(const AnswerValue& value) {
    if (const std::string* s = std::get_if<std::string>(&value)) return *s;
    if (const double* x = std::get_if<double>(&value)) return json_number(*x);
    return std::get<std::vector<std::string>>(value);
}

json answer_json(const Question& question, const AnswerValue& value) {
    if (const auto* ids = std::get_if<std::vector<std::string>>(&value)) return in_option_order(question, *ids);
    return plain_answer_json(value);
}

// Answers that count: visible and fitting their question.
Answers fitting_visible_answers(const Questionnaire& questionnaire, const Answers& answers) {
    Answers out;
    for (const auto& [id, value] : visible_answers(questionnaire, answers)) {
        const Question* q = questionnaire.question(id);
        if (q && check_answer(*q, value).fits()) out[id] = value;
    }
    return out;
}

// One answer as JSON -> AnswerValue: a string, a number or an array of strings. False (reported)
// for anything else.
bool read_answer_value(const json& v, const std::string& pointer, const JsonReader& reader, AnswerValue& out) {
    if (v.is_string()) {
        out = v.get<std::string>();
        return true;
    }
    if (v.is_number()) {
        double x = 0;
        if (!reader.read_number(v, pointer, x)) return false;
        out = x;
        return true;
    }
    if (v.is_array()) {
        std::vector<std::string> ids;
        bool ok = true;
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::string id;
            if (reader.read_string(v[i], child_pointer(pointer, i), id)) ids.push_back(id);
            else ok = false;
        }
        out = ids;
        return ok;
    }
    reader.error(pointer, "result.answer.unreadable", got_params(v),
                 "expected a string, a number or an array of option ids, got " + describe_json(v));
    return false;
}

} // namespace

void to_json(json& j, const Assessment& assessment) {
    json answers = json::object();
    for (const auto& [id, value] : assessment.answers) answers[id] = plain_answer_json(value);
    j = json{{"language", assessment.language}, {"created", assessment.created}, {"updated", assessment.updated},
             {"answers", answers}, {"actionPlan", assessment.action_plan},
             {"planFollowUp", assessment.follow_up ? json(*assessment.follow_up) : json(nullptr)}};
}

bool read_assessment(const json& j, const std::string& pointer, const JsonReader& reader, Assessment& assessment) {
    const std::size_t errors_before = count_errors(*reader.out);
    assessment = Assessment{};
    if (!reader.expect_object(j, pointer)) return false;
    reader.warn_unknown(j, pointer, {"language", "created", "updated", "answers", "actionPlan", "planFollowUp"});
    for (auto [key, target] : {std::pair<const char*, std::string*>{"language", &assessment.language},
                               {"created", &assessment.created}, {"updated", &assessment.updated}})
        if (const json* v = reader.member(j, pointer, key, true)) reader.read_string(*v, child_pointer(pointer, key), *target);
    if (const json* answers = reader.member(j, pointer, "answers", true)) {
        const std::string p = child_pointer(pointer, "answers");
        if (reader.expect_object(*answers, p))
            for (auto it = answers->begin(); it != answers->end(); ++it) {
                AnswerValue value;
                if (read_answer_value(it.value(), child_pointer(p, it.key()), reader, value)) assessment.answers[it.key()] = value;
            }
    }
    if (const json* plan = reader.member(j, pointer, "actionPlan", true))
        read_action_plan(*plan, child_pointer(pointer, "actionPlan"), reader, assessment.action_plan);
    if (const json* follow_up = reader.member(j, pointer, "planFollowUp", false); follow_up && !follow_up->is_null()) {
        FollowUp f;
        if (read_follow_up(*follow_up, child_pointer(pointer, "planFollowUp"), reader, f)) assessment.follow_up = std::move(f);
    }
    return count_errors(*reader.out) == errors_before;
}

void from_json(const json& j, Assessment& assessment) {
    Diagnostics diagnostics;
    JsonReader reader{"", &diagnostics};
    read_assessment(j, "", reader, assessment);
    throw_first_error(diagnostics);
}

bool is_valid_timestamp(const std::string& text) {
    // 2026-11-25T14:03:00Z
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return false;
    if (!is_valid_date(text.substr(0, 10))) return false;
    for (std::size_t i : {11, 12, 14, 15, 17, 18})
        if (text[i] < '0' || text[i] > '9') return false;
    auto two_digits = [&](std::size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); };
    return two_digits(11) < 24 && two_digits(14) < 60 && two_digits(17) < 60;
}

std::string result_checksum(const json& document) {
    std::string canonical;
    canonical.reserve(4096); // a result file's canonical form is about 2.5 KB
    append_canonical_json(document, canonical, "checksum");
    return "sha256:" + sha256_hex(canonical);
}

json result_document(const Questionnaire& questionnaire, const Assessment& assessment) {
    const Answers answers = fitting_visible_answers(questionnaire, assessment.answers);
    json doc = json::object();
    doc["format"] = kResultFormat;
    doc["formatVersion"] = kResultFormatVersion;
    doc["questionnaire"] = {{"id", questionnaire.id}, {"version", questionnaire.version}, {"contentHash", questionnaire.content_hash}};
    doc["app"] = {{"name", kAppName}, {"version", MF_APP_VERSION}};
    doc["created"] = assessment.created;
    doc["updated"] = assessment.updated;
    doc["language"] = assessment.language;

    json organisation = json::object();
    for (const char* role : kOrganisationRoles) {
        json value = nullptr;
        if (const Question* q = questionnaire.profile_field(role)) {
            auto it = answers.find(q->id);
            if (it != answers.end()) value = answer_json(*q, it->second);
            if (std::string(role) == "cvr" && value.is_string()) value = normalise_cvr(value.get<std::string>());
        }
        organisation[role] = value;
    }
    doc["organisation"] = organisation;

    json answers_json = json::object();
    for (const auto& [id, value] : answers) answers_json[id] = answer_json(*questionnaire.question(id), value);
    doc["answers"] = answers_json;
    doc["scores"] = summarise(questionnaire, compute_scores(questionnaire, answers));
    doc["actionPlan"] = assessment.action_plan;
    doc["planFollowUp"] = assessment.follow_up ? json(*assessment.follow_up) : json(nullptr);
    doc["checksum"] = result_checksum(doc);
    return doc;
}

std::string result_text(const Questionnaire& questionnaire, const Assessment& assessment) {
    return result_document(questionnaire, assessment).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

std::string plan_problem_pointer(const ActionPlanProblem& problem) {
    std::string pointer = "/actionPlan";
    if (problem.area >= 0) pointer = child_pointer(pointer, static_cast<std::size_t>(problem.area));
    if (!problem.field.empty()) pointer += "/" + problem.field; // "indicator/target": already a pointer path
    return pointer;
}

std::string follow_up_problem_pointer(const FollowUpProblem& problem) {
    return child_pointer(child_pointer("/planFollowUp/items", static_cast<std::size_t>(problem.item)), problem.field);
}

// "The unit is yes/no: choose yes or no (1 does not fit); it must be corrected before the next
// export": an editor's message as an import warning about something kept as it is.
std::string must_be_corrected(std::string message) {
    if (!message.empty() && message.back() == '.') message.pop_back();
    return message + "; it must be corrected before the next export";
}

bool is_checksum_text(const std::string& text) {
    if (text.size() != 71 || text.compare(0, 7, "sha256:") != 0) return false;
    for (std::size_t i = 7; i < text.size(); ++i)
        if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f'))) return false;
    return true;
}

} // namespace

ExportOutcome export_result(const Questionnaire& questionnaire, const Assessment& assessment, const std::string& file) {
    ExportOutcome outcome;
    const bool en = assessment.language == "en";
    // `more`: parameters after `params` (an answer problem's own).
    auto problem = [&](const std::string& pointer, std::string code, ParamList params, const std::string& da,
                       const std::string& english, const DiagnosticParams& more = {}) {
        outcome.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Error, file, pointer, en ? english : da, std::move(code), make_params(params, more)});
    };

    if (!is_valid_timestamp(assessment.created))
        problem("/created", "export.timestamp.invalid", {{"field", "created"}, {"value", assessment.created}},
                "Tidspunktet for oprettelse \"" + assessment.created + "\" er ugyldigt; forventet fx 2026-11-25T14:03:00Z.",
                "The creation time \"" + assessment.created + "\" is not valid; expected e.g. 2026-11-25T14:03:00Z.");
    if (!is_valid_timestamp(assessment.updated))
        problem("/updated", "export.timestamp.invalid", {{"field", "updated"}, {"value", assessment.updated}},
                "Tidspunktet for seneste ændring \"" + assessment.updated + "\" er ugyldigt; forventet fx 2026-11-25T14:03:00Z.",
                "The update time \"" + assessment.updated + "\" is not valid; expected e.g. 2026-11-25T14:03:00Z.");
    else if (is_valid_timestamp(assessment.created) && assessment.updated < assessment.created)
        problem("/updated", "export.timestamp.updated_before_created", {{"updated", assessment.updated}, {"created", assessment.created}},
                "Seneste ændring (" + assessment.updated + ") ligger før oprettelsen (" + assessment.created + ").",
                "The update time (" + assessment.updated + ") is before the creation time (" + assessment.created + ").");
    if (std::find(questionnaire.languages.begin(), questionnaire.languages.end(), assessment.language) == questionnaire.languages.end())
        problem("/language", "export.language.unknown", {{"language", assessment.language}},
                "Sproget \"" + assessment.language + "\" findes ikke i spørgeskemaet.",
                "The language \"" + assessment.language + "\" is not one of the questionnaire's.");

    const Answers visible = visible_answers(questionnaire, assessment.answers);
    for (const auto& [id, value] : visible) {
        const Question* q = questionnaire.question(id);
        AnswerProblem answer = q ? check_answer(*q, value) : AnswerProblem{};
        if (answer.fits()) continue;
        const std::string& reason = answer.reason;
        problem("/answers/" + json_pointer_token(id), "export.answer." + answer.kind,
                {{"question", id}, {"question_text", q->text.in(en ? "en" : "da")}},
                "Svaret på \"" + q->text.in("da") + "\" kan ikke bruges (" + reason + ").",
                "The answer to \"" + q->text.in("en") + "\" cannot be used (" + reason + ").", answer.params);
    }

    const Question* cvr_question = questionnaire.profile_field("cvr");
    for (const Question& q : questionnaire.profile) {
        if (&q == cvr_question || !q.required || !is_visible(q, visible) || visible.count(q.id)) continue;
        problem("/answers/" + json_pointer_token(q.id), "export.profile.missing",
                {{"question", q.id}, {"question_text", q.text.in(en ? "en" : "da")}},
                "Udfyld \"" + q.text.in("da") + "\" – det skal med i resultatet.",
                "Fill in \"" + q.text.in("en") + "\" – the result needs it.");
    }
    if (cvr_question) {
        const std::string* cvr = answer_text(visible, cvr_question->id);
        const CvrCheck check = check_cvr(cvr ? *cvr : std::string());
        if (check != CvrCheck::Valid) {
            const std::string shown = cvr ? *cvr : std::string();
            problem("/organisation/cvr", std::string("export.cvr.") + cvr_check_id(check), {{"cvr", shown}},
                    "CVR-nummeret \"" + shown + "\" kan ikke bruges: " + cvr_message(check, "da"),
                    "The CVR number \"" + shown + "\" cannot be used: " + cvr_message(check, "en"));
        }
    }

    for (const ActionPlanProblem& p : check_action_plan(assessment.action_plan, questionnaire, "", assessment.language)) {
        if (p.warning) continue; // gentle hints for the editor; the municipality can use the plan as it is
        outcome.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, file, plan_problem_pointer(p), p.message, p.code, p.params});
    }
    if (const std::optional<FollowUp>& f = assessment.follow_up) {
        if (!is_valid_timestamp(f->earlier_created))
            problem("/planFollowUp/earlier/created", "export.follow_up.earlier_created.invalid", {{"value", f->earlier_created}},
                    "Opfølgningen henviser til et tidligere resultat med en ugyldig tid (\"" + f->earlier_created + "\").",
                    "The follow-up refers to an earlier result with an invalid time (\"" + f->earlier_created + "\").");
        if (!is_checksum_text(f->earlier_checksum))
            problem("/planFollowUp/earlier/checksum", "export.follow_up.earlier_checksum.invalid", {{"value", f->earlier_checksum}},
                    "Opfølgningen henviser til et tidligere resultat med en ugyldig kontrolsum (\"" + f->earlier_checksum + "\").",
                    "The follow-up refers to an earlier result with an invalid checksum (\"" + f->earlier_checksum + "\").");
        if (f->items.size() > kMaxFocusAreas) {
            const std::string count = std::to_string(f->items.size());
            problem("/planFollowUp/items", "export.follow_up.too_many", {{"count", count}, {"max", std::to_string(kMaxFocusAreas)}},
                    "Opfølgningen har flere punkter end en handlingsplan kan have (" + count + ").",
                    "The follow-up has more items than an action plan can have (" + count + ").");
        }
        for (const FollowUpProblem& p : check_follow_up(*f, assessment.language))
            outcome.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, file, follow_up_problem_pointer(p), p.message, p.code, p.params});
    }

    if (outcome.ok()) outcome.text = result_text(questionnaire, assessment);
    return outcome;
}

namespace {

// One import in progress: the reader for messages, and what has been read so far.
struct Importer {
    const Questionnaire& current;
    JsonReader reader;
    ImportedResult result;

    // `more`: parameters after `params` (an answer problem's own).
    void drop(const std::string& pointer, std::string_view code, ParamList params, const std::string& reason,
              const DiagnosticParams& more = {}) {
        result.dropped.push_back(DroppedItem{pointer, reason});
        reader.warning(pointer, code, make_params(params, more), reason);
    }

    void read_answers(const json& j) {
        if (!reader.expect_object(j, "/answers")) return;
        const std::string version = current.version;
        for (auto it = j.begin(); it != j.end(); ++it) {
            // The pointer is only needed for a message: most answers are strings that fit.
            auto pointer = [&] { return child_pointer("/answers", it.key()); };
            AnswerValue value;
            if (it.value().is_string()) value = it.value().get_ref<const std::string&>();
            else if (!read_answer_value(it.value(), pointer(), reader, value)) continue;
            const Question* q = current.question(it.key());
            if (!q) {
                drop(pointer(), "result.answer.unknown_question", {{"question", it.key()}, {"version", version}},
                     "the question \"" + it.key() + "\" is not in questionnaire version " + version);
                continue;
            }
            if (AnswerProblem problem = check_answer(*q, value); !problem.fits()) {
                drop(pointer(), "result.answer." + problem.kind, {{"question", it.key()}, {"version", version}},
                     "the answer does not fit the question in questionnaire version " + version + ": " + problem.reason, problem.params);
                continue;
            }
            if (auto* ids = std::get_if<std::vector<std::string>>(&value)) *ids = in_option_order(*q, *ids);
            result.assessment.answers[it.key()] = std::move(value);
        }
        drop_hidden_answers();
    }

    // Answers to questions that the file's other answers hide: the app never exports them (only
    // visible questions' answers are written), so a file that has them was changed or written by some
    // other program. They are left out, as an export would, and listed. Visibility is worked out from
    // the answers kept so far, so an answer that did not fit counts as unanswered in conditions.
    void drop_hidden_answers() {
        Answers& answers = result.assessment.answers;
        const Answers visible = visible_answers(current, answers);
        for (auto it = answers.begin(); it != answers.end();) {
            if (visible.count(it->first)) {
                ++it;
                continue;
            }
            drop(child_pointer("/answers", it->first), "result.answer.hidden", {{"question", it->first}},
                 "the question \"" + it->first + "\" is hidden by its condition (visibleIf) given the file's other answers; its answer is left out");
            it = answers.erase(it);
        }
    }

    void read_plan(const json& j) {
        ActionPlan plan;
        const bool with_indicators = result.format_version >= 2;
        if (!read_action_plan(j, "/actionPlan", reader, plan, with_indicators)) return;
        accept_plan(std::move(plan));
    }

    // A plan read without errors: the rules on the whole plan, and the focus areas carried over.
    void accept_plan(ActionPlan plan) {
        if (plan.areas.size() > kMaxFocusAreas) {
            reader.error("/actionPlan", "result.action_plan.too_many",
                         {{"count", std::to_string(plan.areas.size())}, {"max", std::to_string(kMaxFocusAreas)}},
                         "the action plan has " + std::to_string(plan.areas.size()) + " focus areas; at most " +
                             std::to_string(kMaxFocusAreas) + " are allowed");
            return;
        }
        // (Pointers are made only for a message: building them for every area was a fifth of this.)
        for (std::size_t i = 0; i < plan.areas.size(); ++i)
            if (!indicator_unit_known(plan.areas[i].indicator) &&
                !check_indicator_unit(plan.areas[i].indicator, child_pointer(child_pointer("/actionPlan", i), "indicator")))
                return;
        // An indicator that breaks a rule is kept (nothing typed is lost) and must be fixed before
        // the next export, as the editor will say: the importer's words are the editor's, in English.
        for (const ActionPlanProblem& p : check_action_plan(plan, current, "", "en"))
            if (!p.warning && p.field.rfind("indicator", 0) == 0)
                reader.warning(plan_problem_pointer(p), p.code, p.params, must_be_corrected(p.message));
        std::vector<const std::string*> seen; // the focus ids kept so far (a plan has a handful of areas)
        for (std::size_t i = 0; i < plan.areas.size(); ++i) {
            const FocusArea& a = plan.areas[i];
            auto pointer = [i] { return child_pointer("/actionPlan", i); };
            auto seen_before = [&] { return std::any_of(seen.begin(), seen.end(), [&](const std::string* f) { return *f == a.focus; }); };
            if (!a.focus.empty() && !is_focus_id(current, a.focus)) {
                drop(pointer(), "result.action_plan.unknown_focus", {{"focus", a.focus}, {"version", current.version}},
                     "the focus area \"" + a.focus + "\" is not in questionnaire version " + current.version);
            } else if (!a.focus.empty() && seen_before()) {
                drop(pointer(), "result.action_plan.duplicate_focus", {{"focus", a.focus}},
                     "the focus area \"" + a.focus + "\" is already in the plan");
            } else {
                if (!a.focus.empty()) seen.push_back(&a.focus);
                result.assessment.action_plan.areas.push_back(a);
            }
        }
        result.stored_plan = std::move(plan);
    }

    static bool indicator_unit_known(const Indicator& indicator) { return indicator.empty() || is_indicator_unit(indicator.unit); }

    // An indicator's unit is a type in the file: one of the three ids (or, in a saved draft, "").
    bool check_indicator_unit(const Indicator& indicator, const std::string& pointer) {
        if (indicator_unit_known(indicator)) return true;
        reader.error(child_pointer(pointer, "unit"), "result.indicator.unit.unknown", {{"unit", indicator.unit}},
                     "expected \"percent\", \"number\" or \"yesno\", got \"" + indicator.unit + "\"");
        return false;
    }

    // Format 2: the follow-up of an earlier plan, or null.
    void read_follow_up_of_plan(const json& j) {
        if (j.is_null()) return;
        FollowUp f;
        if (!read_follow_up(j, "/planFollowUp", reader, f)) return;
        accept_follow_up(std::move(f));
    }

    // A follow-up read without errors: the rules on the whole of it.
    void accept_follow_up(FollowUp f) {
        bool ok = true;
        if (!is_valid_timestamp(f.earlier_created)) {
            reader.error("/planFollowUp/earlier/created", "result.follow_up.earlier_created.invalid", {{"got", f.earlier_created}}, "expected a UTC time like \"2026-11-25T14:03:00Z\", got \"" + f.earlier_created + "\"");
            ok = false;
        }
        if (!is_checksum_text(f.earlier_checksum)) {
            reader.error("/planFollowUp/earlier/checksum", "result.follow_up.earlier_checksum.invalid", {{"got", f.earlier_checksum}}, "expected \"sha256:<64 lowercase hex digits>\", got \"" + f.earlier_checksum + "\"");
            ok = false;
        }
        if (f.items.size() > kMaxFocusAreas) {
            reader.error("/planFollowUp/items", "result.follow_up.too_many",
                         {{"count", std::to_string(f.items.size())}, {"max", std::to_string(kMaxFocusAreas)}}, "the follow-up has " + std::to_string(f.items.size()) + " items; an action plan has at most " +
                                                    std::to_string(kMaxFocusAreas) + " focus areas");
            ok = false;
        }
        for (std::size_t i = 0; i < f.items.size(); ++i)
            if (!indicator_unit_known(f.items[i].earlier.indicator))
                ok = check_indicator_unit(f.items[i].earlier.indicator, child_pointer(child_pointer("/planFollowUp/items", i), "focusArea/indicator")) && ok;
        if (!ok) return;
        for (const FollowUpProblem& p : check_follow_up(f, "en"))
            reader.warning(follow_up_problem_pointer(p), p.code, p.params, must_be_corrected(p.message));
        result.assessment.follow_up = std::move(f);
    }

    void read_timestamp(const json& root, const char* key, std::string& out) {
        const std::string pointer = child_pointer("", key);
        const json* v = reader.member(root, "", key, true);
        if (!v || !reader.read_string(*v, pointer, out)) return;
        if (!is_valid_timestamp(out))
            reader.error(pointer, "result.timestamp.invalid", {{"field", key}, {"got", describe_json(*v)}},
                         "expected a UTC time like \"2026-11-25T14:03:00Z\", got " + describe_json(*v));
    }

    // An object of string fields, e.g. "questionnaire": {"id", "version", "contentHash"}.
    void read_strings(const json& root, const char* object_key, const std::vector<std::pair<std::string, std::string*>>& fields) {
        const std::string pointer = child_pointer("", object_key);
        const json* obj = reader.member(root, "", object_key, true);
        if (!obj || !reader.expect_object(*obj, pointer)) return;
        std::vector<std::string> known;
        for (const auto& [key, target] : fields) {
            known.push_back(key);
            if (const json* v = reader.member(*obj, pointer, key.c_str(), true)) reader.read_string(*v, child_pointer(pointer, key), *target);
        }
        reader.warn_unknown(*obj, pointer, known);
    }
};

} // namespace

ImportOutcome import_result(std::string_view bytes, const std::string& file, const Questionnaire& current) {
    ImportOutcome outcome;
    std::optional<json> parsed = parse_json_document(bytes, file, outcome.diagnostics, JsonLimits{kMaxResultBytes, 64});
    if (!parsed) return outcome;
    const json& root = *parsed;
    Importer im{current, JsonReader{file, &outcome.diagnostics}, {}};
    JsonReader& reader = im.reader;

    // Is this a result file at all, and one we understand? Nothing else is worth reading otherwise.
    if (!reader.expect_object(root, "")) return outcome;
    const json* format = reader.member(root, "", "format", true);
    if (!format) return outcome;
    if (*format != kResultFormat) {
        if (*format == "mangfoldighedstjek/questionnaire")
            reader.error("/format", "result.format.questionnaire_file", {}, "this is a questionnaire file, not a result file");
        else
            reader.error("/format", "result.format.wrong", got_params(*format),
                         std::string("expected \"") + kResultFormat + "\", got " + describe_json(*format) + ": not a result file");
        return outcome;
    }
    const json* version = reader.member(root, "", "formatVersion", true);
    if (!version) return outcome;
    if (!version->is_number_integer() || *version < kOldestResultFormatVersion || *version > kResultFormatVersion) {
        std::string known_versions, supported; // "1 and 2", "1, 2"
        for (int v = kOldestResultFormatVersion; v <= kResultFormatVersion; ++v) {
            known_versions += (v == kOldestResultFormatVersion ? "" : v == kResultFormatVersion ? " and " : ", ") + std::to_string(v);
            supported += (v == kOldestResultFormatVersion ? "" : ", ") + std::to_string(v);
        }
        const bool newer = version->is_number_integer() && *version > kResultFormatVersion;
        reader.error("/formatVersion", newer ? "result.format_version.newer" : "result.format_version.unsupported",
                     {{"got", describe_json(*version)}, {"supported", supported}},
                     "formatVersion " + describe_json(*version) + " is not supported; this app reads formatVersion " + known_versions +
                         (newer ? " (the file was made by a newer app)" : ""));
        return outcome;
    }
    im.result.format_version = version->get<int>();
    const bool format2 = im.result.format_version >= 2;
    std::vector<std::string> known = {"format", "formatVersion", "questionnaire", "app", "created", "updated", "language",
                                      "organisation", "answers", "scores", "actionPlan", "checksum"};
    if (format2) known.push_back("planFollowUp");
    reader.warn_unknown(root, "", known);

    // The checksum first, so a warning about edits comes before what the edits may have caused.
    ImportedResult& r = im.result;
    r.content_checksum = result_checksum(root);
    if (const json* checksum = root.contains("checksum") ? &root["checksum"] : nullptr) {
        const std::string& computed = r.content_checksum;
        if (!checksum->is_string())
            reader.warning("/checksum", "result.checksum.not_a_string", got_params(*checksum),
                           "expected a string \"sha256:<64 hex digits>\", got " + describe_json(*checksum) +
                               "; the content cannot be verified");
        else if (checksum->get<std::string>() != computed)
            reader.warning("/checksum", "result.checksum.mismatch", {{"found", checksum->get<std::string>()}, {"computed", computed}},
                           "the checksum does not match the content: the file was changed or damaged after it was exported "
                           "(file says " + describe_json(*checksum) + ", content gives \"" + computed + "\")");
        else
            r.checksum_matches = true;
    } else {
        reader.warning("", "result.checksum.missing", {}, "the file has no checksum, so changes or damage cannot be detected");
    }

    im.read_strings(root, "questionnaire", {{"id", &r.source.id}, {"version", &r.source.version}, {"contentHash", &r.source.content_hash}});
    if (!r.source.id.empty() && r.source.id != current.id) {
        reader.error("/questionnaire/id", "result.questionnaire.other", {{"questionnaire", r.source.id}, {"expected", current.id}},
                     "the result belongs to the questionnaire \"" + r.source.id + "\", not \"" + current.id + "\"");
        return outcome;
    }
    r.same_questionnaire = r.source.version == current.version && r.source.content_hash == current.content_hash;
    im.read_strings(root, "app", {{"name", &r.app_name}, {"version", &r.app_version}});
    im.read_timestamp(root, "created", r.assessment.created);
    im.read_timestamp(root, "updated", r.assessment.updated);
    if (is_valid_timestamp(r.assessment.created) && is_valid_timestamp(r.assessment.updated) && r.assessment.updated < r.assessment.created)
        reader.error("/updated", "result.timestamp.updated_before_created",
                     {{"updated", r.assessment.updated}, {"created", r.assessment.created}},
                     "the update time " + r.assessment.updated + " is before the creation time " + r.assessment.created);

    if (const json* lang = reader.member(root, "", "language", true)) {
        if (reader.read_string(*lang, "/language", r.assessment.language) &&
            std::find(current.languages.begin(), current.languages.end(), r.assessment.language) == current.languages.end()) {
            const std::string fallback = current.languages.empty() ? std::string("da") : current.languages.front();
            reader.warning("/language", "result.language.unknown", {{"language", r.assessment.language}, {"fallback", fallback}},
                           "the language \"" + r.assessment.language + "\" is not one of the questionnaire's; using \"" + fallback + "\"");
            r.assessment.language = fallback;
        }
    }
    if (const json* org = reader.member(root, "", "organisation", true))
        if (reader.expect_object(*org, "/organisation")) reader.warn_unknown(*org, "/organisation", {"name", "cvr", "sector", "employees", "contact", "email"});

    if (const json* answers = reader.member(root, "", "answers", true)) im.read_answers(*answers);
    if (const json* scores = reader.member(root, "", "scores", true)) read_score_summary(*scores, "/scores", reader, r.stored_scores);
    if (const json* plan = reader.member(root, "", "actionPlan", true)) im.read_plan(*plan);
    if (format2)
        if (const json* follow_up = reader.member(root, "", "planFollowUp", true)) im.read_follow_up_of_plan(*follow_up);

    if (!r.same_questionnaire && !r.source.version.empty()) {
        if (r.source.version != current.version)
            reader.warning("/questionnaire/version", "result.questionnaire.other_version",
                           {{"file_version", r.source.version}, {"version", current.version}, {"dropped", std::to_string(r.dropped.size())}},
                           "the result was made with questionnaire version " + r.source.version + "; this app has version " +
                               current.version + ": answers are carried over by question id (" + std::to_string(r.dropped.size()) +
                               " could not be)");
        else
            reader.warning("/questionnaire/contentHash", "result.questionnaire.changed_content",
                           {{"version", current.version}, {"dropped", std::to_string(r.dropped.size())}},
                           "the questionnaire's content has changed since the result was made (same version " + current.version +
                               ", another content hash): answers are carried over by question id (" +
                               std::to_string(r.dropped.size()) + " could not be)");
    }

    if (const Question* cvr = current.profile_field("cvr")) {
        if (const std::string* value = answer_text(r.assessment.answers, cvr->id)) {
            const CvrCheck check = check_cvr(*value);
            if (check != CvrCheck::Valid)
                reader.warning(child_pointer("/answers", cvr->id), std::string("result.cvr.") + cvr_check_id(check),
                               {{"cvr", *value}},
                               "the CVR number \"" + *value + "\" is not valid (" + cvr_message(check, "en") +
                                   "); it must be corrected before the next export");
        }
    }

    if (has_errors(outcome.diagnostics)) return outcome;
    if (r.same_questionnaire) {
        if (r.stored_scores != summarise(current, compute_scores(current, r.assessment.answers)))
            reader.warning("/scores", "result.scores.mismatch", {},
                           "the scores in the file do not match its answers; the app shows the scores computed from the answers");
    }
    outcome.result = std::move(im.result);
    return outcome;
}

namespace {

// The fast path's readers: each gives up (false) where import_result would say anything at all.
using FastKind = FastNode::Kind;

bool only_known_members(const FastDocument& doc, std::uint32_t index, std::initializer_list<std::string_view> known) {
    const FastNode& object = doc.nodes[index];
    for (std::uint32_t i = index + 1; i < object.end; i = doc.nodes[i].end)
        if (std::none_of(known.begin(), known.end(), [&](std::string_view k) { return same_key(doc.nodes[i].key, k); })) return false;
    return true;
}

const FastNode* fast_string(const FastDocument& doc, std::uint32_t object, std::string_view key) {
    const FastNode* v = doc.member(object, key);
    return v && v->kind == FastKind::String ? v : nullptr;
}

std::uint32_t index_of(const FastDocument& doc, const FastNode* node) { return static_cast<std::uint32_t>(node - doc.nodes.data()); }

// A percentage as read_percent reads it without a word: null, an integer or a float that is not
// whole, between 0 and 100.
bool fast_percent(const FastNode* v, std::optional<double>& out) {
    if (!v) return false;
    if (v->kind == FastKind::Null) {
        out.reset();
        return true;
    }
    if (!v->is_number() || !(v->number >= 0 && v->number <= 100)) return false;
    if (v->kind == FastKind::Float && v->number == std::floor(v->number)) return false;
    out = v->number;
    return true;
}

bool fast_score_summary(const FastDocument& doc, const FastNode* scores, ScoreSummary& s) {
    if (!scores || scores->kind != FastKind::Object) return false;
    const std::uint32_t at = index_of(doc, scores);
    if (scores->count != 5 || !only_known_members(doc, at, {"overall", "level", "coverage", "principles", "themes"})) return false;
    if (!fast_percent(doc.member(at, "overall"), s.overall) || !fast_percent(doc.member(at, "coverage"), s.coverage)) return false;
    const FastNode* level = doc.member(at, "level");
    if (level->kind == FastKind::String) s.level = std::string(level->text);
    else if (level->kind != FastKind::Null) return false;
    const FastNode* principles = doc.member(at, "principles");
    if (principles->kind != FastKind::Object) return false;
    for (std::uint32_t i = index_of(doc, principles) + 1; i < principles->end; i = doc.nodes[i].end) {
        std::optional<double> percent;
        if (!fast_percent(&doc.nodes[i], percent)) return false;
        s.principles.emplace_hint(s.principles.end(), std::string(doc.nodes[i].key), percent);
    }
    const FastNode* themes = doc.member(at, "themes");
    if (themes->kind != FastKind::Object) return false;
    for (std::uint32_t i = index_of(doc, themes) + 1; i < themes->end; i = doc.nodes[i].end) {
        const FastNode& theme = doc.nodes[i];
        if (theme.kind != FastKind::Object || theme.count != 2 || !only_known_members(doc, i, {"percent", "coverage"})) return false;
        ThemeSummary summary;
        if (!fast_percent(doc.member(i, "percent"), summary.percent) || !fast_percent(doc.member(i, "coverage"), summary.coverage)) return false;
        s.themes.emplace_hint(s.themes.end(), std::string(theme.key), summary);
    }
    return true;
}

// The answers as read_answers keeps them when it has nothing to say: every answer to a question of
// the current questionnaire and fitting it (check_answer), coded per question of the table. The
// keys are sorted (the fast reader insists), and so are the table's ids: one merge finds each
// answer's question, the first with that id, profile first, as Questionnaire::question does.
bool fast_answers(const FastDocument& doc, const FastNode* answers, const AnswerTable& table, std::vector<CodedAnswer>& out) {
    if (!answers || answers->kind != FastKind::Object) return false;
    out.assign(table.size(), CodedAnswer{});
    const std::vector<std::uint32_t>& by_id = table.by_id();
    std::size_t at = 0;
    for (std::uint32_t i = index_of(doc, answers) + 1; i < answers->end; i = doc.nodes[i].end) {
        const FastNode& v = doc.nodes[i];
        while (at < by_id.size() && key_less(table.question(by_id[at]).id, v.key)) ++at;
        if (at == by_id.size() || !same_key(table.question(by_id[at]).id, v.key)) return false; // not in the current questionnaire
        const std::size_t q = by_id[at];
        CodedAnswer& coded = out[q];
        if (v.kind == FastKind::String) {
            if (!table.code_text(q, v.text, coded)) return false;
        } else if (v.is_number()) {
            if (!table.code_number(q, v.number, coded)) return false;
        } else if (v.kind == FastKind::Array) {
            if (!table.begin_choices(q, coded)) return false;
            for (std::uint32_t e = i + 1; e < v.end; e = doc.nodes[e].end)
                if (doc.nodes[e].kind != FastKind::String || !table.add_choice(q, doc.nodes[e].text, coded)) return false;
            if (!table.finish_choices(q, coded)) return false;
        } else {
            return false;
        }
    }
    return true;
}

// An indicator value as read_indicator_value reads it: null, a string or a number.
bool fast_indicator_value(const FastNode* v, IndicatorValue& out) {
    if (!v) return false;
    if (v->kind == FastKind::Null) out = std::monostate{};
    else if (v->kind == FastKind::String) out = std::string(v->text);
    else if (v->is_number()) out = v->number;
    else return false;
    return true;
}

// One focus area as read_focus_area reads it without a word: its four strings and, from format 2,
// an optional indicator.
bool fast_focus_area(const FastDocument& doc, std::uint32_t i, bool with_indicators, FocusArea& area) {
    if (doc.nodes[i].kind != FastKind::Object) return false;
    if (with_indicators ? !only_known_members(doc, i, {"focus", "goal", "responsible", "followUp", "indicator"})
                        : !only_known_members(doc, i, {"focus", "goal", "responsible", "followUp"}))
        return false;
    for (auto [key, target] : {std::pair<std::string_view, std::string*>{"focus", &area.focus}, {"goal", &area.goal},
                               {"responsible", &area.responsible}, {"followUp", &area.follow_up}}) {
        const FastNode* v = fast_string(doc, i, key);
        if (!v) return false;
        *target = std::string(v->text);
    }
    if (const FastNode* indicator = with_indicators ? doc.member(i, "indicator") : nullptr; indicator && indicator->kind != FastKind::Null) {
        const std::uint32_t at = index_of(doc, indicator);
        if (indicator->kind != FastKind::Object || indicator->count != 4 || !only_known_members(doc, at, {"measure", "unit", "baseline", "target"}))
            return false;
        const FastNode* measure = fast_string(doc, at, "measure");
        const FastNode* unit = fast_string(doc, at, "unit");
        if (!measure || !unit) return false;
        area.indicator.measure = std::string(measure->text);
        area.indicator.unit = std::string(unit->text);
        if (!fast_indicator_value(doc.member(at, "baseline"), area.indicator.baseline) ||
            !fast_indicator_value(doc.member(at, "target"), area.indicator.target))
            return false;
    }
    return true;
}

// The action plan as read_action_plan reads it without a word (an array of focus areas).
bool fast_action_plan(const FastDocument& doc, const FastNode* plan, bool with_indicators, ActionPlan& out) {
    if (!plan || plan->kind != FastKind::Array) return false;
    for (std::uint32_t i = index_of(doc, plan) + 1; i < plan->end; i = doc.nodes[i].end) {
        FocusArea area;
        if (!fast_focus_area(doc, i, with_indicators, area)) return false;
        out.areas.push_back(std::move(area));
    }
    return true;
}

// The follow-up of an earlier plan (not null) as read_follow_up reads it without a word: "earlier"
// with its two strings, and "items", each with its earlier focus area, a known status or null, the
// indicator's value now and a note. (It was converted to a small nlohmann document for the
// importer's reader: about a tenth of the per-file check of the files that have one.)
bool fast_follow_up(const FastDocument& doc, const FastNode* follow_up, FollowUp& out) {
    const std::uint32_t at = index_of(doc, follow_up);
    if (follow_up->kind != FastKind::Object || !only_known_members(doc, at, {"earlier", "items"})) return false;
    const FastNode* earlier = doc.member(at, "earlier");
    const FastNode* items = doc.member(at, "items");
    if (!earlier || !items || earlier->kind != FastKind::Object || items->kind != FastKind::Array) return false;
    const std::uint32_t earlier_at = index_of(doc, earlier);
    const FastNode* created = fast_string(doc, earlier_at, "created");
    const FastNode* checksum = fast_string(doc, earlier_at, "checksum");
    if (!only_known_members(doc, earlier_at, {"created", "checksum"}) || !created || !checksum) return false;
    out.earlier_created = std::string(created->text);
    out.earlier_checksum = std::string(checksum->text);
    for (std::uint32_t i = index_of(doc, items) + 1; i < items->end; i = doc.nodes[i].end) {
        if (doc.nodes[i].kind != FastKind::Object || !only_known_members(doc, i, {"focusArea", "status", "current", "note"})) return false;
        FollowUpItem item;
        const FastNode* area = doc.member(i, "focusArea");
        const FastNode* status = doc.member(i, "status");
        const FastNode* note = fast_string(doc, i, "note");
        if (!area || !status || !note || !fast_focus_area(doc, index_of(doc, area), true, item.earlier) ||
            !fast_indicator_value(doc.member(i, "current"), item.current))
            return false;
        if (status->kind == FastKind::String) {
            const std::optional<FollowUpStatus> known = follow_up_status_from_id(status->text);
            if (!known) return false;
            item.status = *known;
        } else if (status->kind != FastKind::Null) {
            return false;
        }
        item.note = std::string(note->text);
        out.items.push_back(std::move(item));
    }
    return true;
}

} // namespace

bool import_result_fast_coded(std::string_view bytes, const Questionnaire& current, FastDocument& doc, FastImport& out) {
    if (!doc.answer_table || !doc.answer_table->made_for(current)) doc.answer_table = std::make_shared<const AnswerTable>(current);
    const AnswerTable& table = *doc.answer_table;
    if (!table.usable()) return false;
    if (!parse_fast_json(bytes, doc, "checksum", kMaxResultBytes)) return false;
    if (doc.nodes[0].kind != FastKind::Object) return false;
    const FastNode* format = fast_string(doc, 0, "format");
    if (!format || format->text != kResultFormat) return false;
    const FastNode* version = doc.member(0, "formatVersion");
    if (!version || version->kind != FastKind::Integer || version->integer < kOldestResultFormatVersion ||
        version->integer > kResultFormatVersion)
        return false;
    const bool format2 = version->integer >= 2;
    // Every member present (each is required, planFollowUp from format 2 on), none unknown.
    if (doc.nodes[0].count != (format2 ? 13u : 12u) ||
        !only_known_members(doc, 0, {"format", "formatVersion", "questionnaire", "app", "created", "updated", "language", "organisation",
                                     "answers", "scores", "actionPlan", "checksum", format2 ? "planFollowUp" : "format"}))
        return false;

    Diagnostics silent; // the Importer's readers below must leave it empty
    Importer im{current, JsonReader{std::string(), &silent}, {}};
    ImportedResult& r = im.result;
    out.table = &table;
    r.format_version = static_cast<int>(version->integer);

    const FastNode* checksum = fast_string(doc, 0, "checksum");
    if (!checksum) return false;
    r.content_checksum = "sha256:" + sha256_hex(doc.canonical);
    if (checksum->text != r.content_checksum) return false;
    r.checksum_matches = true;

    const FastNode* questionnaire = doc.member(0, "questionnaire");
    if (questionnaire->kind != FastKind::Object || questionnaire->count != 3) return false;
    const std::uint32_t q_at = index_of(doc, questionnaire);
    const FastNode* q_id = fast_string(doc, q_at, "id");
    const FastNode* q_version = fast_string(doc, q_at, "version");
    const FastNode* q_hash = fast_string(doc, q_at, "contentHash");
    if (!q_id || !q_version || !q_hash || q_id->text != current.id || q_version->text != current.version ||
        q_hash->text != current.content_hash)
        return false;
    r.source = QuestionnaireRef{current.id, current.version, current.content_hash};
    r.same_questionnaire = true;

    const FastNode* app = doc.member(0, "app");
    if (app->kind != FastKind::Object || app->count != 2) return false;
    const FastNode* app_name = fast_string(doc, index_of(doc, app), "name");
    const FastNode* app_version = fast_string(doc, index_of(doc, app), "version");
    if (!app_name || !app_version) return false;
    r.app_name = std::string(app_name->text);
    r.app_version = std::string(app_version->text);

    const FastNode* created = fast_string(doc, 0, "created");
    const FastNode* updated = fast_string(doc, 0, "updated");
    if (!created || !updated) return false;
    r.assessment.created = std::string(created->text);
    r.assessment.updated = std::string(updated->text);
    if (!is_valid_timestamp(r.assessment.created) || !is_valid_timestamp(r.assessment.updated) ||
        r.assessment.updated < r.assessment.created)
        return false;
    const FastNode* language = fast_string(doc, 0, "language");
    if (!language || std::find(current.languages.begin(), current.languages.end(), language->text) == current.languages.end())
        return false;
    r.assessment.language = std::string(language->text);
    const FastNode* organisation = doc.member(0, "organisation");
    if (organisation->kind != FastKind::Object ||
        !only_known_members(doc, index_of(doc, organisation), {"name", "cvr", "sector", "employees", "contact", "email"}))
        return false;

    if (!fast_answers(doc, doc.member(0, "answers"), table, out.answers)) return false;
    // Nothing hidden (the importer would drop and list it), so the visible answers are all of them.
    // As a condition refers only to earlier questions (the loader checks it), checking each answered
    // question against all the answers is visible_answers' one pass without its copy: by induction,
    // when every earlier answer is visible, the earlier answers it looks at are the same.
    const std::vector<CodedAnswer>& answers = out.answers;
    for (std::size_t q = 0; q < table.size(); ++q)
        if (answers[q].kind != CodedAnswer::Kind::None && !table.visible(q, answers)) return false;
    if (!fast_score_summary(doc, doc.member(0, "scores"), r.stored_scores)) return false;

    // The rules on the plan are the importer's own (accept_plan).
    ActionPlan plan;
    if (!fast_action_plan(doc, doc.member(0, "actionPlan"), format2, plan)) return false;
    im.accept_plan(std::move(plan));
    // The follow-up read from the nodes; the rules on the whole of it are the importer's own (accept_follow_up).
    if (const FastNode* follow_up = format2 ? doc.member(0, "planFollowUp") : nullptr; follow_up && follow_up->kind != FastKind::Null) {
        FollowUp f;
        if (!fast_follow_up(doc, follow_up, f)) return false;
        im.accept_follow_up(std::move(f));
    }
    if (!silent.empty() || !r.dropped.empty()) return false;

    if (const std::size_t cvr = table.role("cvr"); cvr != AnswerTable::npos && answers[cvr].kind == CodedAnswer::Kind::Text)
        if (check_cvr(std::string(answers[cvr].text)) != CvrCheck::Valid) return false;
    if (!table.scores_match(answers, r.stored_scores)) return false;
    out.result = std::move(r);
    return true;
}

std::optional<ImportedResult> import_result_fast(std::string_view bytes, const Questionnaire& current, FastDocument& doc) {
    FastImport fast;
    if (!import_result_fast_coded(bytes, current, doc, fast)) return std::nullopt;
    // The answers map in key order, as read_answers builds it.
    Answers& answers = fast.result.assessment.answers;
    for (std::uint32_t q : fast.table->by_id())
        if (fast.answers[q].kind != CodedAnswer::Kind::None)
            answers.emplace_hint(answers.end(), fast.table->question(q).id, fast.table->value(q, fast.answers[q]));
    return std::move(fast.result);
}

ImportOutcome import_result_file(const std::string& path, const Questionnaire& current) {
    ImportOutcome outcome;
    std::string bytes;
    if (!read_file_bytes(path, bytes, outcome.diagnostics, kMaxResultBytes)) return outcome;
    return import_result(bytes, path, current);
}

namespace {

ScoreChange change_of(const std::string& id, std::optional<double> before, std::optional<double> after) {
    ScoreChange c{id, before, after, std::nullopt};
    if (before && after) c.change = round1(*after - *before); // round again: 66.7 - 50.1 is 16.600000000000001
    return c;
}

template <typename Map, typename Get>
std::vector<ScoreChange> changes(const std::vector<std::string>& order, const Map& earlier, const Map& now, Get get) {
    std::vector<ScoreChange> out;
    std::set<std::string> done;
    auto value = [&](const Map& m, const std::string& id) -> std::optional<double> {
        auto it = m.find(id);
        return it == m.end() ? std::nullopt : get(it->second);
    };
    for (const std::string& id : order) {
        out.push_back(change_of(id, value(earlier, id), value(now, id)));
        done.insert(id);
    }
    for (const auto& entry : earlier)
        if (!done.count(entry.first)) out.push_back(change_of(entry.first, get(entry.second), value(now, entry.first)));
    return out;
}

} // namespace

ScoreComparison compare_scores(const Questionnaire& current, const ScoreSummary& earlier, const ScoreSummary& now) {
    ScoreComparison c;
    c.overall = change_of("overall", earlier.overall, now.overall);
    c.level_before = earlier.level;
    c.level_after = now.level;
    auto level_index = [&](const std::optional<std::string>& id) -> std::optional<int> {
        if (!id) return std::nullopt;
        for (std::size_t i = 0; i < current.levels.size(); ++i)
            if (current.levels[i].id == *id) return static_cast<int>(i);
        return std::nullopt;
    };
    std::optional<int> before = level_index(earlier.level), after = level_index(now.level);
    if (before && after) c.level_steps = *after - *before;

    std::vector<std::string> principle_order, theme_order;
    for (const Principle& p : current.principles) principle_order.push_back(p.id);
    for (const Theme& t : current.themes) theme_order.push_back(t.id);
    c.principles = changes(principle_order, earlier.principles, now.principles, [](const std::optional<double>& x) { return x; });
    c.themes = changes(theme_order, earlier.themes, now.themes, [](const ThemeSummary& t) { return t.percent; });
    return c;
}

} // namespace mf
