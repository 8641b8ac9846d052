// screen_theme.cpp - one theme at a time: its questions with help, progress (theme x of n, questions
// answered), back / next, and a way to jump to any theme.
#include "app/app_internal.h"
#include "app/style.h"
#include "core/answer_check.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mf {

static std::string progress_text(const Progress& p) {
    return std::to_string(p.answered) + tr(" af ", " of ") + std::to_string(p.visible) + tr(" besvaret", " answered");
}

// A thin progress bar the width of the column (ImGui's own would put text on the accent colour).
static void progress_bar(float fraction) {
    const float w = ui::column_width();
    const float h = std::round(ImGui::GetFontSize() * 0.45f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), colours::kPanel, h * 0.5f);
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), colours::kBorder, h * 0.5f);
    if (fraction > 0) dl->AddRectFilled(p, ImVec2(p.x + w * std::min(fraction, 1.0f), p.y + h), colours::kAccent, h * 0.5f);
    ImGui::Dummy(ImVec2(w, h));
    ui::note_text("progress", tr("Besvaret i alt", "Answered in all"));
    g_app.ui.items.back().value = std::to_string((int)std::lround(std::min(fraction, 1.0f) * 100));
}

static void theme_picker() {
    const Questionnaire& q = questionnaire();
    const Answers& a = g_app.session.assessment.answers;
    const std::size_t current = g_app.session.theme;
    auto entry = [&](std::size_t t) {
        const Progress p = theme_progress(q, a, t);
        return std::to_string(t + 1) + ". " + q.themes[t].title.in(lang()) + "  (" + std::to_string(p.answered) + "/" +
               std::to_string(p.visible) + ")" + (p.complete() ? tr(" – færdigt", " – done") : "");
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Gå til tema:", "Go to theme:"));
    ImGui::SameLine();
    std::vector<ui::ComboOption> options;
    for (std::size_t t = 0; t < q.themes.size(); t++) options.push_back({q.themes[t].id, entry(t)});
    std::string chosen = q.themes[current].id;
    const float width = ImGui::GetContentRegionAvail().x < ui::column_width() ? ImGui::GetContentRegionAvail().x : ui::column_width() * 0.7f;
    if (ui::combo(tr("Gå til tema", "Go to theme"), "theme-picker", options, chosen, "", width, false))
        for (std::size_t t = 0; t < q.themes.size(); t++)
            if (q.themes[t].id == chosen) go_to_theme(t);
}

static void set_answer(const Question& question, AnswerValue value) {
    g_app.session.assessment.answers[question.id] = std::move(value);
    answers_changed();
}

static void clear_answer(const Question& question) {
    g_app.session.assessment.answers.erase(question.id);
    g_app.session.drafts.erase(question.id);
    answers_changed();
}

static void question_answers(const Question& question) {
    Session& s = g_app.session;
    Answers& answers = s.assessment.answers;
    const std::string qid = "q:" + question.id + ":";
    switch (question.type) {
    case QuestionType::Single:
        for (const Option& o : question.options) {
            const std::string* chosen = answer_text(answers, question.id);
            if (ui::choice(o.text.in(lang()), qid + o.id, chosen && *chosen == o.id, true)) set_answer(question, o.id);
        }
        break;
    case QuestionType::YesNo: {
        struct Yn { const char* id; const char* da; const char* en; };
        static const Yn kOptions[] = {{kYes, "Ja", "Yes"}, {kNo, "Nej", "No"}, {kDontKnow, "Ved ikke", "Don't know"}};
        for (const Yn& o : kOptions) {
            const std::string* chosen = answer_text(answers, question.id);
            if (ui::choice(tr(o.da, o.en), qid + o.id, chosen && *chosen == o.id, true)) set_answer(question, std::string(o.id));
        }
        break;
    }
    case QuestionType::Multiple: {
        for (const Option& o : question.options) {
            const std::vector<std::string>* sel = answer_selection(answers, question.id);
            std::vector<std::string> selection = sel ? *sel : std::vector<std::string>{};
            const bool on = std::find(selection.begin(), selection.end(), o.id) != selection.end();
            if (ui::choice(o.text.in(lang()), qid + o.id, on, false)) {
                if (on) {
                    selection.erase(std::remove(selection.begin(), selection.end(), o.id), selection.end());
                } else if (o.exclusive) {
                    selection = {o.id}; // "none of these" clears the others
                } else {
                    selection.erase(std::remove_if(selection.begin(), selection.end(),
                                                   [&](const std::string& id) {
                                                       const Option* other = question.option(id);
                                                       return other && other->exclusive;
                                                   }),
                                    selection.end());
                    selection.push_back(o.id);
                }
                // An empty selection is an answer ("none chosen") only when the respondent keeps it
                // that way on purpose; unticking the last box makes the question unanswered again.
                if (selection.empty()) clear_answer(question);
                else set_answer(question, in_option_order(question, selection));
            }
        }
        break;
    }
    case QuestionType::Number: {
        std::string text;
        auto draft = s.drafts.find(question.id);
        if (draft != s.drafts.end()) text = draft->second;
        else if (const double* d = answer_number(answers, question.id)) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g", *d);
            text = buf;
        }
        const std::string message = profile_field_problem(question, text, lang(), false);
        if (ui::text_field(tr("Antal", "Number"), qid + "value", text, question.unit.in(lang()), message, false,
                           12 * ImGui::GetFontSize())) {
            double d = 0;
            if (text.find_first_not_of(" \t") == std::string::npos) clear_answer(question);
            else if (parse_number_text(text, d) && profile_field_problem(question, text, lang(), true).empty()) {
                s.drafts.erase(question.id);
                set_answer(question, d);
            } else {
                answers.erase(question.id);
                s.drafts[question.id] = text;
                answers_changed();
            }
        }
        break;
    }
    case QuestionType::Text: {
        const std::string* t = answer_text(answers, question.id);
        std::string text = t ? *t : "";
        if (ui::text_field(tr("Dit svar (valgfrit)", "Your answer (optional)"), qid + "text", text, "", "", true)) {
            if (text.empty()) clear_answer(question);
            else set_answer(question, text);
        }
        break;
    }
    }
}

void screen_theme() {
    const Questionnaire& q = questionnaire();
    Session& s = g_app.session;
    if (s.theme >= q.themes.size()) s.theme = 0;
    const Theme& theme = q.themes[s.theme];
    const Answers& answers = s.assessment.answers;

    const Progress total = total_progress(q, answers);
    ui::muted(std::string(tr("Tema ", "Theme ")) + std::to_string(s.theme + 1) + tr(" af ", " of ") +
              std::to_string(q.themes.size()) + "  ·  " + std::to_string(total.answered) + tr(" af ", " of ") +
              std::to_string(total.visible) + tr(" spørgsmål besvaret i alt", " questions answered in all"));
    progress_bar(total.visible > 0 ? (float)total.answered / (float)total.visible : 0.0f);
    ImGui::Spacing();
    theme_picker();
    ImGui::Spacing();
    ui::heading(theme.title.in(lang()));
    if (!theme.intro.empty()) ui::paragraph(theme.intro.in(lang()));
    ui::muted(progress_text(theme_progress(q, answers, s.theme)) + tr(" i dette tema", " in this theme"));
    ImGui::Spacing();

    int number = 1;
    for (const Question* question : visible_questions(q, answers, s.theme)) {
        if (g_app.scroll_to_question == question->id) {
            ImGui::SetScrollHereY(0.05f);
            g_app.scroll_to_question.clear();
        }
        ImGui::Separator();
        ImGui::Spacing();
        ImGui::PushID(question->id.c_str());
        ui::bold(std::to_string(number++) + ". " + question->text.in(lang()));
        const bool answered = answers.count(question->id) > 0;
        if (!question->help.empty()) {
            const bool open = g_app.help_open.count(question->id) > 0;
            if (ui::small_button(open ? tr("Skjul hjælp", "Hide help") : tr("Hjælp til spørgsmålet", "Help with this question"),
                                 "help:" + question->id)) {
                if (open) g_app.help_open.erase(question->id);
                else g_app.help_open.insert(question->id);
            }
            if (answered) ImGui::SameLine();
            if (open) {
                if (answered) ImGui::NewLine();
                ui::notice(ui::Tone::Info, question->help.in(lang()));
            }
        }
        if (answered && question->type != QuestionType::Text) {
            if (ui::small_button(tr("Fjern svar", "Clear answer"), "clear:" + question->id)) clear_answer(*question);
        }
        question_answers(*question);
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::Separator();
    ImGui::Spacing();

    const bool last = s.theme + 1 >= q.themes.size();
    if (ui::secondary_button(tr("‹ Tilbage", "‹ Back"), "back")) {
        if (s.theme == 0) go_to(Screen::Profile);
        else go_to_theme(s.theme - 1);
    }
    ImGui::SameLine();
    if (ui::primary_button(last ? tr("Se resultatet ›", "See the results ›") : tr("Næste tema ›", "Next theme ›"), "next")) {
        if (last) go_to(screen_after_themes(q, answers));
        else go_to_theme(s.theme + 1);
    }
}

} // namespace mf
