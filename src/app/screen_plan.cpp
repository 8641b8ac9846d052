// screen_plan.cpp - the action plan editor: at most three focus areas, each with a measurable goal,
// who is responsible and a follow-up date, checked by core's check_action_plan as the user types.
#include "app/app_internal.h"
#include "app/style.h"
#include "core/action_plan.h"
#include "core/recommendations.h"
#include "core/scoring.h"

#include "imgui.h"

#include <algorithm>

namespace mf {

static std::string focus_title(const std::string& id) {
    const Questionnaire& q = questionnaire();
    for (const Theme& t : q.themes)
        if (t.id == id) return std::string(tr("Tema: ", "Theme: ")) + t.title.in(lang());
    if (const Question* question = q.question(id)) return question->text.in(lang());
    return tr("Vælg et fokusområde …", "Choose a focus area …");
}

static std::string problem_for(const std::vector<ActionPlanProblem>& problems, int area, const char* field) {
    for (const ActionPlanProblem& p : problems)
        if (p.area == area && p.field == field) return p.message;
    return "";
}

static void focus_combo(FocusArea& area, int index) {
    const Questionnaire& q = questionnaire();
    std::vector<ui::ComboOption> options;
    for (const Theme& t : q.themes) {
        options.push_back({t.id, std::string(tr("Tema: ", "Theme: ")) + t.title.in(lang())});
        for (const Question& question : t.questions)
            if (question.scored()) options.push_back({question.id, question.text.in(lang()), true});
    }
    if (ui::combo(tr("Fokusområde", "Focus area"), "plan:" + std::to_string(index) + ":focus", options, area.focus,
                  tr("Vælg et fokusområde …", "Choose a focus area …"), 0))
        answers_changed();
}

void screen_plan() {
    const Questionnaire& q = questionnaire();
    ActionPlan& plan = g_app.session.assessment.action_plan;
    ui::heading(tr("Handlingsplan", "Action plan"));
    ui::paragraph(tr("Få, enkle og målbare mål virker bedst. Vælg op til tre fokusområder, og skriv for hvert et mål, "
                     "hvem der har ansvaret, og hvornår I følger op.",
                     "A few simple, measurable goals work best. Choose up to three focus areas and write for each a goal, "
                     "who is responsible, and when you will follow up."));
    ImGui::Spacing();

    // Suggestions: the themes with the biggest possible gain that are not in the plan yet.
    if (plan.areas.size() < kMaxFocusAreas) {
        const Scores scores = compute_scores(q, g_app.session.assessment.answers);
        const RecommendationList recs = recommend(q, g_app.session.assessment.answers, scores, lang());
        std::vector<std::string> suggested;
        for (const Recommendation& r : recs.items) {
            if (suggested.size() >= 3) break;
            const bool in_plan = std::any_of(plan.areas.begin(), plan.areas.end(), [&](const FocusArea& a) { return a.focus == r.theme_id; });
            if (!in_plan && std::find(suggested.begin(), suggested.end(), r.theme_id) == suggested.end()) suggested.push_back(r.theme_id);
        }
        if (!suggested.empty()) {
            ui::subheading(tr("Forslag ud fra jeres resultat", "Suggestions from your result"));
            for (const std::string& id : suggested) {
                if (ui::small_button(tr("Tilføj", "Add"), "suggest:" + id) && plan.areas.size() < kMaxFocusAreas) {
                    FocusArea a;
                    a.focus = id;
                    plan.areas.push_back(a);
                    answers_changed();
                }
                ImGui::SameLine();
                ImGui::AlignTextToFramePadding();
                ImGui::TextWrapped("%s", focus_title(id).c_str());
                ui::note_text("text", focus_title(id));
            }
            ImGui::Spacing();
        }
    }

    const std::vector<ActionPlanProblem> problems = check_action_plan(plan, q, today_date(), lang());
    int remove = -1;
    for (int i = 0; i < (int)plan.areas.size(); i++) {
        FocusArea& area = plan.areas[(std::size_t)i];
        ImGui::PushID(i);
        ImGui::Separator();
        ui::heading(std::string(tr("Fokusområde ", "Focus area ")) + std::to_string(i + 1));
        focus_combo(area, i);
        const std::string fp = problem_for(problems, i, "focus");
        if (!fp.empty()) {
            ui::note_message("plan:" + std::to_string(i) + ":focus", fp);
            ImGui::PushStyleColor(ImGuiCol_Text, colours::kError);
            ImGui::TextWrapped("%s", fp.c_str());
            ImGui::PopStyleColor();
        }
        const std::string base = "plan:" + std::to_string(i) + ":";
        if (ui::text_field(tr("Målbart mål", "Measurable goal"), base + "goal", area.goal,
                           tr("Fx: „Mindst to nye rekrutteringskanaler i brug inden sommer“.", "E.g. “At least two new recruitment channels in use before summer”."),
                           area.goal.empty() ? "" : problem_for(problems, i, "goal"), true))
            answers_changed();
        if (ui::text_field(tr("Ansvarlig (person eller rolle)", "Responsible (person or role)"), base + "responsible", area.responsible, "",
                           area.responsible.empty() ? "" : problem_for(problems, i, "responsible")))
            answers_changed();
        if (ui::text_field(tr("Opfølgningsdato", "Follow-up date"), base + "followUp", area.follow_up,
                           tr("Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-01.", "Write the date as YYYY-MM-DD, e.g. 2027-03-01."),
                           area.follow_up.empty() ? "" : problem_for(problems, i, "followUp"), false, 12 * ImGui::GetFontSize()))
            answers_changed();
        if (ui::small_button(tr("Fjern fokusområdet", "Remove this focus area"), base + "remove")) remove = i;
        ImGui::PopID();
        ImGui::Spacing();
    }
    if (remove >= 0) {
        plan.areas.erase(plan.areas.begin() + remove);
        answers_changed();
    }
    ImGui::Separator();
    if (plan.areas.size() < kMaxFocusAreas) {
        if (ui::secondary_button(tr("+ Tilføj et fokusområde", "+ Add a focus area"), "plan-add")) {
            plan.areas.push_back(FocusArea{});
            answers_changed();
        }
    } else {
        ui::muted(tr("Planen har tre fokusområder – det højeste antal.", "The plan has three focus areas – the most it can have."));
    }
    ImGui::Spacing();
    report_button();
    ImGui::Spacing();
    if (ui::secondary_button(tr("‹ Tilbage til resultatet", "‹ Back to the results"), "back")) go_to(Screen::Results);
    ImGui::SameLine();
    if (ui::primary_button(tr("Videre til eksport ›", "On to export ›"), "next")) go_to(Screen::Export);
}

} // namespace mf
