// answers.cpp - answering: choices, typed numbers and texts, help, fields left; and the action plan
// (see model.h).
//
// Index
//   - answers        set, clear, tick a box, type into a field (numbers kept as typed until valid)
//   - fields         what a field shows and the message under it
//   - action plan    add, remove, edit a focus area; the suggestions; indicators; messages
#include "app/model/model.h"

#include "core/action_plan.h"
#include "core/answer_check.h"
#include "core/condition.h"
#include "core/date_input.h"
#include "core/recommendations.h"
#include "core/scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mf {

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------
void AppModel::set_answer(const Question& question, AnswerValue value) {
    const Answers before = answers();
    session_.assessment.answers[question.id] = std::move(value);
    session_.drafts.erase(question.id);
    answers_changed();
    announce_new_questions(question, before);
}

void AppModel::clear_answer(const Question& question) {
    const Answers before = answers();
    session_.assessment.answers.erase(question.id);
    session_.drafts.erase(question.id);
    answers_changed();
    announce_new_questions(question, before);
}

// A follow-up question appears below the one answered (nothing above it moves); say so, with its
// words, so neither a screen-reader user nor someone about to click further down misses it.
void AppModel::announce_new_questions(const Question& answered, const Answers& before) {
    const Questionnaire& q = questionnaire();
    const Theme* theme = q.theme_of(answered.id);
    const std::vector<Question>& neighbours = theme ? theme->questions : q.profile;
    const Answers was = visible_answers(q, before), is = visible_answers(q, answers());
    std::vector<const Question*> appeared;
    for (const Question& x : neighbours)
        if (is_visible(x, is) && !is_visible(x, was)) appeared.push_back(&x);
    if (appeared.size() == 1) notify("notice.question_added", {{"question", appeared.front()->text.in(language())}});
    else if (appeared.size() > 1) notify("notice.questions_added", {{"count", std::to_string(appeared.size())}});
}

void AppModel::toggle_option(const Question& question, const std::string& option_id) {
    const std::vector<std::string>* current = answer_selection(answers(), question.id);
    std::vector<std::string> selection = current ? *current : std::vector<std::string>{};
    const Option* option = question.option(option_id);
    if (!option) return;
    const bool on = std::find(selection.begin(), selection.end(), option_id) != selection.end();
    if (on) {
        selection.erase(std::remove(selection.begin(), selection.end(), option_id), selection.end());
    } else if (option->exclusive) {
        selection = {option_id}; // "none of these" clears the others
    } else {
        selection.erase(std::remove_if(selection.begin(), selection.end(),
                                       [&](const std::string& id) {
                                           const Option* other = question.option(id);
                                           return other && other->exclusive;
                                       }),
                        selection.end());
        selection.push_back(option_id);
    }
    // An empty selection is an answer ("none chosen") only when the respondent keeps it that way on
    // purpose; unticking the last box makes the question unanswered again.
    if (selection.empty()) clear_answer(question);
    else set_answer(question, in_option_order(question, selection));
}

static std::string number_as_text(double d) {
    char buf[64];
    if (std::fabs(d - std::round(d)) < 1e-9 && std::fabs(d) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", d);
    else std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

std::string AppModel::field_text(const Question& question) const {
    if (question.type == QuestionType::Number) {
        auto draft = session_.drafts.find(question.id);
        if (draft != session_.drafts.end()) return draft->second;
        if (const double* d = answer_number(answers(), question.id)) return number_as_text(*d);
        return "";
    }
    const std::string* t = answer_text(answers(), question.id);
    return t ? *t : "";
}

void AppModel::type_into(const Question& question, const std::string& text) {
    const Answers before = answers();
    Answers& a = session_.assessment.answers;
    if (question.type == QuestionType::Number) {
        double d = 0;
        if (text.find_first_not_of(" \t") == std::string::npos) {
            a.erase(question.id);
            session_.drafts.erase(question.id);
        } else if (parse_number_text(text, d) && profile_field_problem(question, text, language(), true).empty()) {
            a[question.id] = d;
            session_.drafts.erase(question.id);
        } else {
            a.erase(question.id);
            session_.drafts[question.id] = text; // kept as typed, so nothing is lost
        }
    } else if (text.empty()) {
        a.erase(question.id);
    } else {
        a[question.id] = text;
    }
    answers_changed();
    announce_new_questions(question, before);
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------
std::string AppModel::field_problem(const Question& field) const {
    const bool left = touched_.count(field.id) > 0;
    if (field.type == QuestionType::Single || field.type == QuestionType::YesNo) {
        const std::string* chosen = answer_text(answers(), field.id);
        return profile_field_problem(field, chosen ? *chosen : "", language(), left);
    }
    return profile_field_problem(field, field_text(field), language(), left);
}

void AppModel::leave_field(const std::string& question_id) { touched_.insert(question_id); }

void AppModel::toggle_help(const std::string& question_id) {
    if (!help_open_.erase(question_id)) help_open_.insert(question_id);
}

// ---------------------------------------------------------------------------------------------
// Action plan
// ---------------------------------------------------------------------------------------------
void AppModel::add_focus_area(const std::string& focus) {
    ActionPlan& plan = session_.assessment.action_plan;
    if (plan.areas.size() >= kMaxFocusAreas) return;
    FocusArea area;
    area.focus = focus;
    plan.areas.push_back(area);
    answers_changed();
}

void AppModel::remove_focus_area(std::size_t index) {
    ActionPlan& plan = session_.assessment.action_plan;
    if (index >= plan.areas.size()) return;
    plan.areas.erase(plan.areas.begin() + (std::ptrdiff_t)index);
    // The areas after it move up one place: what was left of them is forgotten rather than misplaced.
    for (auto it = touched_.begin(); it != touched_.end();) it = it->rfind("plan:", 0) == 0 ? touched_.erase(it) : std::next(it);
    answers_changed();
}

void AppModel::set_plan_field(std::size_t index, PlanField field, const std::string& value) {
    ActionPlan& plan = session_.assessment.action_plan;
    if (index >= plan.areas.size()) return;
    FocusArea& area = plan.areas[index];
    switch (field) {
    case PlanField::Focus: area.focus = value; break;
    case PlanField::Goal: area.goal = value; break;
    case PlanField::Responsible: area.responsible = value; break;
    case PlanField::FollowUp: area.follow_up = read_date_input(value).value_or(value); break;
    }
    answers_changed();
}

std::string AppModel::follow_up_text(std::size_t index) const {
    if (index >= plan().areas.size()) return "";
    const std::string& date = plan().areas[index].follow_up;
    return is_valid_date(date) ? texts_.date_in_words(date) : date;
}

void AppModel::leave_plan() {
    for (std::size_t i = 0; i < plan().areas.size(); i++)
        for (const char* field : {"focus", "goal", "responsible", "followUp"}) touched_.insert("plan:" + std::to_string(i) + ":" + field);
    go_to(Screen::Export);
}

std::vector<std::string> AppModel::suggested_focus_areas() const {
    std::vector<std::string> suggested;
    const ActionPlan& p = plan();
    if (p.areas.size() >= kMaxFocusAreas) return suggested;
    const Scores scores = compute_scores(questionnaire(), answers());
    for (const Recommendation& r : recommend(questionnaire(), answers(), scores, language()).items) {
        if (suggested.size() >= 3) break;
        const bool in_plan = std::any_of(p.areas.begin(), p.areas.end(), [&](const FocusArea& a) { return a.focus == r.theme_id; });
        if (!in_plan && std::find(suggested.begin(), suggested.end(), r.theme_id) == suggested.end()) suggested.push_back(r.theme_id);
    }
    return suggested;
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------
void AppModel::set_indicator_field(std::size_t index, IndicatorField field, const std::string& text) {
    ActionPlan& plan = session_.assessment.action_plan;
    if (index >= plan.areas.size()) return;
    Indicator& ind = plan.areas[index].indicator;
    switch (field) {
    case IndicatorField::Measure: ind.measure = text; break;
    case IndicatorField::Unit:
        ind.unit = text;
        // Values typed before the unit was chosen (or for another unit) are read again for this one.
        for (IndicatorValue* v : {&ind.baseline, &ind.target})
            if (const std::string* typed = std::get_if<std::string>(v)) *v = typed_indicator_value(ind.unit, *typed);
        break;
    case IndicatorField::Baseline: ind.baseline = typed_indicator_value(ind.unit, text); break;
    case IndicatorField::Target: ind.target = typed_indicator_value(ind.unit, text); break;
    }
    answers_changed();
}

std::string AppModel::indicator_field_text(std::size_t index, IndicatorField field) const {
    if (index >= plan().areas.size()) return "";
    const Indicator& ind = plan().areas[index].indicator;
    switch (field) {
    case IndicatorField::Measure: return ind.measure;
    case IndicatorField::Unit: return ind.unit;
    case IndicatorField::Baseline: return indicator_edit_text(ind.baseline, language());
    case IndicatorField::Target: return indicator_edit_text(ind.target, language());
    }
    return "";
}

std::vector<SuggestedIndicator> AppModel::suggested_indicators(std::size_t index) const {
    if (index >= plan().areas.size()) return {};
    const Theme* theme = focus_theme(questionnaire(), plan().areas[index].focus);
    return theme ? theme->indicators : std::vector<SuggestedIndicator>{};
}

void AppModel::take_suggested_indicator(std::size_t index, std::size_t suggestion) {
    const std::vector<SuggestedIndicator> suggested = suggested_indicators(index);
    if (suggestion >= suggested.size()) return;
    set_indicator_field(index, IndicatorField::Measure, suggested[suggestion].measure.in(language()));
    set_indicator_field(index, IndicatorField::Unit, suggested[suggestion].unit);
}

AppModel::FieldMessage AppModel::plan_field_message(std::size_t index, const std::string& field) const {
    const std::string key = "plan:" + std::to_string(index) + ":" + field;
    for (const ActionPlanProblem& p : check_action_plan(plan(), questionnaire(), host_.today(), language())) {
        if (p.area != (int)index || p.field != field) continue;
        // The unit and the whole indicator's warning are shown at once; the focus and a typed
        // field's message once it was left (or the plan was left) or holds something (a date in the
        // past, a value that does not fit): a new, empty focus area is not an error yet.
        if (field == "indicator" || field == "indicator/unit" || touched_.count(key)) return {p.message, p.warning};
        const FocusArea& a = plan().areas[index];
        const std::string shown = field == "focus" ? a.focus : field == "goal" ? a.goal : field == "responsible" ? a.responsible
                                : field == "followUp" ? a.follow_up : field == "indicator/measure" ? a.indicator.measure
                                : field == "indicator/baseline" ? indicator_edit_text(a.indicator.baseline, language())
                                : field == "indicator/target" ? indicator_edit_text(a.indicator.target, language())
                                : "";
        return shown.empty() ? FieldMessage{} : FieldMessage{p.message, p.warning};
    }
    return {};
}

} // namespace mf
