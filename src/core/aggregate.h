// aggregate.h - the municipality's side: many result files -> checked rows -> figures it can trust.
//
// Index
//   - size bands             1-9, 10-49, 50-249, 250+ employees (and "unknown")
//   - OrganisationRow        what one accepted result file contributes (no parsed document is kept)
//   - FileCheck, check_result  one file through import_result plus the municipality's stricter rules
//   - quantile_r7, Stats     n, mean, median, quartiles, min, max, distribution over levels
//   - Aggregate, aggregate   duplicates by CVR, groups (all / sector / size band), change over time,
//                            goal follow-up by year (focus areas set per theme, statuses, progress)
//
// docs/aggregation.md is the specification of every figure. The rules, in short:
//   - A file is read by import_result (the same gate the respondent's app uses). Every import error
//     rejects it. So do, although the importer only warns about them: a missing or wrong checksum,
//     stored scores that disagree with the answers, a missing or invalid CVR number, and a file made
//     with another questionnaire version whose principles or themes are not exactly the current ones.
//     Files from another version whose principles and themes match are accepted with the scores they
//     store (the respondent saw those).
//   - Duplicates are rows with the same CVR number: by default the newest (latest `updated`, then
//     latest `created`, then first file name) counts and the others are listed as superseded.
//   - Goal follow-up counts one file per organisation and year (the newest of that year; every
//     accepted file with keep_duplicates): its plan's focus areas, and the follow-up it records of an
//     earlier plan, by the year of its `updated` time.
//   - Everything here is single-threaded and deterministic: the same rows give the same figures in
//     any order (values are sorted before they are summed), natively and in wasm.
#pragma once
#include "core/answers.h"
#include "core/diagnostics.h"
#include "core/follow_up.h"
#include "core/questionnaire.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mf {

// Size bands by number of employees (the EU's micro/small/medium/large thresholds).
inline constexpr const char* kSizeBands[] = {"1-9", "10-49", "50-249", "250+"};
inline constexpr const char* kUnknownGroup = "unknown"; // no sector / no employee count in the file
std::string size_band(std::optional<double> employees);

// First assessment vs the counted (latest) one of the same organisation, when their `updated` years
// differ. Changes are percentage points, round1(after - before); absent when either side is absent.
struct RowChange {
    std::string first_file, first_updated;
    std::optional<double> first_overall;
    std::optional<double> overall;
    std::vector<std::optional<double>> principles; // parallel to Questionnaire::principles
    std::vector<std::optional<double>> themes;     // parallel to Questionnaire::themes
};

// One earlier goal as a file's follow-up records it.
struct FollowedUpGoal {
    std::string focus;
    std::string theme;                 // the focus's theme in the current questionnaire; "" when it has none
    FollowUpStatus status = FollowUpStatus::None;
    bool numeric = false;              // the indicator's unit is percent or number
    std::optional<double> progress;    // indicator_progress, unrounded
};

// The small members are kept together (no padding after each): 100,000 rows are held at once.
struct OrganisationRow {
    std::string file;
    std::size_t bytes = 0;
    int focus_areas = 0;
    bool same_questionnaire = false;     // made with the current version and content hash
    bool counted = true;                 // set by aggregate(): false when superseded
    bool same_file = false;              // set by aggregate(): superseded by an identical copy: the same file sent again
    std::string cvr;                     // 8 digits, valid (modulus 11)
    std::string name, contact, email;    // as answered; may be empty
    std::string sector;                  // option id of the sector question, or "" when unanswered
    std::optional<double> employees;
    std::string size;                    // size_band(employees)
    std::string questionnaire_version;
    std::string created, updated, language;
    std::optional<double> overall, coverage;
    std::string level;                   // current questionnaire's level for `overall`; "" when absent
    std::vector<std::optional<double>> principles; // stored percent, parallel to Questionnaire::principles
    std::vector<std::optional<double>> themes;     // stored percent, parallel to Questionnaire::themes
    // The answers to the scored questions (scored_questions() order, publication.h), as option bits:
    // bit i = the question's i-th answer id (Question::answer_ids) was chosen, kAnsweredBit = answered
    // (a multiple-choice answer may choose nothing); 0 = not shown to them, or skipped.
    std::vector<std::uint32_t> answers;
    std::vector<std::string> plan_themes;     // per focus area of the plan as written: its theme ("" none)
    std::optional<std::string> follow_up_of;  // the followed-up earlier file's created time
    std::vector<FollowedUpGoal> followed_up;  // the earlier plan's goals, in its order

    std::string checksum;                // result_checksum of the content: a file sent again has the same

    // Set by aggregate() (and counted, same_file above):
    std::string superseded_by;           // the file that counts instead (duplicates)
    std::optional<RowChange> change;     // on counted rows of organisations with several years
};

inline constexpr std::uint32_t kAnsweredBit = 1u << 31;
// The visible answers (visible_answers) to the scored questions, encoded as OrganisationRow::answers.
std::vector<std::uint32_t> encode_answers(const Questionnaire& questionnaire, const Answers& visible);

// One file after checking. `row` is set when the file is accepted; then `diagnostics` holds only
// warnings (notes). When rejected, its errors are the reasons.
struct FileCheck {
    std::string file;
    std::size_t bytes = 0;
    std::optional<OrganisationRow> row;
    Diagnostics diagnostics;
};

// Which way check_result reads a file. FastFirst (always, outside tests that compare the two) tries
// import_result_fast and takes import_result only when that gives up; both give the same FileCheck
// (tests/core/fast_import_test.cpp, the fuzz target mf_fuzz_fast_import).
enum class ImportPath { FastFirst, FullOnly };
// `scratch`: the fast reader's buffers, kept by a caller that checks file after file (saves their
// allocations); nullptr for buffers of this call only.
struct FastDocument;
FileCheck check_result(std::string_view bytes, const std::string& file, const Questionnaire& current,
                       ImportPath path = ImportPath::FastFirst, FastDocument* scratch = nullptr);
FileCheck check_result_file(const std::string& path, const Questionnaire& current);
// The same, reading into `buffer` (kept between calls: one large allocation less per file).
FileCheck check_result_file(const std::string& path, const Questionnaire& current, std::string& buffer);

// The R-7 quantile (Hyndman & Fan type 7; Excel QUARTILE.INC, numpy's default) of sorted values:
// h = (n - 1) * p, x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]). nullopt when empty.
std::optional<double> quantile_r7(const std::vector<double>& sorted, double p);

// Figures over a set of values. Unrounded; writers round with round1.
struct Stats {
    std::size_t n = 0;
    std::optional<double> mean, median, q1, q3, min, max;
    std::vector<std::size_t> levels; // per Questionnaire::levels: values whose level_for() is that level
};
// `values` is sorted in place; the mean sums the sorted values, so any input order gives the same bits.
Stats compute_stats(std::vector<double>& values, const Questionnaire& questionnaire);

// A "part" is what a percentage is about: the overall score, one principle or one theme.
enum class PartKind { Overall, Principle, Theme };
struct PartStats {
    PartKind kind = PartKind::Overall;
    std::string id; // "overall", or the principle / theme id
    Stats stats;
};
const char* part_kind_name(PartKind kind); // "overall", "principle", "theme"
struct ScorePart {
    PartKind kind = PartKind::Overall;
    std::string id;        // "overall", or the principle / theme id
    std::size_t index = 0; // into the questionnaire's principles / themes
};
std::vector<ScorePart> score_parts(const Questionnaire& questionnaire); // overall, principles, themes
std::optional<double> part_value(const OrganisationRow& row, const ScorePart& part);
// A change in percentage points: round1(after - before); absent when either side is.
std::optional<double> score_change(std::optional<double> before, std::optional<double> after);

// The rules for one CVR number's assessments, shared by aggregate() and the municipality page's
// running counts (app/model/municipality_model.cpp), which must count exactly as aggregate() does.
// Newest first: latest `updated`, then latest `created`, then file name; < 0 when `a` comes first,
// 0 when the three are equal.
int compare_newest_first(const OrganisationRow& a, const OrganisationRow& b);
// An organisation has a change over time when its oldest and newest assessments are of different years.
bool changed_between_years(const OrganisationRow& oldest, const OrganisationRow& newest);
// A row not counted is the same file sent again (not a newer assessment) when its content is the
// counted row's.
bool same_file_sent_again(const OrganisationRow& row, const OrganisationRow& counted);

// Figures for one group of organisations: dimension "all" (group "all"), "sector" (option id or
// "unknown") or "size" (a size band or "unknown").
struct GroupStats {
    std::string dimension, group;
    std::size_t organisations = 0;
    std::vector<PartStats> parts; // overall, then principles, then themes, in questionnaire order
};

// Change over time for one part: over the counted rows that have a RowChange with both sides.
struct ChangeStats {
    PartKind kind = PartKind::Overall;
    std::string id;
    Stats stats; // of the changes in percentage points (levels left empty)
    std::size_t improved = 0, unchanged = 0, declined = 0;
};

// Goal follow-up for one theme (or all themes together) in one year.
struct GoalStats {
    std::string theme;                 // theme id, "all", or kUnknownGroup (focus areas the current
                                       // questionnaire has no theme for)
    std::size_t focus_areas = 0;       // focus areas in the year's plans
    std::size_t followed_up = 0;       // earlier goals followed up in the year's files, with a status
    std::size_t reached = 0, partly = 0, not_reached = 0, dropped = 0;
    Stats progress;                    // of progress towards the target (percent of the way), over the
                                       // followed-up goals with a numeric indicator and a progress figure
};
struct GoalYear {
    std::string year;                  // "2026": the year of the files' `updated`
    std::size_t organisations = 0;     // files counted for the year (one per organisation)
    std::size_t with_follow_up = 0;    // of these, files that follow up an earlier plan
    GoalStats all;
    std::vector<GoalStats> themes;     // every theme in questionnaire order, then kUnknownGroup if any
};

struct FileReport {
    enum class Status { Counted, Superseded, Rejected };
    std::string file;
    std::size_t bytes = 0;
    Status status = Status::Rejected;
    std::string superseded_by;
    bool same_file = false; // superseded by a file with the same content (checksum): sent again, not newer
    Diagnostics diagnostics;
};
const char* status_name(FileReport::Status status); // "counted", "superseded", "rejected"

struct AggregateOptions {
    bool keep_duplicates = false; // every accepted file counts as its own row
};

struct Aggregate {
    std::vector<FileReport> files;      // input order
    std::vector<OrganisationRow> rows;  // accepted files, by CVR, newest first within a CVR
    std::vector<GroupStats> groups;     // all; sectors in questionnaire order; size bands; unknowns last
    std::vector<ChangeStats> changes;   // overall, principles, themes
    std::size_t organisations_with_change = 0;
    std::vector<GoalYear> goals;        // by year, ascending
    std::size_t accepted = 0, rejected = 0, superseded = 0, counted = 0;
    std::size_t bytes = 0;              // all files read
    bool keep_duplicates = false;       // AggregateOptions::keep_duplicates as used
};

// Consumes the checks (rows are moved, not copied).
Aggregate aggregate(const Questionnaire& questionnaire, std::vector<FileCheck> checks, const AggregateOptions& options = {});

// aggregate() one check at a time, for a caller that checks many files and should not hold all their
// FileChecks at once (mf-aggregate: 100,000 checks of about 1 KB each): add() each check in input
// order, as aggregate() takes them from its vector, then finish() once. The same Aggregate.
// `expected_files`: room reserved for that many reports and rows (no regrowing of an array of rows).
class AggregateBuilder {
public:
    AggregateBuilder(const Questionnaire& questionnaire, const AggregateOptions& options = {}, std::size_t expected_files = 0);
    void reserve(std::size_t files, std::size_t rows) {
        result_.files.reserve(files);
        rows_.reserve(rows);
        row_files_.reserve(rows);
    }
    void add(FileCheck&& check);
    Aggregate finish();

private:
    const Questionnaire& questionnaire_;
    AggregateOptions options_;
    Aggregate result_;
    std::vector<OrganisationRow> rows_;   // accepted, in input order
    std::vector<std::size_t> row_files_;  // per row: its index into result_.files
};

} // namespace mf
