// screen_follow_up.cpp - "Opfølgning": each focus area of the earlier plan with its goal,
// responsible, date and indicator; how it went (status), the indicator's value now, a note, the
// progress towards the target, and carrying the goal over into the new plan.
#include "app/screens/screens.h"
#include "app/ui/ui.h"
#include "core/scoring.h"

#include "imgui.h"

namespace mf {

namespace {

// The value now: yes or no for a yes/no indicator, else typed (read as the plan's values are).
void current_value(AppModel& m, std::size_t i, const Indicator& ind, const std::string& base) {
    const Texts& tr = m.texts();
    const std::string label = tr("followup.current", {{"unit", indicator_unit_name(ind.unit, m.language())}});
    if (ind.unit == kUnitYesNo) {
        std::string chosen = m.follow_up_current_text(i);
        if (ui::combo(label, base + "current", {{kYes, tr("indicator.yes")}, {kNo, tr("indicator.no")}}, chosen, tr("followup.choose"),
                      12 * ImGui::GetFontSize()))
            m.set_follow_up_current(i, chosen);
    } else {
        std::string text = m.follow_up_current_text(i);
        if (ui::text_field(label, base + "current", text, "", m.follow_up_problem(i, "current"), false, 12 * ImGui::GetFontSize()))
            m.set_follow_up_current(i, text);
        if (ui::last_field_left()) m.leave_field(base + "current");
    }
}

void item_section(AppModel& m, std::size_t i) {
    const Texts& tr = m.texts();
    const FollowUpItem& item = m.follow_up()->items[i];
    const FocusArea& a = item.earlier;
    const std::string base = "followup:" + std::to_string(i) + ":";
    ImGui::Separator();
    ui::heading(tr("followup.item", {{"number", std::to_string(i + 1)}, {"focus", focus_title(m, a.focus)}}));
    ui::bold(a.goal);
    ui::muted(tr("followup.who_when", {{"responsible", a.responsible}, {"date", a.follow_up}}));
    if (!a.indicator.empty())
        ui::muted(tr("report.indicator_then", {{"measure", a.indicator.measure},
                                               {"baseline", indicator_value_text(a.indicator.unit, a.indicator.baseline, m.language())},
                                               {"target", indicator_value_text(a.indicator.unit, a.indicator.target, m.language())}}));
    else
        ui::muted(tr("report.no_indicator"));

    ui::subheading(tr("followup.how_did_it_go"));
    for (FollowUpStatus status : kFollowUpStatuses)
        if (ui::choice(follow_up_status_name(status, m.language()), base + follow_up_status_id(status), item.status == status, true))
            m.set_follow_up_status(i, status);
    const std::string status_problem = m.follow_up_problem(i, "status");
    if (!status_problem.empty()) ui::message(base + follow_up_status_id(FollowUpStatus::Dropped), status_problem);

    if (!a.indicator.empty()) {
        current_value(m, i, a.indicator, base);
        if (const std::optional<double> p = indicator_progress(a.indicator, item.current))
            ui::percent_bar(tr("followup.progress_label"), round1(*p), std::nullopt, tr.percent(round1(*p)));
    }
    std::string note = item.note;
    if (ui::text_field(tr("followup.note"), base + "note", note, tr("followup.note_hint"), m.follow_up_problem(i, "note"), true))
        m.set_follow_up_note(i, note);
    if (ui::last_field_left()) m.leave_field(base + "note");

    if (m.carried_over(i)) ui::muted(tr("followup.in_new_plan"));
    else if (m.plan().areas.size() >= kMaxFocusAreas) ui::muted(tr("plan.full"));
    else if (ui::small_button(tr("followup.carry_over"), base + "carry")) m.carry_over_goal(i);
}

} // namespace

void screen_follow_up(AppModel& m) {
    const Texts& tr = m.texts();
    ui::heading(tr("followup.heading"));
    const std::optional<FollowUp>& f = m.follow_up();
    if (!f) {
        ui::paragraph(tr("followup.none"));
    } else {
        const std::string& created = f->earlier_created;
        ui::paragraph(tr("followup.intro", {{"date", created.size() >= 10 ? created.substr(0, 10) : created}}));
        if (f->items.empty()) ui::paragraph(tr("report.follow_up_empty"));
        for (std::size_t i = 0; i < f->items.size(); i++) {
            ImGui::PushID((int)i);
            item_section(m, i);
            ImGui::PopID();
            ImGui::Spacing();
        }
        ImGui::Separator();
    }
    ImGui::Spacing();
    if (ui::secondary_button(tr("plan.back"), "back")) m.go_to(Screen::Results);
    ImGui::SameLine();
    if (ui::primary_button(tr("followup.next"), "next")) m.leave_follow_up();
}

} // namespace mf
