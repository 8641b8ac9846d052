// screen_plan.cpp - the action plan editor: at most three focus areas, each with a measurable goal,
// who is responsible, a follow-up date and an indicator (the questionnaire's suggestions, or the
// respondent's own), checked by core's check_action_plan as the user types.
#include "app/screens/screens.h"
#include "app/ui/ui.h"
#include "core/action_plan.h"

#include "imgui.h"

#include <functional>

namespace mf {

// The calendar's words in the language shown.
static ui::CalendarTexts calendar_texts(const Texts& tr) {
    ui::CalendarTexts c;
    c.button = tr("calendar.button");
    c.previous = tr("calendar.previous");
    c.next = tr("calendar.next");
    static const char* const kMonths[12] = {"date.month.01", "date.month.02", "date.month.03", "date.month.04",
                                            "date.month.05", "date.month.06", "date.month.07", "date.month.08",
                                            "date.month.09", "date.month.10", "date.month.11", "date.month.12"};
    static const char* const kWeekdays[7] = {"calendar.monday", "calendar.tuesday", "calendar.wednesday", "calendar.thursday",
                                             "calendar.friday", "calendar.saturday", "calendar.sunday"};
    for (int i = 0; i < 12; i++) c.months[i] = tr(kMonths[i]);
    for (int i = 0; i < 7; i++) c.weekdays[i] = tr(kWeekdays[i]);
    return c;
}

static void suggestions(AppModel& m) {
    const Texts& tr = m.texts();
    const std::vector<std::string> suggested = m.suggested_focus_areas();
    if (suggested.empty()) return;
    ui::subheading(tr("plan.suggestions"));
    for (const std::string& id : suggested) {
        if (ui::small_button(tr("plan.add_suggestion"), "suggest:" + id)) m.add_focus_area(id);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextWrapped("%s", focus_title(m, id).c_str());
        ui::note_text("text", focus_title(m, id));
    }
    ImGui::Spacing();
}

// The message of plan field `id` after its widget: an error under it in the error colour, a gentle
// warning in a box ("<id>:warning").
static void field_message(const std::string& id, const AppModel::FieldMessage& message) {
    if (message.warning) {
        if (!message.text.empty()) ui::notice(ui::Tone::Warning, message.text, id + ":warning");
    } else {
        ui::message(id, message.text);
    }
}

// A text field of the plan: its message once it was left or holds something (the model decides).
static void plan_text_field(AppModel& m, std::size_t i, const std::string& label, const char* field, std::string text,
                            const std::string& hint, bool multiline, float width, const std::function<void(const std::string&)>& set) {
    const std::string id = "plan:" + std::to_string(i) + ":" + field;
    const AppModel::FieldMessage message = m.plan_field_message(i, field);
    if (ui::text_field(label, id, text, hint, message.warning ? "" : message.text, multiline, width)) set(text);
    if (ui::last_field_left()) m.leave_field(id);
    if (message.warning) field_message(id, message);
}

// A value of the indicator: yes or no for a yes/no indicator, else typed.
static void indicator_value(AppModel& m, std::size_t i, const std::string& label, AppModel::IndicatorField field, const char* path) {
    const Texts& tr = m.texts();
    const auto set = [&m, i, field](const std::string& text) { m.set_indicator_field(i, field, text); };
    if (m.plan().areas[i].indicator.unit == kUnitYesNo) {
        const std::string id = "plan:" + std::to_string(i) + ":" + path;
        std::string chosen = m.indicator_field_text(i, field);
        if (ui::combo(label, id, {{kYes, tr("indicator.yes")}, {kNo, tr("indicator.no")}}, chosen, tr("followup.choose"), 12 * ImGui::GetFontSize()))
            set(chosen);
        field_message(id, m.plan_field_message(i, path));
    } else {
        plan_text_field(m, i, label, path, m.indicator_field_text(i, field), "", false, 12 * ImGui::GetFontSize(), set);
    }
}

// The focus area's indicator: the questionnaire's suggestions, what is measured, the unit, the value
// today and the target.
static void indicator_section(AppModel& m, std::size_t i) {
    const Texts& tr = m.texts();
    using F = AppModel::IndicatorField;
    const std::string base = "plan:" + std::to_string(i) + ":";
    ui::subheading(tr("plan.indicator"));
    field_message(base + "indicator", m.plan_field_message(i, "indicator"));
    const std::vector<SuggestedIndicator> suggested = m.suggested_indicators(i);
    for (std::size_t k = 0; k < suggested.size(); k++) {
        if (ui::small_button(tr("plan.use_indicator"), base + "suggest-indicator:" + std::to_string(k))) m.take_suggested_indicator(i, k);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        const std::string text = suggested[k].measure.in(m.language()) + " (" + indicator_unit_name(suggested[k].unit, m.language()) + ")";
        ImGui::TextWrapped("%s", text.c_str());
        ui::note_text("text", text);
    }
    plan_text_field(m, i, tr("plan.indicator_measure"), "indicator/measure", m.indicator_field_text(i, F::Measure), tr("plan.indicator_measure_hint"),
                    false, 0, [&m, i](const std::string& t) { m.set_indicator_field(i, F::Measure, t); });
    std::vector<ui::ComboOption> units;
    for (const char* unit : {kUnitPercent, kUnitNumber, kUnitYesNo}) units.push_back({unit, indicator_unit_name(unit, m.language())});
    std::string unit = m.indicator_field_text(i, F::Unit);
    if (ui::combo(tr("plan.indicator_unit"), base + "indicator/unit", units, unit, tr("plan.indicator_choose_unit"), 12 * ImGui::GetFontSize()))
        m.set_indicator_field(i, F::Unit, unit);
    field_message(base + "indicator/unit", m.plan_field_message(i, "indicator/unit"));
    indicator_value(m, i, tr("plan.indicator_baseline"), F::Baseline, "indicator/baseline");
    indicator_value(m, i, tr("plan.indicator_target"), F::Target, "indicator/target");
}

static void focus_area(AppModel& m, std::size_t i) {
    const Texts& tr = m.texts();
    const FocusArea& area = m.plan().areas[i];
    const std::string base = "plan:" + std::to_string(i) + ":";
    ImGui::Separator();
    ui::heading(tr("plan.focus_area", {{"number", std::to_string(i + 1)}}));

    std::vector<ui::ComboOption> options;
    for (const Theme& t : m.questionnaire().themes) {
        options.push_back({t.id, tr("plan.theme", {{"theme", t.title.in(m.language())}})});
        for (const Question& question : t.questions)
            if (question.scored()) options.push_back({question.id, question.text.in(m.language()), true});
    }
    std::string focus = area.focus;
    if (ui::combo(tr("plan.focus"), base + "focus", options, focus, tr("plan.choose_focus"), 0)) {
        m.set_plan_field(i, AppModel::PlanField::Focus, focus);
        m.leave_field(base + "focus");
    }
    field_message(base + "focus", m.plan_field_message(i, "focus"));

    using P = AppModel::PlanField;
    plan_text_field(m, i, tr("plan.goal"), "goal", area.goal, tr("plan.goal_hint"), true, 0,
                    [&m, i](const std::string& t) { m.set_plan_field(i, P::Goal, t); });
    plan_text_field(m, i, tr("plan.responsible"), "responsible", area.responsible, "", false, 0,
                    [&m, i](const std::string& t) { m.set_plan_field(i, P::Responsible, t); });
    // The follow-up date: typed the Danish way or picked in the calendar, kept as ISO.
    const std::string date_id = base + "followUp";
    const AppModel::FieldMessage date_message = m.plan_field_message(i, "followUp");
    std::string follow_up = m.follow_up_text(i);
    if (ui::date_field(tr("plan.follow_up"), date_id, follow_up, is_valid_date(area.follow_up) ? area.follow_up : "",
                       m.host().today(), tr("plan.follow_up_hint"), date_message.warning ? "" : date_message.text, calendar_texts(tr)))
        m.set_plan_field(i, P::FollowUp, follow_up);
    if (ui::last_field_left()) m.leave_field(date_id);
    if (date_message.warning) field_message(date_id, date_message);
    indicator_section(m, i);
}

void screen_plan(AppModel& m) {
    const Texts& tr = m.texts();
    ui::heading(tr("plan.heading"));
    ui::paragraph(tr("plan.intro"));
    ImGui::Spacing();
    suggestions(m);

    std::size_t remove = m.plan().areas.size();
    for (std::size_t i = 0; i < m.plan().areas.size(); i++) {
        ImGui::PushID((int)i);
        focus_area(m, i);
        if (ui::small_button(tr("plan.remove"), "plan:" + std::to_string(i) + ":remove")) remove = i;
        ImGui::PopID();
        ImGui::Spacing();
    }
    if (remove < m.plan().areas.size()) m.remove_focus_area(remove);
    ImGui::Separator();
    if (m.plan().areas.size() < kMaxFocusAreas) {
        if (ui::secondary_button(tr("plan.add"), "plan-add")) m.add_focus_area("");
    } else {
        ui::muted(tr("plan.full"));
    }
    ImGui::Spacing();
    report_button(m);
    calendar_button(m);
    ImGui::Spacing();
    if (ui::secondary_button(tr("plan.back"), "back")) m.go_to(Screen::Results);
    ImGui::SameLine();
    if (ui::primary_button(tr("plan.next"), "next")) m.leave_plan();
}

} // namespace mf
