// screen_export.cpp - the export: what is still missing for a valid result file, then a download
// (browser) or a file at a chosen path (desktop), named after the organisation and the date.
#include "app/app_internal.h"
#include "app/style.h"
#include "core/result.h"
#include "platform/platform.h"

#include "imgui.h"

namespace mf {

// Saves the result file (a download in the browser, `target` path on the desktop) and says where.
static void save_result(const std::string& target, const std::string& text, const char* done_da, const char* done_en) {
    std::string where;
    if (platform::save_file(target, text, "application/json", where)) {
        g_app.last_export = where;
        g_app.export_error.clear();
        show_notice(done_da, done_en, where);
    } else {
        g_app.export_error = where;
    }
}

void screen_export() {
    const Questionnaire& q = questionnaire();
    Assessment& a = g_app.session.assessment;
    ui::heading(tr("Eksporter resultatet", "Export the result"));
    ui::paragraph(tr("Resultatfilen indeholder jeres profil, svar, scorer og handlingsplan. Gem den, så I kan følge op "
                     "næste år, og send den til Københavns Kommune, hvis I deltager i Bland dig i byen.",
                     "The result file holds your profile, answers, scores and action plan. Keep it to follow up next "
                     "year, and send it to the City of Copenhagen if you take part in Bland dig i byen."));
    ui::muted(tr("Filen gemmes kun der, hvor du vælger. Intet sendes automatisk.",
                 "The file is only saved where you choose. Nothing is sent automatically."));
    ImGui::Spacing();

    const std::string file = export_file_name(organisation_name(q, a.answers), today_date());
    const ExportOutcome outcome = export_result(q, a, file);
    if (!outcome.ok()) {
        ui::notice(ui::Tone::Warning, tr("Før du kan eksportere, mangler:", "Before you can export, please fix:"));
        for (const Diagnostic& d : outcome.diagnostics) {
            if (d.severity != Diagnostic::Severity::Error) continue;
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", d.message.c_str());
            ui::note_text("bullet", d.message);
        }
        ImGui::Spacing();
        if (ui::secondary_button(tr("Ret profilen", "Edit the profile"), "fix-profile")) go_to(Screen::Profile);
        ImGui::SameLine();
        if (ui::secondary_button(tr("Ret handlingsplanen", "Edit the action plan"), "fix-plan")) go_to(Screen::Plan);
    } else {
        ui::bold(std::string(tr("Filnavn: ", "File name: ")) + file);
        if (platform::has_file_picker()) {
            if (ui::primary_button(tr("Hent resultatfilen (.json)", "Download the result file (.json)"), "export"))
                save_result(file, outcome.text, "Resultatfilen er hentet: ", "The result file was downloaded: ");
        } else {
            static std::string path;
            if (path.empty() || path.back() == '/') path = platform::documents_folder() + "/" + file;
            ui::text_field(tr("Gem som", "Save as"), "export-path", path, "", "");
            if (ui::primary_button(tr("Gem resultatfilen", "Save the result file"), "export"))
                save_result(path, outcome.text, "Gemt: ", "Saved: ");
        }
        if (!g_app.export_error.empty()) ui::notice(ui::Tone::Error, g_app.export_error);
        if (!g_app.last_export.empty())
            ui::muted(std::string(tr("Senest eksporteret: ", "Last exported: ")) + g_app.last_export);
    }
    ImGui::Spacing();
    ui::subheading(tr("Indlæs en resultatfil", "Load a result file"));
    import_controls(ImportPurpose::Ask);
    ImGui::Spacing();
    if (ui::secondary_button(tr("‹ Tilbage til handlingsplanen", "‹ Back to the action plan"), "back")) go_to(Screen::Plan);
}

} // namespace mf
