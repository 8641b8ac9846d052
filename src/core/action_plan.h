// action_plan.h - the respondent's action plan: at most three focus areas, each with a measurable
// goal, who is responsible, when to follow up and one indicator that makes "measurable" a property
// rather than a hope (the seed's "few, simple, measurable goals, clear responsibility, regular
// follow-up").
//
// Index
//   - IndicatorValue, Indicator   what is measured, its unit, the value today and the target
//   - FocusArea, ActionPlan       the data, with to_json / from_json ("actionPlan" in result files)
//   - indicator units and values  the three units, reading what a person types (and keeping it as
//                                 typed while it is not a value), checking a value against its unit,
//                                 writing a value the language's way
//   - is_valid_date               strict YYYY-MM-DD calendar dates
//   - check_action_plan           every problem and gentle warning, in Danish or English, for the
//                                 editor (as the user types) and the export
//   - read_action_plan            the checked reader the result importer and the session use
#pragma once
#include "core/json_reader.h"
#include "core/questionnaire.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mf {

inline constexpr std::size_t kMaxFocusAreas = 3;

// The units an indicator can have (docs/result-format.md). Their ids are what files hold.
inline constexpr const char* kUnitPercent = "percent"; // 0 to 100
inline constexpr const char* kUnitNumber = "number";   // any finite number (a count, an amount)
inline constexpr const char* kUnitYesNo = "yesno";     // "yes" or "no"
bool is_indicator_unit(std::string_view unit);

// A value of an indicator as a file holds it: nothing (std::monostate), a number, or a string
// ("yes"/"no" for the yes/no unit; any other string is kept so that it can be reported, not lost).
using IndicatorValue = std::variant<std::monostate, double, std::string>;
bool has_value(const IndicatorValue& value);

struct Indicator {
    std::string measure;    // what is measured, in the respondent's words
    std::string unit;       // kUnitPercent, kUnitNumber, kUnitYesNo; "" until chosen
    IndicatorValue baseline; // the value today
    IndicatorValue target;   // the value to reach by the focus area's follow-up date

    // Nothing filled in: the focus area has no indicator (every format-1 plan).
    bool empty() const;
    bool operator==(const Indicator& other) const;
    bool operator!=(const Indicator& other) const { return !(*this == other); }
};

struct FocusArea {
    std::string focus;       // a theme id or a scored question id of the questionnaire
    std::string goal;        // measurable, in the respondent's words
    std::string responsible; // a person or a role
    std::string follow_up;   // YYYY-MM-DD
    Indicator indicator = {}; // empty when the focus area has none
};

struct ActionPlan {
    std::vector<FocusArea> areas; // in the order the respondent added them
};

// The theme a focus belongs to: the theme itself, or the theme of the question; nullptr when the
// id is neither.
const Theme* focus_theme(const Questionnaire& questionnaire, const std::string& focus);

// --- Indicator values ---------------------------------------------------------------------------
// What a person typed for a value of `unit` -> the value. Numbers as parse_number_text reads them
// ("12,5", "12.5", spaces ignored), for percent also with a trailing "%"; yes/no as "ja"/"nej"/
// "yes"/"no" (any case). Empty text gives no value. False when the text is not a value of the unit
// (an unknown unit reads nothing); `value` is then untouched.
bool parse_indicator_text(const std::string& unit, std::string_view text, IndicatorValue& value);

// What a person typed, as the value to keep while they edit: the value of the unit when the text is
// one (for a unit not chosen yet, a number when it reads as one), else the text itself, so nothing
// typed is lost and indicator_value_problem names it. Blank text is no value.
IndicatorValue typed_indicator_value(const std::string& unit, std::string_view text);

// A value in a field for editing: a number the language's way with every digit and no "%" ("12,5"),
// a string as it is ("yes"), "" for no value.
std::string indicator_edit_text(const IndicatorValue& value, const std::string& lang);

// The message for a value that does not fit its unit, in `lang` ("en" English, anything else
// Danish): a number for yes/no, a string for a numeric unit, a percent outside 0..100. "" when it
// fits or when there is no value. (An unknown unit is the unit's problem, not the value's: "".)
std::string indicator_value_problem(const std::string& unit, const IndicatorValue& value, const std::string& lang);

// The same as a code ("indicator.value.not_yes_no", ".not_a_number", ".percent_range"; "" when the
// value fits), its parameter {value} as English writes it, and the message in `lang`.
struct IndicatorValueProblem {
    std::string code;
    DiagnosticParams params;
    std::string message;
};
IndicatorValueProblem check_indicator_value(const std::string& unit, const IndicatorValue& value, const std::string& lang);

// The value as the language writes it: "12,5" / "12.5" (every digit kept), "45 %" / "45%", "Ja" /
// "Yes"; "–" for no value.
std::string indicator_value_text(const std::string& unit, const IndicatorValue& value, const std::string& lang);

// The unit's name: "procent" / "percent", "antal" / "number", "ja/nej" / "yes/no"; the id itself
// for an unknown unit.
std::string indicator_unit_name(const std::string& unit, const std::string& lang);

// True for "2027-03-01"; false for "2027-3-1", "2027-02-30", "2027-02-29", "27-03-01".
bool is_valid_date(const std::string& text);

// One problem in the plan. area is the index in ActionPlan::areas, or -1 for the plan as a whole;
// field is the JSON path below the area: "focus", "goal", "responsible", "followUp",
// "indicator/measure", "indicator/unit", "indicator/baseline", "indicator/target", "indicator" or
// "". A warning is a gentle hint (no indicator; a target that is no change from the baseline): the
// export still goes ahead. code and params say the same as message without its language
// ("action_plan.goal.empty", docs/diagnostics.md).
struct ActionPlanProblem {
    int area = -1;
    std::string field;
    std::string message;
    bool warning = false;
    std::string code;
    DiagnosticParams params;
};

// Every problem: more than three areas, an empty or unknown focus, a focus chosen twice, an empty
// goal, no one responsible, a missing or invalid date, (when `today` is a valid date) a date before
// today, and an indicator that is started but not complete or whose values do not fit its unit.
// Warnings: an area without an indicator, a target equal to the baseline. lang "en" gives English,
// anything else Danish. Cheap enough to run on every frame while the user types.
std::vector<ActionPlanProblem> check_action_plan(const ActionPlan& plan, const Questionnaire& questionnaire,
                                                 const std::string& today, const std::string& lang);

// Whether `id` may be a focus: a theme or a scored question inside a theme.
bool is_focus_id(const Questionnaire& questionnaire, const std::string& id);

// {"measure", "unit", "baseline", "target"}: values as numbers, strings or null.
void to_json(nlohmann::json& j, const Indicator& indicator);
// {"focus", "goal", "responsible", "followUp", "indicator"}; "indicator" is null when empty.
void to_json(nlohmann::json& j, const FocusArea& area);
void to_json(nlohmann::json& j, const ActionPlan& plan);

// Types only: an array of objects with four strings and, when `with_indicators` (result format 2,
// saved sessions), an optional "indicator": null or {"measure": string, "unit": string, "baseline"
// and "target": number, string or null}. Format 1 has no indicators: there an "indicator" field is
// unknown (warned about and ignored), exactly as before format 2. Content rules are
// check_action_plan's.
bool read_focus_area(const nlohmann::json& j, const std::string& pointer, const JsonReader& reader, bool with_indicators,
                     FocusArea& area);
bool read_action_plan(const nlohmann::json& j, const std::string& pointer, const JsonReader& reader, ActionPlan& plan,
                      bool with_indicators = true);
// An indicator value at `pointer`: a number, a string or null.
bool read_indicator_value(const nlohmann::json& j, const std::string& pointer, const JsonReader& reader, IndicatorValue& value);
nlohmann::json indicator_value_json(const IndicatorValue& value);
// Throws std::invalid_argument("/pointer: message") for the first problem.
void from_json(const nlohmann::json& j, ActionPlan& plan);

} // namespace mf
