// screen_review.cpp - before the results: the visible questions still unanswered, each with a way
// to it, and the choice to see the results anyway.
#include "app/screens/screens.h"
#include "app/ui/ui.h"

#include "imgui.h"

namespace mf {

void screen_review(AppModel& m) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    const std::vector<UnansweredQuestion> missing = unanswered_questions(q, m.answers());
    if (missing.empty()) {
        ui::heading(tr("review.all_answered"));
        if (ui::primary_button(tr("theme.see_results"), "results")) m.go_to(Screen::Results);
        return;
    }
    ui::heading(tr("review.heading"));
    ui::paragraph(tr("review.intro", {{"missing", std::to_string(missing.size())}}));
    ImGui::Spacing();
    std::size_t theme = (std::size_t)-1;
    for (const UnansweredQuestion& u : missing) {
        if (u.theme != theme) {
            theme = u.theme;
            ui::subheading(std::to_string(theme + 1) + ". " + q.themes[theme].title.in(m.language()));
        }
        const Question* question = q.question(u.question_id);
        if (!question) continue;
        ImGui::PushID(u.question_id.c_str());
        if (ui::small_button(tr("review.go_to"), "goto:" + u.question_id)) m.go_to_question(u.theme, u.question_id);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", question->text.in(m.language()).c_str());
        ui::note_text("text", question->text.in(m.language()));
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ui::secondary_button(tr("review.back"), "back")) m.go_to_theme(missing.front().theme);
    ImGui::SameLine();
    if (ui::primary_button(tr("review.results_anyway"), "results")) m.go_to(Screen::Results);
}

} // namespace mf
