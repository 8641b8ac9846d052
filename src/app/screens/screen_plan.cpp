// screen_plan.cpp - the action plan editor: at most three focus areas, each with a measurable goal,
// who is responsible and a follow-up date, checked by core's check_action_plan as the user types.
#include "app/screens/screens.h"
#include "app/ui/ui.h"
#include "core/action_plan.h"

#include "imgui.h"

namespace mf {

static std::string focus_title(const AppModel& m, const std::string& id) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    for (const Theme& t : q.themes)
        if (t.id == id) return tr("plan.theme", {{"theme", t.title.in(m.language())}});
    if (const Question* question = q.question(id)) return question->text.in(m.language());
    return tr("plan.choose_focus");
}

static std::string problem_for(const std::vector<ActionPlanProblem>& problems, std::size_t area, const char* field) {
    for (const ActionPlanProblem& p : problems)
        if (p.area == (int)area && p.field == field) return p.message;
    return "";
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

static void focus_area(AppModel& m, std::size_t i, const std::vector<ActionPlanProblem>& problems) {
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
    if (ui::combo(tr("plan.focus"), base + "focus", options, focus, tr("plan.choose_focus"), 0))
        m.set_plan_field(i, AppModel::PlanField::Focus, focus);
    ui::message(base + "focus", problem_for(problems, i, "focus"));

    std::string goal = area.goal, responsible = area.responsible, follow_up = area.follow_up;
    if (ui::text_field(tr("plan.goal"), base + "goal", goal, tr("plan.goal_hint"), goal.empty() ? "" : problem_for(problems, i, "goal"), true))
        m.set_plan_field(i, AppModel::PlanField::Goal, goal);
    if (ui::text_field(tr("plan.responsible"), base + "responsible", responsible, "",
                       responsible.empty() ? "" : problem_for(problems, i, "responsible")))
        m.set_plan_field(i, AppModel::PlanField::Responsible, responsible);
    if (ui::text_field(tr("plan.follow_up"), base + "followUp", follow_up, tr("plan.follow_up_hint"),
                       follow_up.empty() ? "" : problem_for(problems, i, "followUp"), false, 12 * ImGui::GetFontSize()))
        m.set_plan_field(i, AppModel::PlanField::FollowUp, follow_up);
}

void screen_plan(AppModel& m) {
    const Texts& tr = m.texts();
    ui::heading(tr("plan.heading"));
    ui::paragraph(tr("plan.intro"));
    ImGui::Spacing();
    suggestions(m);

    const std::vector<ActionPlanProblem> problems = check_action_plan(m.plan(), m.questionnaire(), m.host().today(), m.language());
    std::size_t remove = m.plan().areas.size();
    for (std::size_t i = 0; i < m.plan().areas.size(); i++) {
        ImGui::PushID((int)i);
        focus_area(m, i, problems);
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
    ImGui::Spacing();
    if (ui::secondary_button(tr("plan.back"), "back")) m.go_to(Screen::Results);
    ImGui::SameLine();
    if (ui::primary_button(tr("plan.next"), "next")) m.go_to(Screen::Export);
}

} // namespace mf
