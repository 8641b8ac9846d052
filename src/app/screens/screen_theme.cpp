// screen_theme.cpp - one theme at a time: its questions with help, progress (theme x of n, questions
// answered), back / next, and a way to jump to any theme.
#include "app/screens/screens.h"
#include "app/ui/ui.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>

namespace mf {

// A thin progress bar the width of the column (ImGui's own would put text on the accent colour).
static void progress_bar(const Texts& tr, float fraction) {
    const float w = ui::column_width();
    const float h = std::round(ImGui::GetFontSize() * 0.45f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ui::Palette& c = ui::palette();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), c.panel, h * 0.5f);
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), c.border, h * 0.5f);
    if (fraction > 0) dl->AddRectFilled(p, ImVec2(p.x + w * std::min(fraction, 1.0f), p.y + h), c.accent, h * 0.5f);
    ImGui::Dummy(ImVec2(w, h));
    ui::note_text("progress", tr("theme.progress_label"), 0, std::to_string((int)std::lround(std::min(fraction, 1.0f) * 100)));
}

static void theme_picker(AppModel& m) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("theme.go_to"));
    ImGui::SameLine();
    std::vector<ui::ComboOption> options;
    for (std::size_t t = 0; t < q.themes.size(); t++) {
        const Progress p = theme_progress(q, m.answers(), t);
        const TextArgs args = {{"number", std::to_string(t + 1)}, {"theme", q.themes[t].title.in(m.language())},
                               {"answered", std::to_string(p.answered)}, {"total", std::to_string(p.visible)}};
        options.push_back({q.themes[t].id, tr(p.complete() ? "theme.picker_entry_done" : "theme.picker_entry", args)});
    }
    std::string chosen = q.themes[m.session().theme].id;
    const float width = ImGui::GetContentRegionAvail().x < ui::column_width() ? ImGui::GetContentRegionAvail().x : ui::column_width() * 0.7f;
    if (ui::combo(tr("theme.go_to_label"), "theme-picker", options, chosen, "", width, false))
        for (std::size_t t = 0; t < q.themes.size(); t++)
            if (q.themes[t].id == chosen) m.go_to_theme(t);
}

static void question_answers(AppModel& m, const Question& question) {
    const Texts& tr = m.texts();
    const std::string qid = "q:" + question.id + ":";
    switch (question.type) {
    case QuestionType::Single:
        for (const Option& o : question.options) {
            const std::string* chosen = answer_text(m.answers(), question.id);
            if (ui::choice(o.text.in(m.language()), qid + o.id, chosen && *chosen == o.id, true)) m.set_answer(question, o.id);
        }
        break;
    case QuestionType::YesNo: {
        struct Choice { const char* id; const char* text; };
        static const Choice kChoices[] = {{kYes, "answer.yes"}, {kNo, "answer.no"}, {kDontKnow, "answer.dont_know"}};
        for (const Choice& c : kChoices) {
            const std::string* chosen = answer_text(m.answers(), question.id);
            if (ui::choice(tr(c.text), qid + c.id, chosen && *chosen == c.id, true)) m.set_answer(question, std::string(c.id));
        }
        break;
    }
    case QuestionType::Multiple:
        for (const Option& o : question.options) {
            const std::vector<std::string>* selection = answer_selection(m.answers(), question.id);
            const bool on = selection && std::find(selection->begin(), selection->end(), o.id) != selection->end();
            if (ui::choice(o.text.in(m.language()), qid + o.id, on, false)) m.toggle_option(question, o.id);
        }
        break;
    case QuestionType::Number: {
        std::string text = m.field_text(question);
        if (ui::text_field(tr("answer.number"), qid + "value", text, question.unit.in(m.language()), m.field_problem(question), false,
                           12 * ImGui::GetFontSize()))
            m.type_into(question, text);
        break;
    }
    case QuestionType::Text: {
        std::string text = m.field_text(question);
        if (ui::text_field(tr("answer.text"), qid + "text", text, "", "", true)) m.type_into(question, text);
        break;
    }
    }
}

void screen_theme(AppModel& m) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    const std::size_t theme_index = m.session().theme < q.themes.size() ? m.session().theme : 0;
    const Theme& theme = q.themes[theme_index];

    const Progress total = total_progress(q, m.answers());
    ui::muted(tr("theme.position", {{"number", std::to_string(theme_index + 1)}, {"themes", std::to_string(q.themes.size())},
                                    {"answered", std::to_string(total.answered)}, {"total", std::to_string(total.visible)}}));
    progress_bar(tr, total.visible > 0 ? (float)total.answered / (float)total.visible : 0.0f);
    ImGui::Spacing();
    theme_picker(m);
    ImGui::Spacing();
    ui::heading(theme.title.in(m.language()));
    if (!theme.intro.empty()) ui::paragraph(theme.intro.in(m.language()));
    const Progress here = theme_progress(q, m.answers(), theme_index);
    ui::muted(tr("theme.answered_here", {{"answered", std::to_string(here.answered)}, {"total", std::to_string(here.visible)}}));
    ImGui::Spacing();

    int number = 1;
    for (const Question* question : visible_questions(q, m.answers(), theme_index)) {
        if (m.take_scroll_to_question(question->id)) ImGui::SetScrollHereY(0.05f);
        ImGui::Separator();
        ImGui::Spacing();
        ImGui::PushID(question->id.c_str());
        ui::bold(std::to_string(number++) + ". " + question->text.in(m.language()));
        const bool answered = m.answers().count(question->id) > 0;
        if (!question->help.empty()) {
            const bool open = m.help_open(question->id);
            if (ui::small_button(tr(open ? "theme.hide_help" : "theme.show_help"), "help:" + question->id)) m.toggle_help(question->id);
            if (answered) ImGui::SameLine();
            if (open) {
                if (answered) ImGui::NewLine();
                ui::notice(ui::Tone::Info, question->help.in(m.language()));
            }
        }
        if (answered && question->type != QuestionType::Text) {
            if (ui::small_button(tr("theme.clear_answer"), "clear:" + question->id)) m.clear_answer(*question);
        }
        question_answers(m, *question);
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::Separator();
    ImGui::Spacing();

    const bool last = theme_index + 1 >= q.themes.size();
    if (ui::secondary_button(tr("nav.back"), "back")) m.previous_theme();
    ImGui::SameLine();
    if (ui::primary_button(tr(last ? "theme.see_results" : "theme.next"), "next")) m.next_theme();
}

} // namespace mf
