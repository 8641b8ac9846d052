// screen_export.cpp - the export: what is still missing for a valid result file, then a download
// (browser) or a file at a chosen path (desktop), named after the organisation and the date; then
// how to send it to the municipality, in the questionnaire's words (its "submission" block).
#include "app/screens/screens.h"
#include "app/ui/ui.h"
#include "core/diagnostic_codes.h"

#include "imgui.h"

namespace mf {

// The questionnaire's own words on how the file reaches the municipality (nothing when it has none).
static void submission_how_to(AppModel& m) {
    const std::optional<Submission>& s = m.questionnaire().submission;
    if (!s) return;
    const Texts& tr = m.texts();
    const std::string& lang = m.language();
    ImGui::Spacing();
    ui::subheading(tr("submission.heading"));
    for (const Submission::Line& line : s->lines()) {
        ui::bold(tr(line.label_key));
        ui::paragraph(line.text->in(lang));
    }
}

void screen_export(AppModel& m) {
    const Texts& tr = m.texts();
    ui::heading(tr("export.heading"));
    ui::paragraph(tr("export.intro"));
    ui::muted(tr("export.nothing_sent"));
    ImGui::Spacing();

    const ExportOutcome outcome = m.prepare_export();
    if (!outcome.ok()) {
        ui::notice(ui::Tone::Warning, tr("export.missing"));
        for (const Diagnostic& d : outcome.diagnostics) {
            if (d.severity != Diagnostic::Severity::Error) continue;
            const std::string text = diagnostic_text(tr, d);
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", text.c_str());
            ui::note_text("bullet", text);
        }
        ImGui::Spacing();
        if (ui::secondary_button(tr("export.fix_profile"), "fix-profile")) m.go_to(Screen::Profile);
        ImGui::SameLine();
        if (ui::secondary_button(tr("export.fix_plan"), "fix-plan")) m.go_to(Screen::Plan);
    } else {
        ui::bold(tr("export.file_name", {{"file", m.export_file_name_now()}}));
        if (m.host().has_file_picker()) {
            if (ui::primary_button(tr("export.download"), "export")) m.save_export("");
        } else {
            ui::text_field(tr("export.save_as"), "export-path", m.export_path(), "", "");
            if (ui::primary_button(tr("export.save"), "export")) m.save_export(m.export_path());
        }
        if (!m.export_error().empty()) ui::notice(ui::Tone::Error, m.export_error());
        if (!m.last_export().empty()) ui::muted(tr("export.last", {{"where", m.last_export()}}));
    }
    submission_how_to(m);
    ImGui::Spacing();
    calendar_button(m);
    ImGui::Spacing();
    ui::subheading(tr("export.load_heading"));
    import_controls(m, ImportPurpose::Ask);
    ImGui::Spacing();
    if (ui::secondary_button(tr("export.back"), "back")) m.go_to(Screen::Plan);
}

} // namespace mf
