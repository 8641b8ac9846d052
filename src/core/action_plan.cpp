// action_plan.cpp - dates, the action plan rules in Danish and English, and its JSON (action_plan.h).
#include "core/action_plan.h"

#include <cctype>
#include <set>

namespace mf {

using nlohmann::json;

bool is_valid_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    const int year = std::stoi(text.substr(0, 4));
    const int month = std::stoi(text.substr(5, 2));
    const int day = std::stoi(text.substr(8, 2));
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

namespace {

bool blank(const std::string& s) {
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) return false;
    return true;
}

} // namespace

std::vector<ActionPlanProblem> check_action_plan(const ActionPlan& plan, const Questionnaire& questionnaire,
                                                 const std::string& today, const std::string& lang) {
    const bool en = lang == "en";
    std::vector<ActionPlanProblem> problems;
    auto add = [&](int area, const char* field, const char* code, ParamList params, const std::string& da,
                   const std::string& english) {
        problems.push_back(ActionPlanProblem{area, field, en ? english : da, code, make_params(params)});
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
    }
    return problems;
}

void to_json(json& j, const FocusArea& area) {
    j = json{{"focus", area.focus}, {"goal", area.goal}, {"responsible", area.responsible}, {"followUp", area.follow_up}};
}

void to_json(json& j, const ActionPlan& plan) {
    j = json::array();
    for (const FocusArea& a : plan.areas) j.push_back(a);
}

bool read_action_plan(const json& j, const std::string& pointer, const JsonReader& reader, ActionPlan& plan) {
    const std::size_t errors_before = count_errors(*reader.out);
    plan = ActionPlan{};
    if (!reader.expect_array(j, pointer)) return false;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string p = child_pointer(pointer, i);
        if (!reader.expect_object(j[i], p)) continue;
        reader.warn_unknown(j[i], p, {"focus", "goal", "responsible", "followUp"});
        FocusArea a;
        bool ok = true;
        struct Field { const char* key; std::string* target; };
        for (Field f : {Field{"focus", &a.focus}, Field{"goal", &a.goal}, Field{"responsible", &a.responsible},
                        Field{"followUp", &a.follow_up}}) {
            const json* v = reader.member(j[i], p, f.key, true);
            ok = (v && reader.read_string(*v, child_pointer(p, f.key), *f.target)) && ok;
        }
        if (ok) plan.areas.push_back(a);
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
