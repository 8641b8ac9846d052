// result.h - the assessment (what a respondent did) and the result file the municipality receives.
//
// Index
//   - Assessment            answers + action plan + follow-up of an earlier plan + language +
//                           timestamps: the whole state to save, with to_json / from_json (a draft
//                           needs no questionnaire)
//   - result_document       the result file as JSON (docs/result-format.md), checksum included
//   - export_result         the checked export: refuses what the municipality cannot use
//   - import_result         a result file (format 1 or 2) back into an Assessment, carried over to
//                           the current questionnaire, with every problem and every dropped answer
//                           listed
//   - compare_scores        last year's scores beside this year's, per principle and theme
//
// Core has no clock: the caller passes timestamps and "today". The checksum is SHA-256 over a
// canonical form; it detects corruption and casual edits, it is NOT a signature (anyone can
// recompute it). Import never touches the caller's state: it returns a new Assessment, which the
// caller adopts only when import succeeded.
#pragma once
#include "core/action_plan.h"
#include "core/answer_table.h"
#include "core/answers.h"
#include "core/diagnostics.h"
#include "core/follow_up.h"
#include "core/json_reader.h"
#include "core/questionnaire.h"
#include "core/scoring.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

inline constexpr const char* kResultFormat = "mangfoldighedstjek/result";
// The version export writes. Format 2 added indicators on focus areas and the follow-up of an earlier
// plan; import reads every version from kOldestResultFormatVersion on (docs/result-format.md).
inline constexpr int kResultFormatVersion = 2;
inline constexpr int kOldestResultFormatVersion = 1;
inline constexpr std::size_t kMaxResultBytes = 2u << 20; // 2 MiB: a full result is about 10 KB
inline constexpr const char* kAppName = "Mangfoldighedstjek";

struct Assessment {
    std::string language = "da";
    std::string created;   // UTC ISO 8601, "2026-11-25T14:03:00Z"
    std::string updated;   // same format, >= created
    Answers answers;       // profile and theme answers by question id
    ActionPlan action_plan;
    std::optional<FollowUp> follow_up; // of an earlier result's plan, when the respondent follows one up
};

// {"language", "created", "updated", "answers", "actionPlan", "planFollowUp"}; answers, plan and
// follow-up as in result files ("planFollowUp" null when there is none).
void to_json(nlohmann::json& j, const Assessment& assessment);
// Types only (answers are strings, numbers or arrays of strings); whether they fit a questionnaire is
// import_result's business. Reports every problem through `reader`; false when any was found.
bool read_assessment(const nlohmann::json& j, const std::string& pointer, const JsonReader& reader, Assessment& assessment);
// Throws std::invalid_argument("/pointer: message") for the first problem.
void from_json(const nlohmann::json& j, Assessment& assessment);

struct QuestionnaireRef {
    std::string id;
    std::string version;
    std::string content_hash; // "sha256:<hex>", from the loader
};

// True for "2026-11-25T14:03:00Z": exactly this shape, a real date, 00:00:00 to 23:59:59.
bool is_valid_timestamp(const std::string& text);

// The result file as JSON, checksum included, without any checks (answers that do not fit their
// question, and answers to hidden questions, are left out). Useful for saving a draft.
nlohmann::json result_document(const Questionnaire& questionnaire, const Assessment& assessment);

// The text of a result file: result_document pretty-printed (2 spaces, sorted keys, "\n" at the end).
std::string result_text(const Questionnaire& questionnaire, const Assessment& assessment);

// "sha256:<hex>" of the canonical form: the document without "checksum", compact, keys sorted.
std::string result_checksum(const nlohmann::json& document);

struct ExportOutcome {
    std::string text;          // the file's bytes; empty when refused
    Diagnostics diagnostics;   // in the assessment's language; errors mean refused
    bool ok() const { return !has_errors(diagnostics); }
};

// Refuses (with every reason) when: a timestamp is malformed or updated < created, the language is
// not the questionnaire's, a required profile field is unanswered, the CVR number is not valid
// (modulus 11), an answer does not fit its question, the action plan breaks a rule of
// check_action_plan other than the date being past (the export has no "today"; its warnings do not
// refuse), or the follow-up breaks a rule of check_follow_up or names its earlier file with a
// malformed time or checksum. `file` names the export in messages.
ExportOutcome export_result(const Questionnaire& questionnaire, const Assessment& assessment,
                            const std::string& file = "result.json");

// Something in the file that was not carried over, e.g. {"/answers/q7", "the question \"q7\" is not
// in questionnaire version 1.1.0"}.
struct DroppedItem {
    std::string pointer;
    std::string reason;
};

struct ImportedResult {
    Assessment assessment;           // fits the current questionnaire: safe to adopt as is
    int format_version = 0;          // the file's formatVersion (1 or 2)
    QuestionnaireRef source;         // the questionnaire the file was made with
    std::string app_name, app_version;
    ScoreSummary stored_scores;      // the scores as written in the file (what compare uses)
    ActionPlan stored_plan;          // the action plan as written in the file (what a follow-up of
                                     // this file follows up), even focus areas the current
                                     // questionnaire no longer has
    std::string content_checksum;    // result_checksum of the file's content: what a follow-up
                                     // records (equal to the file's own checksum when that matches)
    std::vector<DroppedItem> dropped;
    bool checksum_matches = false;
    bool same_questionnaire = false; // same version and content hash as the current questionnaire
};

struct ImportOutcome {
    std::optional<ImportedResult> result; // absent when any error was found
    Diagnostics diagnostics;              // errors and warnings, each with file and JSON pointer
};

// Reads result-file bytes of format 1 or 2. Errors: over kMaxResultBytes, not UTF-8, malformed JSON,
// not a result file, an unknown formatVersion, another questionnaire id, wrong types (an unknown
// indicator unit or follow-up status included), malformed timestamps, more than three focus areas or
// follow-up items, a follow-up whose earlier file has a malformed time or checksum. Warnings (the
// file still loads): checksum missing or wrong, another questionnaire version, dropped answers and
// focus areas, stored scores that disagree with the answers, an invalid CVR number, an indicator or a
// follow-up that breaks a rule of check_action_plan / check_follow_up (kept: it must be corrected
// before the next export), unknown fields (in format 1, "indicator" and "planFollowUp" are unknown). The warnings' pointers are stable (mf-aggregate relies on them):
// "/checksum" ("" when it is missing), "/scores", "/answers/<the CVR question's id>",
// "/questionnaire/version" or "/questionnaire/contentHash", and each dropped item's pointer. Every
// diagnostic has its code and parameters ("result.*", "json.*"; the export's "export.*" and
// "action_plan.*"), listed in docs/diagnostics.md.
ImportOutcome import_result(std::string_view bytes, const std::string& file, const Questionnaire& current);
ImportOutcome import_result_file(const std::string& path, const Questionnaire& current);

struct FastDocument;
// The fast path for reading many files (aggregate.h): the ImportedResult import_result gives for
// `bytes`, when import_result would report nothing at all (no error, no warning) and the file was
// made with the current questionnaire (version and content hash); then every answer is visible and
// the stored scores are the answers' scores. nullopt in every other case, and wherever the fast
// reader (json_fast.h) is unsure: the caller then runs import_result, which says why.
// `scratch` holds the parsed text between calls (its buffers are reused).
std::optional<ImportedResult> import_result_fast(std::string_view bytes, const Questionnaire& current, FastDocument& scratch);
// The same with the answers coded (answer_table.h) instead of in assessment.answers, which stays
// empty: what check_result needs for its row, without a map or a string per answer. `answers` is
// parallel to `*table` (the scratch's) and points into `bytes` and the scratch: valid until either
// changes. False where import_result_fast gives nullopt.
struct FastImport {
    ImportedResult result;
    const AnswerTable* table = nullptr;
    std::vector<CodedAnswer> answers;
};
bool import_result_fast_coded(std::string_view bytes, const Questionnaire& current, FastDocument& scratch, FastImport& out);

// Change between an earlier and a current result, in percentage points (rounded to one decimal).
struct ScoreChange {
    std::string id;
    std::optional<double> before, after;
    std::optional<double> change; // absent when either side has no percentage
};
struct ScoreComparison {
    ScoreChange overall;                          // id "overall"
    std::optional<std::string> level_before, level_after;
    std::optional<int> level_steps;               // after - before in the current levels' order
    std::vector<ScoreChange> principles, themes;  // current questionnaire order, then ids only the
                                                  // earlier result has (sorted)
};
ScoreComparison compare_scores(const Questionnaire& current, const ScoreSummary& earlier, const ScoreSummary& now);

} // namespace mf
