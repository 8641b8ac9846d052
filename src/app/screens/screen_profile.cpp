// screen_profile.cpp - the organisation profile (never scored), checked as the respondent types:
// CVR number (modulus 11), e-mail, number of employees, and the required fields once left empty.
#include "app/screens/screens.h"
#include "app/ui/ui.h"

#include "imgui.h"

namespace mf {

static std::string field_label(const AppModel& m, const Question& field) {
    return field.required ? field.text.in(m.language()) : m.texts()("profile.optional", {{"label", field.text.in(m.language())}});
}

static void text_or_number_field(AppModel& m, const Question& field) {
    std::string hint = field.help.in(m.language());
    // The unit says what to type when nothing else does (as under a question's number field); after
    // a help text it read as a stray "(medarbejdere)".
    if (field.type == QuestionType::Number && hint.empty()) hint = field.unit.in(m.language());
    const float width = field.type == QuestionType::Number || field.format == "cvr" ? 12 * ImGui::GetFontSize() : 0;
    std::string text = m.field_text(field);
    if (ui::text_field(field_label(m, field), "profile:" + field.id, text, hint, m.field_problem(field), false, width))
        m.type_into(field, text);
    if (ui::last_field_left()) m.leave_field(field.id);
}

static void choice_field(AppModel& m, const Question& field) {
    const Texts& tr = m.texts();
    std::vector<ui::ComboOption> options;
    for (const Option& o : field.options) options.push_back({o.id, o.text.in(m.language())});
    const std::string* chosen = answer_text(m.answers(), field.id);
    std::string current = chosen && field.option(*chosen) ? *chosen : "";
    const std::string id = "profile:" + field.id;
    if (ui::combo(field_label(m, field), id, options, current, tr("profile.choose"), ui::column_width() * 0.7f, true,
                  field.help.in(m.language())))
        m.set_answer(field, current);
    if (ImGui::IsItemDeactivated()) m.leave_field(field.id);
    ui::message(id, m.field_problem(field));
}

void screen_profile(AppModel& m) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    ui::heading(tr("profile.heading"));
    ui::muted(tr("profile.intro"));
    ImGui::Spacing();
    for (const Question& field : q.profile) {
        if (field.type == QuestionType::Single || field.type == QuestionType::YesNo) choice_field(m, field);
        else if (field.type == QuestionType::Text || field.type == QuestionType::Number) text_or_number_field(m, field);
        ImGui::Spacing();
    }
    ImGui::Spacing();
    if (!profile_complete(q, m.answers())) ui::muted(tr("profile.later"));
    if (ui::secondary_button(tr("nav.back"), "back")) m.go_to(Screen::Start);
    ImGui::SameLine();
    if (ui::primary_button(tr("profile.next"), "next")) m.leave_profile();
}

} // namespace mf
