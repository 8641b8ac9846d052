// screen_review.cpp - before the results: the visible questions still unanswered, each with a way
// to it, and the choice to see the results anyway.
#include "app/app_internal.h"

#include "imgui.h"

namespace mf {

void screen_review() {
    const Questionnaire& q = questionnaire();
    const std::vector<UnansweredQuestion> missing = unanswered_questions(q, g_app.session.assessment.answers);
    if (missing.empty()) {
        ui::heading(tr("Alle spørgsmål er besvaret", "Every question is answered"));
        if (ui::primary_button(tr("Se resultatet ›", "See the results ›"), "results")) go_to(Screen::Results);
        return;
    }
    ui::heading(tr("Der er ubesvarede spørgsmål", "Some questions are unanswered"));
    ui::paragraph(std::to_string(missing.size()) +
                  tr(" spørgsmål mangler svar. Ubesvarede spørgsmål tæller ikke med i resultatet, så det bliver mere "
                     "retvisende, jo flere du besvarer. „Ved ikke“ er også et svar.",
                     " questions have no answer. Unanswered questions do not count in the result, so the more you answer, "
                     "the fairer it is. “Don't know” is an answer too."));
    ImGui::Spacing();
    std::size_t theme = (std::size_t)-1;
    for (const UnansweredQuestion& u : missing) {
        if (u.theme != theme) {
            theme = u.theme;
            ui::subheading(std::to_string(theme + 1) + ". " + q.themes[theme].title.in(lang()));
        }
        const Question* question = q.question(u.question_id);
        if (!question) continue;
        ImGui::PushID(u.question_id.c_str());
        if (ui::small_button(tr("Gå til", "Go to"), "goto:" + u.question_id)) {
            go_to_theme(u.theme);
            g_app.scroll_to_question = u.question_id;
        }
        ImGui::SameLine();
        ImGui::TextWrapped("%s", question->text.in(lang()).c_str());
        ui::note_text("text", question->text.in(lang()));
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ui::secondary_button(tr("‹ Tilbage til spørgsmålene", "‹ Back to the questions"), "back"))
        go_to_theme(missing.front().theme);
    ImGui::SameLine();
    if (ui::primary_button(tr("Se resultatet alligevel ›", "See the results anyway ›"), "results")) go_to(Screen::Results);
}

} // namespace mf
