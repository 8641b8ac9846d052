// action_plan.cpp - dates, indicator values, the action plan rules in Danish and English, and its
// JSON (action_plan.h).
//
// Index
//   - is_valid_date, is_focus_id, focus_theme
//   - indicator units and values: parse_indicator_text, typed_indicator_value, indicator_edit_text,
//     indicator_value_problem, _text, _unit_name
//   - check_action_plan (the indicator's rules in check_indicator)
//   - JSON: to_json, read_indicator_value, read_focus_area, read_action_plan
#include "core/action_plan.h"

#include "core/json_input.h"
#include "core/scoring.h"
#include "core/session.h"
#include "core/texts.h"

#include <cctype>
#include <set>

namespace mf {

using nlohmann::json;

bool is_indicator_unit(std::string_view unit) { return unit == kUnitPercent || unit == kUnitNumber || unit == kUnitYesNo; }

bool has_value(const IndicatorValue& value) { return !std::holds_alternative<std::monostate>(value); }

namespace {

bool blank(const std::string& s) {
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) return false;
    return true;
}

// A number with every digit it has (json's shortest round-trip form), the language's decimal mark.
std::string plain_number_text(double x, const Texts& t) {
    std::string out = json_number(x).dump();
    if (!t.english())
        for (char& c : out)
            if (c == '.') c = ',';
    return out;
}

// A value inside a message: numbers the language's way, strings in quotes as they are.
std::string value_in_message(const IndicatorValue& value, const Texts& t) {
    if (const double* x = std::get_if<double>(&value)) return plain_number_text(*x, t);
    if (const std::string* s = std::get_if<std::string>(&value)) return "\"" + *s + "\"";
    return "";
}

std::string lower_ascii(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\t') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

bool Indicator::empty() const { return blank(measure) && unit.empty() && !has_value(baseline) && !has_value(target); }

bool Indicator::operator==(const Indicator& other) const {
    return measure == other.measure && unit == other.unit && baseline == other.baseline && target == other.target;
}

bool parse_indicator_text(const std::string& unit, std::string_view text, IndicatorValue& value) {
    const std::string compact = lower_ascii(text);
    if (compact.empty()) {
        value = std::monostate{};
        return true;
    }
    if (unit == kUnitYesNo) {
        if (compact == "ja" || compact == "yes") value = std::string(kYes);
        else if (compact == "nej" || compact == "no") value = std::string(kNo);
        else return false;
        return true;
    }
    if (unit != kUnitPercent && unit != kUnitNumber) return false;
    std::string_view number = text;
    if (unit == kUnitPercent) {
        const std::size_t percent = number.find_last_not_of(" \t");
        if (percent != std::string_view::npos && number[percent] == '%') number = number.substr(0, percent);
    }
    double x = 0;
    if (!parse_number_text(number, x)) return false;
    value = x;
    return true;
}

IndicatorValue typed_indicator_value(const std::string& unit, std::string_view text) {
    IndicatorValue value;
    if (parse_indicator_text(is_indicator_unit(unit) ? unit : kUnitNumber, text, value)) return value;
    return std::string(text);
}

std::string indicator_edit_text(const IndicatorValue& value, const std::string& lang) {
    if (const double* x = std::get_if<double>(&value)) return plain_number_text(*x, Texts(lang));
    if (const std::string* s = std::get_if<std::string>(&value)) return *s;
    return "";
}

IndicatorValueProblem check_indicator_value(const std::string& unit, const IndicatorValue& value, const std::string& lang) {
    if (!has_value(value) || !is_indicator_unit(unit)) return {};
    struct Kind { const char* code; const char* text_key; };
    const Kind not_yes_no{"indicator.value.not_yes_no", "indicator.not_yes_no"},
        not_a_number{"indicator.value.not_a_number", "indicator.not_a_number"},
        percent_range{"indicator.value.percent_range", "indicator.percent_range"};
    const Kind* kind = nullptr;
    if (unit == kUnitYesNo) {
        const std::string* s = std::get_if<std::string>(&value);
        if (!(s && (*s == kYes || *s == kNo))) kind = &not_yes_no;
    } else if (const double* x = std::get_if<double>(&value); !x) {
        kind = &not_a_number;
    } else if (unit == kUnitPercent && (*x < 0 || *x > 100)) {
        kind = &percent_range;
    }
    if (!kind) return {};
    const Texts t(lang);
    return IndicatorValueProblem{kind->code, make_params({{"value", value_in_message(value, Texts("en"))}}),
                                 t(kind->text_key, {{"value", value_in_message(value, t)}})};
}

std::string indicator_value_problem(const std::string& unit, const IndicatorValue& value, const std::string& lang) {
    return check_indicator_value(unit, value, lang).message;
}

std::string indicator_value_text(const std::string& unit, const IndicatorValue& value, const std::string& lang) {
    const Texts t(lang);
    if (const double* x = std::get_if<double>(&value))
        return plain_number_text(*x, t) + (unit == kUnitPercent ? (t.english() ? "%" : " %") : "");
    if (const std::string* s = std::get_if<std::string>(&value)) {
        if (unit == kUnitYesNo && *s == kYes) return t("indicator.yes");
        if (unit == kUnitYesNo && *s == kNo) return t("indicator.no");
        return *s;
    }
    return "\u2013";
}

std::string indicator_unit_name(const std::string& unit, const std::string& lang) {
    const Texts t(lang);
    if (unit == kUnitPercent) return t("indicator.unit.percent");
    if (unit == kUnitNumber) return t("indicator.unit.number");
    if (unit == kUnitYesNo) return t("indicator.unit.yesno");
    return unit;
}

bool is_valid_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    // The digits' values by hand: std::stoi on substrings was most of a result file's timestamp checks.
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= days;
}

bool is_focus_id(const Questionnaire& questionnaire, const std::string& id) {
    for (const Theme& t : questionnaire.themes) {
        if (t.id == id) return true;
        for (const Question& q : t.questions)
            if (q.id == id && q.scored()) return true;
    }
    return false;
}

const Theme* focus_theme(const Questionnaire& questionnaire, const std::string& focus) {
    for (const Theme& t : questionnaire.themes) {
        if (t.id == focus) return &t;
        for (const Question& q : t.questions)
            if (q.id == focus) return &t;
    }
    return nullptr;
}

namespace {

// The indicator's rules (check_action_plan): complete once started, values that fit the unit, and a
// gentle word when there is no indicator or the target is no change.
void check_indicator(const Indicator& indicator, int area, const Texts& t, std::vector<ActionPlanProblem>& problems) {
    auto add = [&](const char* field, std::string message, const char* code, DiagnosticParams params = {}, bool warning = false) {
        problems.push_back(ActionPlanProblem{area, field, std::move(message), warning, code, std::move(params)});
    };
    if (indicator.empty()) {
        add("indicator", t("plan.indicator.missing"), "action_plan.indicator.missing", {}, true);
        return;
    }
    if (blank(indicator.measure)) add("indicator/measure", t("plan.indicator.measure_empty"), "action_plan.indicator.measure.empty");
    const bool unit_known = is_indicator_unit(indicator.unit);
    if (indicator.unit.empty()) add("indicator/unit", t("plan.indicator.unit_missing"), "action_plan.indicator.unit.missing");
    else if (!unit_known)
        add("indicator/unit", t("plan.indicator.unit_unknown", {{"unit", indicator.unit}}), "action_plan.indicator.unit.unknown",
            make_params({{"unit", indicator.unit}}));
    bool values_fit = unit_known;
    struct Value { const char* field; const IndicatorValue* value; const char* missing; const char* missing_code; };
    for (Value v : {Value{"indicator/baseline", &indicator.baseline, "plan.indicator.baseline_missing", "action_plan.indicator.baseline.missing"},
                    Value{"indicator/target", &indicator.target, "plan.indicator.target_missing", "action_plan.indicator.target.missing"}}) {
        if (!has_value(*v.value)) {
            add(v.field, t(v.missing), v.missing_code);
            values_fit = false;
        } else if (IndicatorValueProblem problem = check_indicator_value(indicator.unit, *v.value, t.language()); !problem.code.empty()) {
            add(v.field, problem.message, problem.code.c_str(), problem.params);
            values_fit = false;
        }
    }
    if (values_fit && indicator.baseline == indicator.target)
        add("indicator/target", t("plan.indicator.no_change", {{"value", indicator_value_text(indicator.unit, indicator.target, t.language())}}),
            "action_plan.indicator.no_change", make_params({{"value", indicator_value_text(indicator.unit, indicator.target, "en")}}), true);
}

} // namespace

std::vector<ActionPlanProblem> check_action_plan(const ActionPlan& plan, const Questionnaire& questionnaire,
                                                 const std::string& today, const std::string& lang) {
    const bool en = lang == "en";
    const Texts texts(en ? "en" : "da");
    std::vector<ActionPlanProblem> problems;
    auto add = [&](int area, const char* field, const char* code, ParamList params, const std::string& da,
                   const std::string& english) {
        problems.push_back(ActionPlanProblem{area, field, en ? english : da, false, code, make_params(params)});
    };
    if (plan.areas.size() > kMaxFocusAreas) {
        const std::string count = std::to_string(plan.areas.size());
        add(-1, "", "action_plan.too_many", {{"count", count}, {"max", std::to_string(kMaxFocusAreas)}},
            "Vælg højst 3 fokusområder – få mål er lettere at nå (der er " + count + ").",
            "Choose at most 3 focus areas – few goals are easier to reach (there are " + count + ").");
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < plan.areas.size(); ++i) {
        const FocusArea& a = plan.areas[i];
        const int n = static_cast<int>(i);
        if (blank(a.focus))
            add(n, "focus", "action_plan.focus.empty", {}, "Vælg et tema eller et spørgsmål som fokusområde.",
                "Choose a theme or a question as the focus area.");
        else if (!is_focus_id(questionnaire, a.focus))
            add(n, "focus", "action_plan.focus.unknown", {{"focus", a.focus}},
                "Fokusområdet \"" + a.focus + "\" findes ikke i spørgeskemaet.",
                "The focus area \"" + a.focus + "\" is not in the questionnaire.");
        else if (!seen.insert(a.focus).second)
            add(n, "focus", "action_plan.focus.duplicate", {{"focus", a.focus}},
                "Fokusområdet er allerede valgt ovenfor; vælg et andet.", "This focus area is already chosen above; choose another one.");
        if (blank(a.goal))
            add(n, "goal", "action_plan.goal.empty", {}, "Skriv et målbart mål, fx \"2 praktikpladser til ledige inden 1. juni\".",
                "Write a measurable goal, e.g. \"2 internships for unemployed people by 1 June\".");
        if (blank(a.responsible))
            add(n, "responsible", "action_plan.responsible.empty", {}, "Skriv hvem der er ansvarlig – en person eller en rolle.",
                "Write who is responsible – a person or a role.");
        if (a.follow_up.empty())
            add(n, "followUp", "action_plan.follow_up.missing", {}, "Vælg en dato for opfølgning.", "Choose a follow-up date.");
        else if (!is_valid_date(a.follow_up))
            add(n, "followUp", "action_plan.follow_up.invalid", {{"value", a.follow_up}},
                "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-01 (\"" + a.follow_up + "\" er ikke en gyldig dato).",
                "Write the date as YYYY-MM-DD, e.g. 2027-03-01 (\"" + a.follow_up + "\" is not a valid date).");
        else if (is_valid_date(today) && a.follow_up < today) // same format: text order is date order
            add(n, "followUp", "action_plan.follow_up.past", {{"value", a.follow_up}, {"today", today}},
                "Opfølgningsdatoen ligger før i dag (" + today + ").", "The follow-up date is before today (" + today + ").");
        check_indicator(a.indicator, n, texts, problems);
    }
    return problems;
}

json indicator_value_json(const IndicatorValue& value) {
    if (const double* x = std::get_if<double>(&value)) return json_number(*x);
    if (const std::string* text = std::get_if<std::string>(&value)) return *text;
    return nullptr;
}

void to_json(json& j, const Indicator& indicator) {
    j = json{{"measure", indicator.measure}, {"unit", indicator.unit}, {"baseline", indicator_value_json(indicator.baseline)},
             {"target", indicator_value_json(indicator.target)}};
}

void to_json(json& j, const FocusArea& area) {
    j = json{{"focus", area.focus}, {"goal", area.goal}, {"responsible", area.responsible}, {"followUp", area.follow_up},
             {"indicator", area.indicator.empty() ? json(nullptr) : json(area.indicator)}};
}

void to_json(json& j, const ActionPlan& plan) {
    j = json::array();
    for (const FocusArea& a : plan.areas) j.push_back(a);
}

bool read_indicator_value(const json& j, const std::string& pointer, const JsonReader& reader, IndicatorValue& value) {
    if (j.is_null()) {
        value = std::monostate{};
        return true;
    }
    if (j.is_string()) {
        value = j.get<std::string>();
        return true;
    }
    if (j.is_number()) {
        double x = 0;
        if (!reader.read_number(j, pointer, x)) return false;
        value = x;
        return true;
    }
    reader.error(pointer, "json.expected_indicator_value", got_params(j), "expected a number, \"yes\", \"no\" or null, got " + describe_json(j));
    return false;
}

namespace {

bool read_indicator(const json& j, const std::string& pointer, const JsonReader& reader, Indicator& indicator) {
    indicator = Indicator{};
    if (j.is_null()) return true;
    if (!reader.expect_object(j, pointer)) return false;
    reader.warn_unknown(j, pointer, {"measure", "unit", "baseline", "target"});
    bool ok = true;
    for (auto [key, target] : {std::pair<const char*, std::string*>{"measure", &indicator.measure}, {"unit", &indicator.unit}}) {
        const json* v = reader.member(j, pointer, key, true);
        ok = (v && reader.read_string(*v, child_pointer(pointer, key), *target)) && ok;
    }
    for (auto [key, target] : {std::pair<const char*, IndicatorValue*>{"baseline", &indicator.baseline}, {"target", &indicator.target}}) {
        const json* v = reader.member(j, pointer, key, true);
        ok = (v && read_indicator_value(*v, child_pointer(pointer, key), reader, *target)) && ok;
    }
    return ok;
}

} // namespace

bool read_focus_area(const json& j, const std::string& pointer, const JsonReader& reader, bool with_indicators, FocusArea& area) {
    area = FocusArea{};
    if (!reader.expect_object(j, pointer)) return false;
    if (with_indicators) reader.warn_unknown(j, pointer, {"focus", "goal", "responsible", "followUp", "indicator"});
    else reader.warn_unknown(j, pointer, {"focus", "goal", "responsible", "followUp"});
    bool ok = true;
    struct Field { const char* key; std::string* target; };
    for (Field f : {Field{"focus", &area.focus}, Field{"goal", &area.goal}, Field{"responsible", &area.responsible},
                    Field{"followUp", &area.follow_up}}) {
        const json* v = reader.member(j, pointer, f.key, true);
        ok = (v && reader.read_string(*v, child_pointer(pointer, f.key), *f.target)) && ok;
    }
    if (with_indicators)
        if (const json* v = reader.member(j, pointer, "indicator", false))
            ok = read_indicator(*v, child_pointer(pointer, "indicator"), reader, area.indicator) && ok;
    return ok;
}

bool read_action_plan(const json& j, const std::string& pointer, const JsonReader& reader, ActionPlan& plan, bool with_indicators) {
    const std::size_t errors_before = count_errors(*reader.out);
    plan = ActionPlan{};
    if (!reader.expect_array(j, pointer)) return false;
    for (std::size_t i = 0; i < j.size(); ++i) {
        FocusArea a;
        if (read_focus_area(j[i], child_pointer(pointer, i), reader, with_indicators, a)) plan.areas.push_back(std::move(a));
    }
    return count_errors(*reader.out) == errors_before;
}

void from_json(const json& j, ActionPlan& plan) {
    Diagnostics diagnostics;
    JsonReader reader{"", &diagnostics};
    read_action_plan(j, "", reader, plan);
    throw_first_error(diagnostics);
}

} // namespace mf
