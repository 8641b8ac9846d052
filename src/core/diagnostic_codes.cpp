// diagnostic_codes.cpp - the registry of diagnostic codes (diagnostic_codes.h; docs/diagnostics.md).
//
// Index
//   1. Kinds that several families share: the answer kinds of check_answer (answer_check.h), made
//      into "result.answer.<kind>" and "export.answer.<kind>"; the CVR checks (cvr_check_id, cvr.h),
//      made into "result.cvr.<kind>", "export.cvr.<kind>" and "profile.cvr.<kind>"
//   2. build: every family in order: file, json, internal, questionnaire, result, scores, export,
//      action_plan, indicator, follow_up, profile, aggregate, bundle, benchmark, session,
//      workshop
//   3. diagnostic_codes, find_diagnostic_code, fits_registry
//   4. diagnostic_text (diag.<code> filled from the parameters), diagnostic_details
//
// Parameter names follow one convention (docs/diagnostics.md, "Parameters"): "got" is the offending
// JSON value as the message shows it and "got_type" its JSON type; "value" an offending value as
// plain text; line, column and byte count from 1, 1 and 0; sizes are bytes.
#include "core/diagnostic_codes.h"

#include <initializer_list>
#include <utility>

namespace mf {
namespace {

using Params = std::vector<std::string>;

// ---------------------------------------------------------------------------------------------
// 1. Shared kinds
// ---------------------------------------------------------------------------------------------
// The answer kinds of check_answer (answer_check.h) with their own parameters.
struct Kind {
    const char* kind;
    Params params;
    const char* description;
};
const Kind kAnswerKinds[] = {
    {"wrong_type", {"expected", "got_type"}, "the answer is the wrong kind of value for its question (expected: option_id, yes_no, option_ids, number or text; got_type: string, number or list)"},
    {"not_an_option", {"value"}, "the answer names an option the question does not have"},
    {"not_yes_no", {"value"}, "a yes/no answer that is not \"yes\", \"no\" or \"dont_know\""},
    {"chosen_twice", {"value"}, "a multiple-choice answer names the same option twice"},
    {"exclusive_with_others", {}, "an option that excludes the others (\"none of these\") is chosen together with others"},
    {"not_finite", {}, "a number answer that is not a finite number"},
    {"not_whole", {"value"}, "a number answer that is not a whole number where the question asks for one"},
    {"below_minimum", {"value", "min"}, "a number answer below the question's minimum"},
    {"above_maximum", {"value", "max"}, "a number answer above the question's maximum"},
    {"unknown_type", {}, "the question has a type this program does not know (not reached: the loader refuses such questions)"},
};

// The CVR check results (cvr_check_id, cvr.h).
const std::pair<const char*, const char*> kCvrKinds[] = {
    {"empty", "no CVR number"},
    {"wrong_length", "the CVR number does not have 8 digits"},
    {"not_digits", "the CVR number has characters other than digits and spaces"},
    {"leading_zero", "the CVR number starts with 0"},
    {"bad_checksum", "the CVR number's check digit does not match (modulus 11)"},
};

// ---------------------------------------------------------------------------------------------
// 2. The registry
// ---------------------------------------------------------------------------------------------
// One entry of the registry, out of line: build() adds about 190, and each one inlined built its
// strings and its vector in place, which was 40 KB of the web page's code (docs/performance.md).
[[gnu::noinline]] void add_entry(std::vector<DiagnosticCodeInfo>& r, const char* code, std::initializer_list<const char*> params, const char* description) {
    r.push_back(DiagnosticCodeInfo{code, Params(params.begin(), params.end()), description});
}

// kDescribed: with each code's English description (diagnostic_codes(): the docs and their test), or
// without (fits_registry: all the app and the tools need). The descriptions are about 10 KB of text;
// in the build without them they are never referenced, so the linker leaves them out of a program
// that only checks codes (the respondent's web page: docs/performance.md).
template <bool kDescribed>
std::vector<DiagnosticCodeInfo> build() {
    std::vector<DiagnosticCodeInfo> r;
    auto add = [&r](const char* code, std::initializer_list<const char*> params, [[maybe_unused]] const char* description) {
        add_entry(r, code, params, kDescribed ? description : "");
    };
    auto add_answer_kinds = [&](const std::string& prefix, const Params& context, [[maybe_unused]] const char* where) {
        for (const Kind& k : kAnswerKinds) {
            Params params = context;
            params.insert(params.end(), k.params.begin(), k.params.end());
            r.push_back(DiagnosticCodeInfo{prefix + k.kind, std::move(params), kDescribed ? std::string(where) + k.description : std::string()});
        }
    };
    auto add_cvr_kinds = [&](const std::string& prefix, [[maybe_unused]] const char* where) {
        for (const auto& [kind, description] : kCvrKinds)
            r.push_back(DiagnosticCodeInfo{prefix + kind, {"cvr"}, kDescribed ? std::string(where) + description : std::string()});
    };

    // Reading a file (json_input.h, mf-validate)
    add("file.cannot_open", {}, "the file cannot be opened");
    add("file.not_a_file", {}, "the path cannot be read as a file (it may be a folder)");
    add("file.cannot_read", {}, "reading the file failed");
    add("file.not_found", {}, "mf-validate: no such file");
    add("file.is_folder", {}, "mf-validate: the path is a folder, not a file");
    add("file.no_permission", {}, "mf-validate: the file exists but cannot be opened (permission?)");

    // The JSON gate (json_input.h) and typed reading (json_reader.h), shared by every file kind
    add("json.too_large", {"size", "limit"}, "the file is larger than the limit for its kind, so it is not read");
    add("json.byte_order_mark", {}, "the file starts with a UTF-8 byte order mark");
    add("json.invalid_utf8", {"line", "column", "byte"}, "the file is not valid UTF-8 (first invalid byte at line, column; byte is its offset from 0)");
    add("json.empty", {}, "the file is empty or only white space");
    add("json.syntax", {"line", "column", "detail"}, "the file is not valid JSON (detail: the JSON parser's English description)");
    add("json.truncated", {"line", "column", "detail"}, "the file ends in the middle of the JSON (cut off or damaged)");
    add("json.invalid", {"detail"}, "the file is not valid JSON and the parser gave no position");
    add("json.too_deep", {"limit"}, "arrays and objects nest deeper than the limit");
    add("json.duplicate_key", {"key"}, "the same key appears twice in one object");
    add("json.number_too_large", {"number"}, "a number is too large for a double (e.g. 1e400)");
    add("json.missing_field", {"field"}, "a required field is missing");
    add("json.unknown_field", {"field"}, "warning: a field this program does not know is ignored");
    add("json.expected_object", {"got", "got_type"}, "expected an object");
    add("json.expected_array", {"got", "got_type"}, "expected an array");
    add("json.expected_string", {"got", "got_type"}, "expected a string");
    add("json.expected_number", {"got", "got_type"}, "expected a number");
    add("json.expected_number_or_null", {"got", "got_type"}, "expected a number or null");
    add("json.expected_boolean", {"got", "got_type"}, "expected true or false");
    add("json.not_finite", {}, "expected a finite number");
    add("json.expected_indicator_value", {"got", "got_type"}, "an indicator value is not a number, a string or null");

    // Unexpected exceptions turned into diagnostics (the promise of never throwing)
    add("internal.read_failed", {"detail"}, "an unexpected error while reading a questionnaire file");
    add("internal.parse_failed", {"detail"}, "an unexpected error while parsing a questionnaire's JSON");
    add("internal.load_failed", {"detail"}, "an unexpected error while loading a questionnaire");

    // Questionnaire files (questionnaire_load.h, docs/questionnaire-format.md)
    add("questionnaire.not_an_object", {"got", "got_type"}, "the document is not a JSON object");
    add("questionnaire.format.wrong", {"got", "got_type"}, "\"format\" is not \"mangfoldighedstjek/questionnaire\"");
    add("questionnaire.format_version.not_an_integer", {"got", "got_type"}, "\"formatVersion\" is not an integer");
    add("questionnaire.format_version.unknown", {"version", "supported"}, "a format version this program does not read");
    add("questionnaire.schema.not_a_string", {"got", "got_type"}, "\"$schema\" is not a string");
    add("questionnaire.field.missing", {"field"}, "a required field is missing");
    add("questionnaire.field.unknown", {"field"}, "warning: an unknown field is ignored");
    add("questionnaire.field.not_for_type", {"field", "type"}, "warning: a field that belongs to other question types is ignored");
    add("questionnaire.field.empty", {"field"}, "a string field is empty or only white space");
    add("questionnaire.id.invalid", {"id"}, "an id that is not ^[a-z][a-z0-9_]*$ or longer than 64 characters");
    add("questionnaire.number.negative", {"got"}, "a number that must be 0 or more is negative");
    add("questionnaire.number.out_of_range", {"min", "max", "got"}, "a number outside its allowed range");
    add("questionnaire.number.min_above_max", {"min", "max"}, "a number question's min is above its max");
    add("questionnaire.text.not_a_text", {"languages", "got", "got_type"}, "a text is not an object with one string per language (languages: the listed codes, comma-separated)");
    add("questionnaire.text.language_not_listed", {"language"}, "warning: a text has a language not in \"languages\"; it is ignored");
    add("questionnaire.text.empty", {"language"}, "a text's translation is empty");
    add("questionnaire.text.missing_translation", {"language"}, "a text lacks the translation for a listed language");
    add("questionnaire.languages.empty", {}, "\"languages\" is empty");
    add("questionnaire.language.not_a_string", {"got", "got_type"}, "a language code is not a string");
    add("questionnaire.language.invalid", {"language"}, "a language code is not two or three lower-case letters");
    add("questionnaire.language.duplicate", {"language"}, "a language is listed twice");
    add("questionnaire.principles.empty", {}, "\"principles\" is empty");
    add("questionnaire.principle.duplicate_id", {"id", "first_at"}, "two principles have the same id (first_at: the pointer of the first)");
    add("questionnaire.principle.not_weighted", {"principle"}, "no question gives weight to a principle, so it cannot be scored");
    add("questionnaire.levels.empty", {}, "\"levels\" is empty");
    add("questionnaire.level.duplicate_id", {"id", "first_at"}, "two levels have the same id");
    add("questionnaire.level.first_not_zero", {"value"}, "the first level's minPercent is not 0");
    add("questionnaire.level.not_ascending", {"value", "previous"}, "a level's minPercent is not above the level before");
    add("questionnaire.profile.missing_role", {"role"}, "no profile question has a role the result file needs (name, cvr, sector, employees)");
    add("questionnaire.role.unknown", {"role"}, "a role that is not name, cvr, sector, employees, contact or email");
    add("questionnaire.role.duplicate", {"role", "first_at"}, "two profile questions have the same role");
    add("questionnaire.role.wrong_type", {"role", "needed", "type"}, "a role on a question type that cannot hold it (needed: the allowed types, comma-separated)");
    add("questionnaire.themes.empty", {}, "\"themes\" is empty");
    add("questionnaire.theme.duplicate_id", {"id", "first_at"}, "two themes have the same id");
    add("questionnaire.theme.no_questions", {}, "a theme has no questions");
    add("questionnaire.theme.no_scored_question", {}, "a theme has no scored question, so it has no percentage");
    add("questionnaire.indicator.unit.unknown", {"unit"}, "a theme's suggested indicator has a unit other than \"percent\", \"number\" or \"yesno\"");
    add("questionnaire.below_percent.not_above_zero", {"value"}, "a theme recommendation's belowPercent is 0");
    add("questionnaire.question.duplicate_id", {"id", "first_at"}, "two questions have the same id");
    add("questionnaire.question.unknown_type", {"type"}, "a question type that is not single, yesno, multiple, number or text");
    add("questionnaire.question.role_outside_profile", {}, "a question outside the profile has a role");
    add("questionnaire.question.unknown_format", {"format"}, "a text question's format is not \"email\" or \"cvr\"");
    add("questionnaire.option.duplicate_id", {"id", "first_at"}, "two options of a question have the same id");
    add("questionnaire.options.empty", {}, "a choice question has no options");
    add("questionnaire.options.no_score_above_zero", {}, "no option of a scored single-choice question scores above 0");
    add("questionnaire.max_points.not_above_zero", {"value"}, "a multiple-choice question's maxPoints is 0");
    add("questionnaire.max_points.above_sum", {"value", "sum"}, "maxPoints is more than the options' points add up to");
    add("questionnaire.weights.not_an_object", {"got", "got_type"}, "\"weights\" is not an object from principle id to weight");
    add("questionnaire.weights.unknown_principle", {"principle"}, "a weight names a principle the questionnaire does not have");
    add("questionnaire.weights.none_above_zero", {}, "no weight of a scored question is above 0");
    add("questionnaire.weights.on_profile_question", {}, "a profile question has weights (profile questions are never scored)");
    add("questionnaire.weights.on_unscored_question", {"type"}, "an unscored question (number or text) has weights");
    add("questionnaire.recommendations.on_unscored_question", {"type"}, "an unscored question has recommendations (type: \"profile\" or the question type)");
    add("questionnaire.condition.not_an_object", {"got", "got_type"}, "a condition is not an object");
    add("questionnaire.condition.too_deep", {"limit"}, "conditions nest deeper than the limit");
    add("questionnaire.condition.no_kind", {}, "a condition has none of \"all\", \"any\", \"not\" and \"question\"");
    add("questionnaire.condition.several_kinds", {"kinds"}, "a condition has more than one of \"all\", \"any\", \"not\" and \"question\" (kinds: those it has, comma-separated)");
    add("questionnaire.condition.empty_list", {"key"}, "an \"all\" or \"any\" condition has an empty list");
    add("questionnaire.condition.refers_to_itself", {"question"}, "a question's visibility condition refers to the question itself");
    add("questionnaire.condition.refers_to_later", {"question", "defined_at"}, "a condition refers to a question defined later in the file");
    add("questionnaire.condition.unknown_question", {"question"}, "a condition refers to a question that does not exist");
    add("questionnaire.condition.unknown_op", {"op"}, "a condition's op is not one of =, !=, >, >=, <, <=, includes, answered");
    add("questionnaire.condition.answered_with_value", {}, "an \"answered\" condition has a value");
    add("questionnaire.condition.op_not_for_type", {"op", "question", "type", "allowed"}, "a condition's op cannot be used with the referenced question's type (allowed: comma-separated)");
    add("questionnaire.condition.value_not_option_id", {"question", "got", "got_type"}, "a condition's value is not a string (an option id)");
    add("questionnaire.condition.value_not_an_option", {"value", "question", "options"}, "a condition's value is not an option of the referenced question (options: comma-separated)");

    // Result files: import (result.h, docs/result-format.md)
    add("result.format.questionnaire_file", {}, "the file is a questionnaire, not a result file");
    add("result.format.wrong", {"got", "got_type"}, "\"format\" is not \"mangfoldighedstjek/result\": not a result file");
    add("result.format_version.unsupported", {"got", "supported"}, "a formatVersion this program does not read");
    add("result.format_version.newer", {"got", "supported"}, "a higher formatVersion than this program reads: made by a newer app");
    add("result.checksum.missing", {}, "warning: the file has no checksum, so changes cannot be detected");
    add("result.checksum.not_a_string", {"got", "got_type"}, "warning: the checksum is not a string, so the content cannot be verified");
    add("result.checksum.mismatch", {"found", "computed"}, "warning: the checksum does not match the content: changed or damaged after export (found: the file's, computed: the content's)");
    add("result.questionnaire.other", {"questionnaire", "expected"}, "the result belongs to another questionnaire (by id)");
    add("result.questionnaire.other_version", {"file_version", "version", "dropped"}, "warning: made with another questionnaire version; answers carried over by id (dropped: how many could not be)");
    add("result.questionnaire.changed_content", {"version", "dropped"}, "warning: same questionnaire version but another content hash; answers carried over by id");
    add("result.timestamp.invalid", {"field", "got"}, "\"created\" or \"updated\" (field) is not a UTC time like 2026-11-25T14:03:00Z");
    add("result.timestamp.updated_before_created", {"updated", "created"}, "the update time is before the creation time");
    add("result.language.unknown", {"language", "fallback"}, "warning: the language is not one of the questionnaire's; the fallback is used");
    add("result.answer.unreadable", {"got", "got_type"}, "an answer is not a string, a number or an array of option ids");
    add("result.answer.unknown_question", {"question", "version"}, "warning: an answer to a question not in this questionnaire version is dropped");
    add_answer_kinds("result.answer.", {"question", "version"}, "warning: an answer that does not fit its question in this version is dropped: ");
    add("result.answer.hidden", {"question"}, "warning: an answer to a question that the file's other answers hide (its visibleIf is false) is dropped");
    add("result.action_plan.too_many", {"count", "max"}, "the action plan has more focus areas than allowed");
    add("result.action_plan.unknown_focus", {"focus", "version"}, "warning: a focus area not in this questionnaire version is dropped");
    add("result.action_plan.duplicate_focus", {"focus"}, "warning: a focus area already in the plan is dropped");
    add_cvr_kinds("result.cvr.", "warning: the CVR number is not valid and must be corrected before the next export: ");
    add("result.indicator.unit.unknown", {"unit"}, "an indicator's unit is not \"percent\", \"number\" or \"yesno\"");
    add("result.follow_up.status.unknown", {"got", "got_type"}, "a follow-up item's status is not \"reached\", \"partly\", \"not_reached\", \"dropped\" or null");
    add("result.follow_up.earlier_created.invalid", {"got"}, "the follow-up names its earlier result with a time that is not a UTC time");
    add("result.follow_up.earlier_checksum.invalid", {"got"}, "the follow-up names its earlier result with a checksum that is not \"sha256:<64 hex digits>\"");
    add("result.follow_up.too_many", {"count", "max"}, "the follow-up has more items than an action plan has focus areas");
    add("result.scores.mismatch", {}, "warning: the stored scores do not match the answers; the scores computed from the answers are shown");
    add("scores.not_a_percentage", {"got"}, "a stored score is not a percentage between 0 and 100");
    add("scores.whole_number_as_float", {"got", "value"}, "warning: a stored score that is a whole number is written with a fraction or an exponent (got: as written, value: the integer the format writes)");

    // Result files: export (export_result, result.h); messages in the respondent's language
    add("export.timestamp.invalid", {"field", "value"}, "the creation or update time (field: created or updated) is not valid");
    add("export.timestamp.updated_before_created", {"updated", "created"}, "the update time is before the creation time");
    add("export.language.unknown", {"language"}, "the assessment's language is not one of the questionnaire's");
    add_answer_kinds("export.answer.", {"question", "question_text"}, "an answer that does not fit its question: ");
    add("export.profile.missing", {"question", "question_text"}, "a required profile question is unanswered");
    add_cvr_kinds("export.cvr.", "the CVR number cannot be exported: ");
    add("export.follow_up.earlier_created.invalid", {"value"}, "the follow-up names its earlier result with a time that is not valid");
    add("export.follow_up.earlier_checksum.invalid", {"value"}, "the follow-up names its earlier result with a checksum that is not valid");
    add("export.follow_up.too_many", {"count", "max"}, "the follow-up has more items than an action plan has focus areas");
    // The action plan's and the follow-up's problems keep their action_plan.*, indicator.* and follow_up.* codes.

    // The action plan (check_action_plan, action_plan.h); messages in Danish or English
    add("action_plan.too_many", {"count", "max"}, "more focus areas than allowed");
    add("action_plan.focus.empty", {}, "a focus area has no theme or question chosen");
    add("action_plan.focus.unknown", {"focus"}, "a focus area that is not a theme or scored question of the questionnaire");
    add("action_plan.focus.duplicate", {"focus"}, "the same focus area is chosen twice");
    add("action_plan.goal.empty", {}, "a focus area has no goal");
    add("action_plan.responsible.empty", {}, "a focus area has no one responsible");
    add("action_plan.follow_up.missing", {}, "a focus area has no follow-up date");
    add("action_plan.follow_up.invalid", {"value"}, "the follow-up date is not a date written YYYY-MM-DD");
    add("action_plan.follow_up.past", {"value", "today"}, "the follow-up date is before today");
    add("action_plan.indicator.missing", {}, "warning: a focus area has no indicator");
    add("action_plan.indicator.measure.empty", {}, "an indicator has no measure");
    add("action_plan.indicator.unit.missing", {}, "an indicator has no unit");
    add("action_plan.indicator.unit.unknown", {"unit"}, "an indicator's unit is not percent, number or yes/no");
    add("action_plan.indicator.baseline.missing", {}, "an indicator has no baseline");
    add("action_plan.indicator.target.missing", {}, "an indicator has no target");
    add("action_plan.indicator.no_change", {"value"}, "warning: the indicator's target is the same as its baseline");

    // An indicator value that does not fit its unit (check_indicator_value, action_plan.h): in the
    // action plan (baseline, target) and in the follow-up (the value now); value as English writes it
    add("indicator.value.not_yes_no", {"value"}, "the unit is yes/no but the value is not yes or no");
    add("indicator.value.not_a_number", {"value"}, "the unit is a percentage or a number but the value is not a number");
    add("indicator.value.percent_range", {"value"}, "a percentage outside 0 to 100");

    // The follow-up of an earlier plan (check_follow_up, follow_up.h); messages in Danish or English
    add("follow_up.status.missing", {}, "a follow-up item has no status chosen");
    add("follow_up.current.without_indicator", {}, "a value now is given for a focus area that had no indicator");
    add("follow_up.note.too_long", {"length", "max"}, "a follow-up note is longer than allowed (characters)");

    // Profile fields while typing (check_profile_field, session.h); messages in Danish or English
    add("profile.choose_option", {}, "a required choice field has nothing chosen");
    add("profile.fill_in", {}, "a required field is empty");
    add("profile.email.invalid", {"value"}, "the e-mail address does not look like one");
    add("profile.number.invalid", {"value"}, "the text is not a number");
    add("profile.number.not_whole", {"value"}, "the number is not a whole number");
    add("profile.number.out_of_range", {"value", "min", "max"}, "the number is outside min..max");
    add("profile.number.below_minimum", {"value", "min"}, "the number is below the minimum (the field has no maximum)");
    add("profile.number.above_maximum", {"value", "max"}, "the number is above the maximum (the field has no minimum)");
    add_cvr_kinds("profile.cvr.", "the CVR number typed is not valid: ");

    // The municipality's checks on top of the import (check_result, aggregate.h)
    add("aggregate.cvr.missing", {}, "the result has no CVR number, so it cannot be matched to an organisation");
    add("aggregate.scores.not_comparable", {"file_version", "version", "missing_principles", "missing_themes", "extra_principles", "extra_themes"},
        "made with another questionnaire version whose scores name other principles or themes (the lists are ids, comma-separated, possibly empty)");

    // Bundles of result files (bundle.h)
    add("bundle.format_version.unknown", {"version", "supported"}, "a bundle format version this program does not read");
    add("bundle.too_many_results", {"count", "max"}, "the bundle holds more results than allowed");
    add("bundle.member.missing_result", {}, "a bundle member has no \"result\"");
    add("bundle.member.not_an_object", {"got", "got_type"}, "a bundle member's \"result\" is not an object");
    add("bundle.member.unfinished", {}, "a member a workshop exported unfinished, not counted unless asked for");

    // The benchmark the municipality publishes back to the companies (benchmark_compare.h, docs/benchmark.md)
    add("benchmark.format.wrong", {"got", "got_type"}, "\"format\" is not \"mangfoldighedstjek/benchmark\": not a benchmark file");
    add("benchmark.format_version.unknown", {"version", "supported"}, "a benchmark format version this program does not read");
    add("benchmark.questionnaire.other", {"questionnaire", "expected"}, "the benchmark is about another questionnaire (by id)");
    add("benchmark.min_group.invalid", {"got"}, "\"minGroup\" is not a whole number of 3 or more");
    add("benchmark.year.invalid", {"got"}, "a year is not a whole number from 1900 to 9999");
    add("benchmark.dimension.unknown", {"got"}, "a group's dimension is not all, sector or size");
    add("benchmark.kind.unknown", {"got"}, "a part's kind is not overall, principle or theme");
    add("benchmark.count.invalid", {"got", "got_type"}, "a count is not a whole number of 0 or more, {\"under\": k} with k of 3 or more, or null");
    add("benchmark.percent.invalid", {"got"}, "a quartile is not a percentage from 0 to 100 or null");
    add("benchmark.quartiles.small_group", {"n", "min_group"}, "quartiles are given for a group not published with at least minGroup organisations (the disclosure rule)");
    add("benchmark.quartiles.not_ordered", {"q1", "median", "q3"}, "the quartiles are not all given, or not ordered q1 <= median <= q3");

    // The app's saved state (session.h, workshop.h)
    add("session.format.wrong", {}, "the saved text is not a session of this app");
    add("workshop.format.wrong", {}, "the saved text is not a workshop list of this app");
    add("workshop.format_version.unknown", {"version", "supported"}, "a workshop list version this app does not read");
    add("workshop.entries.too_many", {"max"}, "warning: more assessments than the list holds; the rest are not listed");
    add("workshop.entry.unreadable", {"detail"}, "warning: a list entry of the wrong shape is left out (detail: pointer and message)");
    add("workshop.entry.bad_id", {"id"}, "warning: a list entry whose id is not a1, a2, ... is left out");
    add("workshop.entry.duplicate_id", {"id"}, "warning: a list entry listed twice is left out");
    add("workshop.entry.bad_name", {"max"}, "warning: a list entry whose name is too long or not one line is left out");
    add("workshop.entry.bad_timestamp", {"field"}, "warning: a list entry whose created or updated time is malformed is left out");
    add("workshop.entry.storage_failed", {}, "the browser's storage (or the desktop's file) could not be read for this assessment");
    add("workshop.entry.too_large", {"size", "limit"}, "the saved assessment is too large to be one");

    return r;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// 3. Lookup
// ---------------------------------------------------------------------------------------------
const std::vector<DiagnosticCodeInfo>& diagnostic_codes() {
    static const std::vector<DiagnosticCodeInfo> codes = build<true>();
    return codes;
}

static const DiagnosticCodeInfo* find_code_in(const std::vector<DiagnosticCodeInfo>& codes, std::string_view code) {
    for (const DiagnosticCodeInfo& info : codes)
        if (info.code == code) return &info;
    return nullptr;
}

const DiagnosticCodeInfo* find_diagnostic_code(std::string_view code) { return find_code_in(diagnostic_codes(), code); }

bool fits_registry(std::string_view code, const DiagnosticParams& params) {
    // The registry without descriptions: the same codes and parameters, in the same order.
    static const std::vector<DiagnosticCodeInfo> codes = build<false>();
    const DiagnosticCodeInfo* info = find_code_in(codes, code);
    if (!info || info->params.size() != params.size()) return false;
    for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].first != info->params[i]) return false;
    return true;
}

// ---------------------------------------------------------------------------------------------
// 4. The plain-language text
// ---------------------------------------------------------------------------------------------
std::string diagnostic_text(const Texts& texts, std::string_view code, const DiagnosticParams& params, const std::string& fallback) {
    if (!fits_registry(code, params)) return fallback;
    const std::string key = "diag." + std::string(code);
    if (!find_text(key)) return fallback;
    TextArgs args;
    args.reserve(params.size());
    for (const auto& [name, value] : params) args.push_back(TextArg{name.c_str(), value});
    return texts(key, args);
}

std::string diagnostic_text(const Texts& texts, const Diagnostic& diagnostic) {
    return diagnostic_text(texts, diagnostic.code, diagnostic.params, diagnostic.message);
}

std::string diagnostic_details(const Diagnostic& diagnostic) {
    std::string out = diagnostic.to_string();
    if (!diagnostic.code.empty()) out += " [" + diagnostic.code + "]";
    return out;
}

} // namespace mf
