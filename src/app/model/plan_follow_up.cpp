// plan_follow_up.cpp - the follow-up of an earlier action plan (how each goal went, the indicator's
// value now, a note, carrying a goal over) and the follow-up calendar (see model.h).
//
// Index
//   - follow-up   status, value now, note, their messages, carrying a goal over
//   - calendar    the plan's follow-up dates as an .ics file, saved as the export is
#include "app/model/model.h"

#include <algorithm>

namespace mf {

// ---------------------------------------------------------------------------------------------
// Follow-up
// ---------------------------------------------------------------------------------------------
void AppModel::set_follow_up_status(std::size_t item, FollowUpStatus status) {
    std::optional<FollowUp>& f = session_.assessment.follow_up;
    if (!f || item >= f->items.size()) return;
    f->items[item].status = status;
    answers_changed();
}

void AppModel::set_follow_up_current(std::size_t item, const std::string& text) {
    std::optional<FollowUp>& f = session_.assessment.follow_up;
    if (!f || item >= f->items.size()) return;
    f->items[item].current = typed_indicator_value(f->items[item].earlier.indicator.unit, text);
    answers_changed();
}

std::string AppModel::follow_up_current_text(std::size_t item) const {
    const std::optional<FollowUp>& f = follow_up();
    return f && item < f->items.size() ? indicator_edit_text(f->items[item].current, language()) : "";
}

void AppModel::set_follow_up_note(std::size_t item, const std::string& note) {
    std::optional<FollowUp>& f = session_.assessment.follow_up;
    if (!f || item >= f->items.size()) return;
    f->items[item].note = note;
    answers_changed();
}

std::string AppModel::follow_up_problem(std::size_t item, const std::string& field) const {
    const std::optional<FollowUp>& f = follow_up();
    if (!f || item >= f->items.size()) return "";
    const FollowUpItem& it = f->items[item];
    const bool left = touched_.count("followup:" + std::to_string(item) + ":" + field) > 0;
    const bool filled = field == "current" ? has_value(it.current) : field == "note" ? !it.note.empty() : false;
    if (!left && !filled) return "";
    for (const FollowUpProblem& p : check_follow_up(*f, language()))
        if (p.item == (int)item && p.field == field) return p.message;
    return "";
}

void AppModel::leave_follow_up() {
    if (const std::optional<FollowUp>& f = follow_up())
        for (std::size_t i = 0; i < f->items.size(); i++)
            for (const char* field : {"status", "current", "note"}) touched_.insert("followup:" + std::to_string(i) + ":" + field);
    go_to(Screen::Plan);
}

void AppModel::carry_over_goal(std::size_t item) {
    const std::optional<FollowUp>& f = follow_up();
    if (!f || item >= f->items.size() || carried_over(item) || plan().areas.size() >= kMaxFocusAreas) return;
    session_.assessment.action_plan.areas.push_back(carry_over(f->items[item]));
    answers_changed();
    notify("notice.carried_over", {{"number", std::to_string(plan().areas.size())}});
}

bool AppModel::carried_over(std::size_t item) const {
    const std::optional<FollowUp>& f = follow_up();
    if (!f || item >= f->items.size()) return false;
    const std::string& focus = f->items[item].earlier.focus;
    return std::any_of(plan().areas.begin(), plan().areas.end(), [&](const FocusArea& a) { return a.focus == focus; });
}

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------
std::size_t AppModel::calendar_events() const {
    return follow_up_event_count({calendar_organisation(questionnaire(), session_.assessment)});
}

void AppModel::save_calendar() {
    save_calendar_of({calendar_organisation(questionnaire(), session_.assessment)}, export_file_name_ending("-opfoelgning.ics"));
}

void AppModel::save_calendar_of(const std::vector<CalendarOrganisation>& organisations, const std::string& file) {
    const std::string ics = follow_up_calendar(questionnaire(), organisations, language(), host_.now_timestamp());
    if (ics.empty()) return notify("notice.calendar_empty");
    const std::string target = host_.has_file_picker() ? file : host_.documents_folder() + "/" + file;
    std::string where;
    if (host_.save_file(target, ics, "text/calendar", where)) notify("notice.calendar_saved", {{"where", where}});
    else notify("notice.calendar_failed", {{"reason", where}});
}

} // namespace mf
