// screen_start.cpp - the first screen: what this is, how long it takes, the privacy promise, and the
// ways in (start, continue where you left off, load an earlier result, the municipality's overview),
// and the accessibility statement.
#include "app/screens/screens.h"
#include "app/ui/ui.h"

#include "imgui.h"

namespace mf {

void screen_start(AppModel& m) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    ImGui::Spacing();
    ImGui::PushFont(ui::fonts().title);
    ImGui::TextWrapped("Mangfoldighedstjek");
    ImGui::PopFont();
    ui::note_text("heading", "Mangfoldighedstjek", 1);
    ImGui::Spacing();
    ui::paragraph(tr("start.tagline"));
    ImGui::Spacing();
    ui::paragraph(q.intro.in(m.language()));
    ImGui::Spacing();

    ui::subheading(tr("start.how_heading"));
    // One honest count: follow-up questions appear with some answers, so the number is a range from
    // the questions everyone gets to every scored question there is (the progress line then counts
    // the questions shown, which grow within it).
    const std::size_t fewest = (std::size_t)total_progress(q, {}).visible, most = q.scored_question_count();
    const TextArgs how = {{"fewest", std::to_string(fewest)}, {"most", std::to_string(most)}, {"themes", std::to_string(q.themes.size())}};
    ui::paragraph(tr(fewest == most ? "start.how_exact" : "start.how", how));
    ImGui::Spacing();
    ui::notice(ui::Tone::Info, tr("start.privacy"));
    ImGui::Spacing();

    if (!m.answers().empty()) {
        const Progress p = total_progress(q, m.answers());
        ui::bold(tr("start.already_started"));
        ui::muted(tr("start.answered_so_far", {{"answered", std::to_string(p.answered)}, {"total", std::to_string(p.visible)}}));
        if (ui::primary_button(tr("start.continue"), "continue")) m.resume();
    } else {
        if (ui::primary_button(tr("start.start"), "start")) m.go_to(Screen::Profile);
    }
    ImGui::Spacing();
    ui::subheading(tr("start.earlier_heading"));
    ui::muted(tr("start.earlier"));
    import_controls(m, ImportPurpose::Ask);

    // The municipality's side, kept apart from the respondent's flow.
    ImGui::Spacing();
    ImGui::Spacing();
    ui::subheading(tr("start.municipality_heading"));
    ui::muted(tr("start.municipality"));
    if (ui::secondary_button(tr("start.municipality_button"), "municipality")) m.open_overview();

    // The accessibility statement the law asks for (the layer also links it on every screen).
    ImGui::Spacing();
    ImGui::Spacing();
    if (ui::small_button(tr("statement.link"), "statement")) m.open_statement();
}

} // namespace mf
