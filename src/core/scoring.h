// scoring.h - from answers to percentages per principle, per theme and overall, and the level.
//
// Index
//   - round1, json_number     how numbers are rounded and written (shared by every exported number)
//   - normalised_score        one answer -> s in [0, 1]
//   - PartScore, Scores       the unrounded sums per principle, theme and overall
//   - compute_scores          the engine (docs/scoring.md is the specification, with a worked example)
//   - ScoreSummary            the rounded form written to result files and compared between years
//
// Plain double arithmetic in questionnaire order, no clock, no locale: the native and the wasm build
// give bit-identical numbers because both use IEEE-754 doubles and add in the same order.
#pragma once
#include "core/answers.h"
#include "core/json_reader.h"
#include "core/questionnaire.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mf {

// Round half away from zero to one decimal: round(x * 10) / 10 (std::round rounds halves away from 0).
double round1(double x);

// A number as JSON: integral values become JSON integers ("100", not "100.0"), others stay doubles
// (nlohmann writes the shortest text that reads back to the same double). Keeps files byte-stable.
nlohmann::json json_number(double x);

// The normalised score of one answer to a scored question, or nullopt when the value does not fit
// the question (wrong alternative, unknown option id). "dont_know" fits and scores 0.
std::optional<double> normalised_score(const Question& question, const AnswerValue& value);

// Sums for one part (a principle, a theme, or everything). Percentages exist only when something
// with a positive weight was answered; coverage only when something was visible.
struct PartScore {
    double weighted_sum = 0; // sum of weight * s over answered visible scored questions
    double weight_sum = 0;   // sum of weight over the same questions
    int answered = 0;        // answered visible scored questions (for principles: with weight > 0)
    int visible = 0;         // visible scored questions (for principles: with weight > 0)

    std::optional<double> percent() const;  // 100 * weighted_sum / weight_sum, unrounded
    std::optional<double> coverage() const; // 100 * answered / visible, unrounded
};

// One scored question as the engine saw it.
struct QuestionScore {
    std::string question_id;
    std::size_t theme_index = 0;
    std::size_t question_index = 0; // within the theme
    bool visible = false;
    bool answered = false;          // visible and answered with a value that fits
    double score = 0;               // s, when answered
    double weight = 0;              // W = sum of the question's principle weights
};

struct Scores {
    std::vector<QuestionScore> questions; // every scored question, questionnaire order
    PartScore overall;
    std::vector<PartScore> themes;        // parallel to Questionnaire::themes
    std::vector<PartScore> principles;    // parallel to Questionnaire::principles
    const Level* level = nullptr;         // nullptr when overall has no percentage

    const QuestionScore* question(const std::string& question_id) const;
};

// Scores the answers. Hidden questions (per visible_answers) are ignored entirely; answers that do
// not fit their question count as unanswered (the importer never lets such answers in).
Scores compute_scores(const Questionnaire& questionnaire, const Answers& answers);
// The same for answers that are already visible_answers(questionnaire, answers) (saves the copy).
Scores compute_scores_of_visible(const Questionnaire& questionnaire, const Answers& visible);

// The rounded scores as they appear in a result file. Absent percentages are nullopt (JSON null).
struct ThemeSummary {
    std::optional<double> percent;
    std::optional<double> coverage;
};
struct ScoreSummary {
    std::optional<double> overall;
    std::optional<std::string> level;  // level id
    std::optional<double> coverage;
    std::map<std::string, std::optional<double>> principles; // principle id -> percent
    std::map<std::string, ThemeSummary> themes;               // theme id -> percent, coverage
};

ScoreSummary summarise(const Questionnaire& questionnaire, const Scores& scores);
// summarise(compute_scores_of_visible(questionnaire, visible)) without the per-question records.
ScoreSummary summarise_visible(const Questionnaire& questionnaire, const Answers& visible);

// Equal exactly when their JSON (to_json) is equal: the same ids, levels and numbers (a whole number
// is written as an integer, and JSON compares it with a double by value, as these compare doubles).
inline bool operator==(const ThemeSummary& a, const ThemeSummary& b) { return a.percent == b.percent && a.coverage == b.coverage; }
inline bool operator!=(const ThemeSummary& a, const ThemeSummary& b) { return !(a == b); }
inline bool operator==(const ScoreSummary& a, const ScoreSummary& b) {
    return a.overall == b.overall && a.level == b.level && a.coverage == b.coverage && a.principles == b.principles && a.themes == b.themes;
}
inline bool operator!=(const ScoreSummary& a, const ScoreSummary& b) { return !(a == b); }

void to_json(nlohmann::json& j, const ScoreSummary& s);
// Reports every problem through `reader` (pointers below `pointer`); false when any was found.
bool read_score_summary(const nlohmann::json& j, const std::string& pointer, const JsonReader& reader, ScoreSummary& s);
// Throws std::invalid_argument("/pointer: message") for the first problem.
void from_json(const nlohmann::json& j, ScoreSummary& s);

} // namespace mf
