// screen_profile.cpp - the organisation profile (never scored), checked as the respondent types:
// CVR number (modulus 11), e-mail, number of employees, and the required fields once left empty.
#include "app/app_internal.h"
#include "app/style.h"

#include "imgui.h"

#include <cmath>
#include <cstdio>

namespace mf {

static std::string number_as_text(double d) {
    char buf[64];
    if (std::fabs(d - std::round(d)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", d);
    else std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

static std::string field_label(const Question& field) {
    return field.text.in(lang()) + (field.required ? "" : tr(" (valgfrit)", " (optional)"));
}

static void text_or_number_field(const Question& field) {
    Session& s = g_app.session;
    Answers& answers = s.assessment.answers;
    std::string text;
    if (field.type == QuestionType::Number) {
        auto draft = s.drafts.find(field.id);
        if (draft != s.drafts.end()) text = draft->second;
        else if (const double* d = answer_number(answers, field.id)) text = number_as_text(*d);
    } else if (const std::string* t = answer_text(answers, field.id)) {
        text = *t;
    }
    const bool touched = g_app.touched.count(field.id) > 0;
    const std::string message = profile_field_problem(field, text, lang(), touched);
    std::string hint = field.help.in(lang());
    if (field.type == QuestionType::Number && !field.unit.empty()) hint += (hint.empty() ? "" : " ") + std::string("(") + field.unit.in(lang()) + ")";
    const float width = field.type == QuestionType::Number || field.format == "cvr" ? 12 * ImGui::GetFontSize() : 0;
    const bool changed = ui::text_field(field_label(field), "profile:" + field.id, text, hint, message, false, width);
    if (ui::last_field_left()) g_app.touched.insert(field.id);
    if (!changed) return;

    if (field.type == QuestionType::Number) {
        double d = 0;
        const bool blank = text.find_first_not_of(" \t") == std::string::npos;
        if (blank) {
            answers.erase(field.id);
            s.drafts.erase(field.id);
        } else if (parse_number_text(text, d) && profile_field_problem(field, text, lang(), true).empty()) {
            answers[field.id] = d;
            s.drafts.erase(field.id);
        } else {
            answers.erase(field.id);
            s.drafts[field.id] = text; // kept as typed, so nothing is lost
        }
    } else {
        if (text.empty()) answers.erase(field.id);
        else answers[field.id] = text;
    }
    answers_changed();
}

static void choice_field(const Question& field) {
    Answers& answers = g_app.session.assessment.answers;
    const std::string* chosen = answer_text(answers, field.id);
    std::vector<ui::ComboOption> options;
    for (const Option& o : field.options) options.push_back({o.id, o.text.in(lang())});
    std::string current = chosen && field.option(*chosen) ? *chosen : "";
    if (ui::combo(field_label(field), "profile:" + field.id, options, current, tr("Vælg …", "Choose …"), ui::column_width() * 0.7f,
                  true, field.help.in(lang()))) {
        answers[field.id] = current;
        answers_changed();
        chosen = answer_text(answers, field.id);
    }
    if (ImGui::IsItemDeactivated()) g_app.touched.insert(field.id);
    const std::string message = profile_field_problem(field, chosen ? *chosen : "", lang(), g_app.touched.count(field.id) > 0);
    if (!message.empty()) {
        g_app.ui.messages.emplace_back("profile:" + field.id, message);
        ui::note_message("profile:" + field.id, message);
        ImGui::PushStyleColor(ImGuiCol_Text, colours::kError);
        ImGui::TextWrapped("%s", message.c_str());
        ImGui::PopStyleColor();
    }
}

void screen_profile() {
    const Questionnaire& q = questionnaire();
    ui::heading(tr("Om jeres organisation", "About your organisation"));
    ui::muted(tr("Profilen indgår ikke i scoren. Felter uden „valgfrit“ skal udfyldes, før du kan eksportere.",
                 "The profile is not scored. Fields not marked “optional” must be filled in before you can export."));
    ImGui::Spacing();
    for (const Question& field : q.profile) {
        if (field.type == QuestionType::Single || field.type == QuestionType::YesNo) choice_field(field);
        else if (field.type == QuestionType::Text || field.type == QuestionType::Number) text_or_number_field(field);
        ImGui::Spacing();
    }
    ImGui::Spacing();
    const bool complete = profile_complete(q, g_app.session.assessment.answers);
    if (!complete)
        ui::muted(tr("Du kan godt fortsætte og udfylde profilen senere.", "You can continue and complete the profile later."));
    if (ui::secondary_button(tr("‹ Tilbage", "‹ Back"), "back")) go_to(Screen::Start);
    ImGui::SameLine();
    if (ui::primary_button(tr("Videre til spørgsmålene ›", "On to the questions ›"), "next")) {
        if (!complete)
            for (const Question& field : q.profile) g_app.touched.insert(field.id);
        go_to_theme(0);
    }
}

} // namespace mf
