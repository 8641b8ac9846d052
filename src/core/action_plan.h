// action_plan.h - the respondent's action plan: at most three focus areas, each with a measurable
// goal, who is responsible, and when to follow up (the seed's "few, simple, measurable goals, clear
// responsibility, regular follow-up").
//
// Index
//   - FocusArea, ActionPlan    the data, with to_json / from_json ("actionPlan" in result files)
//   - is_valid_date            strict YYYY-MM-DD calendar dates
//   - check_action_plan        every problem, in Danish or English, for the editor and the export
//   - read_action_plan         the checked reader the result importer uses
#pragma once
#include "core/json_reader.h"
#include "core/questionnaire.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace mf {

inline constexpr std::size_t kMaxFocusAreas = 3;

struct FocusArea {
    std::string focus;       // a theme id or a scored question id of the questionnaire
    std::string goal;        // measurable, in the respondent's words
    std::string responsible; // a person or a role
    std::string follow_up;   // YYYY-MM-DD
};

struct ActionPlan {
    std::vector<FocusArea> areas; // in the order the respondent added them
};

// True for "2027-03-01"; false for "2027-3-1", "2027-02-30", "2027-02-29", "27-03-01".
bool is_valid_date(const std::string& text);

// One problem in the plan. area is the index in ActionPlan::areas, or -1 for the plan as a whole;
// field is "focus", "goal", "responsible", "followUp" or "" (the JSON field names). code and params
// say the same as message without its language ("action_plan.goal.empty", docs/diagnostics.md).
struct ActionPlanProblem {
    int area = -1;
    std::string field;
    std::string message;
    std::string code;
    DiagnosticParams params;
};

// Every problem: more than three areas, an empty or unknown focus, a focus chosen twice, an empty
// goal, no one responsible, a missing or invalid date, and (when `today` is a valid date) a date
// before today. lang "en" gives English, anything else Danish (the codes and parameters are the same).
std::vector<ActionPlanProblem> check_action_plan(const ActionPlan& plan, const Questionnaire& questionnaire,
                                                 const std::string& today, const std::string& lang);

// Whether `id` may be a focus: a theme or a scored question inside a theme.
bool is_focus_id(const Questionnaire& questionnaire, const std::string& id);

void to_json(nlohmann::json& j, const FocusArea& area);
void to_json(nlohmann::json& j, const ActionPlan& plan);
// Types only: an array of objects with four strings. Content rules are check_action_plan's.
bool read_action_plan(const nlohmann::json& j, const std::string& pointer, const JsonReader& reader, ActionPlan& plan);
// Throws std::invalid_argument("/pointer: message") for the first problem.
void from_json(const nlohmann::json& j, ActionPlan& plan);

} // namespace mf
