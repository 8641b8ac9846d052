// frame.cpp - what every screen has around it: the header (product, language, text size, workshop,
// start over), the row of steps, the dialogs (an opened result file, starting over), the notice
// that answers are not being saved, and the screen shown when the questionnaire did not load.
//
// Index
//   - header
//   - steps
//   - import_dialog, start_over_dialog
//   - storage_failed_notice, language_notice, load_error_screen
#include "app/screens/screens.h"
#include "app/ui/ui.h"

#include "imgui.h"

#include <algorithm>
#include <vector>

namespace mf {

static constexpr const char* kProductName = "Mangfoldighedstjek"; // a name: the same in every language

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------
// The header is drawn at the size of 100 % text whatever the user's text size: its buttons stay
// exactly where they are when "A+" or "A–" is pressed, so a second press lands on the same button
// (browser zoom and presentation mode still enlarge it with everything else).
void header(AppModel& m) {
    const Texts& tr = m.texts();
    const ui::Palette& colours = ui::palette();
    const ui::FixedScale fixed(ui::scale_without(text_scale(m.session())));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wp = ImGui::GetWindowPos();
    const float w = ImGui::GetWindowWidth();
    const ImGuiStyle& st = ImGui::GetStyle();
    const ImVec2 pad = fixed.window_padding;
    const float fh = ImGui::GetFrameHeight();

    // Measured first: the controls on the right (language, text size, start over) and the name.
    // On a narrow window (a phone, a large text size) the controls move to a second row.
    const std::string start_over = tr("header.start_over");
    const std::string workshop = tr("header.workshop");
    const bool respondent = !m.overview_open(); // the overview has no workshop and nothing to start over
    const std::string size_label = tr("header.text_size", {{"percent", std::to_string((int)(text_scale(m.session()) * 100 + 0.5f))}});
    const char* language_names[][2] = {{"da", tr("header.language_da")}, {"en", tr("header.language_en")}};
    auto bw = [&](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x + st.FramePadding.x * 2; };
    const float right = bw(language_names[0][1]) + bw(language_names[1][1]) + bw("A–") + bw("A+") + ImGui::CalcTextSize(size_label.c_str()).x +
                        (respondent ? bw(start_over) + bw(workshop) + st.ItemSpacing.x * 6 : st.ItemSpacing.x * 4);
    ImGui::PushFont(ui::fonts().bold);
    const float name_w = fh * 0.6f + st.ItemInnerSpacing.x + ImGui::CalcTextSize(kProductName).x;
    ImGui::PopFont();
    const std::string tagline = tr("header.tagline");
    const float inner = w - 2 * pad.x;
    const bool two_rows = name_w + right + st.ItemSpacing.x * 2 > inner;
    const bool show_tagline = !two_rows && name_w + ImGui::CalcTextSize(tagline.c_str()).x + right + st.ItemSpacing.x * 3 <= inner;

    const bool three_rows = two_rows && right > inner; // "Start over" on a row of its own
    const int rows = three_rows ? 3 : two_rows ? 2 : 1;
    const float h = fh * rows + st.ItemSpacing.y * (rows - 1) + pad.y * 1.2f;
    dl->PushClipRect(wp, ImVec2(wp.x + w, wp.y + h), false); // the band reaches into the window padding
    dl->AddRectFilled(wp, ImVec2(wp.x + w, wp.y + h), colours.panel);
    dl->AddLine(ImVec2(wp.x, wp.y + h - 1), ImVec2(wp.x + w, wp.y + h - 1), colours.border, 1.0f);
    dl->PopClipRect();
    ImGui::SetCursorPos(ImVec2(pad.x, pad.y * 0.6f));
    // The product mark: a small accent square and the name.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(p.x, p.y + fh * 0.2f), ImVec2(p.x + fh * 0.6f, p.y + fh * 0.8f), colours.accent, 3.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + fh * 0.6f + st.ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ui::fonts().bold);
    ImGui::TextUnformatted(kProductName);
    ImGui::PopFont();
    if (show_tagline) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
        ImGui::TextUnformatted(tagline.c_str());
        ImGui::PopStyleColor();
    }
    if (!two_rows) ImGui::SameLine(w - pad.x - right);
    else ImGui::SetCursorPosX(pad.x); // a row of its own, from the header's own left edge
    for (const auto& language : language_names) {
        const std::string code = language[0], label = language[1];
        const bool active = m.language() == code;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, colours.accent_soft);
        if (active) ImGui::PushStyleColor(ImGuiCol_Border, colours.accent);
        const bool pressed = ImGui::Button((label + "###lang-" + code).c_str());
        if (active) ImGui::PopStyleColor(2);
        const bool via_layer = ui::note("button", label, "lang-" + code, active);
        if (pressed || via_layer) m.set_language(code);
        ImGui::SameLine();
    }
    const int size = m.text_size();
    ImGui::BeginDisabled(size <= 0);
    const bool smaller = ImGui::Button("A–###text-smaller");
    ImGui::EndDisabled();
    if (ui::note("button", tr("header.smaller"), "text-smaller", false, "", size > 0) || smaller) m.set_text_size(size - 1);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(size_label.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(size >= kTextSizeCount - 1);
    const bool larger = ImGui::Button("A+###text-larger");
    ImGui::EndDisabled();
    if (ui::note("button", tr("header.larger"), "text-larger", false, "", size < kTextSizeCount - 1) || larger) m.set_text_size(size + 1);
    if (respondent) {
        if (!three_rows) ImGui::SameLine();
        else ImGui::SetCursorPosX(pad.x);
        const bool workshop_pressed = ImGui::Button((workshop + "###header-workshop").c_str());
        if (ui::note("button", workshop, "header-workshop") || workshop_pressed) m.go_to(Screen::Workshop);
        ImGui::SameLine();
        const bool start_over_pressed = ImGui::Button((start_over + "###start-over").c_str());
        if (ui::note("button", start_over, "start-over") || start_over_pressed) m.ask_start_over();
    }
    ImGui::SetCursorPosY(h + st.ItemSpacing.y);
}

// ---------------------------------------------------------------------------------------------
// Steps: where the respondent is, and a way to any step
// ---------------------------------------------------------------------------------------------
void steps(AppModel& m) {
    const Texts& tr = m.texts();
    const Screen s = m.screen();
    if (s == Screen::Start || s == Screen::Workshop || s == Screen::Compare) return;
    struct Step { Screen screen; const char* text; const char* id; };
    // "Opfølgning" comes between the results and the plan while the assessment follows one up.
    static const Step kAll[] = {
        {Screen::Profile, "steps.profile", "step-profile"},
        {Screen::Theme, "steps.questions", "step-questions"},
        {Screen::Results, "steps.results", "step-results"},
        {Screen::FollowUp, "steps.follow_up", "step-followup"},
        {Screen::Plan, "steps.plan", "step-plan"},
        {Screen::Export, "steps.export", "step-export"},
    };
    std::vector<const Step*> shown;
    for (const Step& step : kAll)
        if (step.screen != Screen::FollowUp || m.follow_up()) shown.push_back(&step);
    const ui::Palette& colours = ui::palette();
    const float right_edge = ImGui::GetCursorScreenPos().x + ui::column_width();
    int n = 1;
    for (std::size_t k = 0; k < shown.size(); k++) {
        const Step& step = *shown[k];
        const bool current = s == step.screen || (step.screen == Screen::Theme && s == Screen::Review);
        const std::string label = std::to_string(n++) + ". " + tr(step.text);
        ImGui::PushStyleColor(ImGuiCol_Button, current ? colours.accent_soft : ui::rgb(0xff, 0xff, 0xff));
        ImGui::PushStyleColor(ImGuiCol_Border, current ? colours.accent : colours.border);
        if (current) ImGui::PushFont(ui::fonts().bold);
        const bool pressed = ImGui::Button((label + "###" + step.id).c_str());
        if (current) ImGui::PopFont();
        ImGui::PopStyleColor(2);
        const bool via_layer = ui::note("button", label, step.id, current);
        if (pressed || via_layer) {
            if (step.screen == Screen::Theme) m.go_to_theme(m.session().theme);
            else m.go_to(step.screen);
        }
        if (k + 1 < shown.size()) {
            // The next step on the same line when it fits in the column, else on the next line.
            const float next_w = ImGui::CalcTextSize(tr(shown[k + 1]->text)).x + ImGui::GetFontSize() * 2.5f;
            if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_w <= right_edge) ImGui::SameLine();
        }
    }
    ImGui::Spacing();
}

// ---------------------------------------------------------------------------------------------
// Dialogs
// ---------------------------------------------------------------------------------------------
static void bullets(const std::vector<std::string>& lines) {
    for (const std::string& l : lines) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", l.c_str());
        ui::note_text("bullet", l);
    }
}

// What to do with an opened result file, or why it could not be read.
void import_dialog(AppModel& m) {
    const std::optional<PendingImport>& pending = m.pending_import();
    if (!pending) return;
    const Texts& tr = m.texts();
    if (!ui::begin_dialog(std::string(tr("import.dialog_title")) + "###import", true, 40, 0.45f)) return;
    if (pending->result) ui::name_dialog("import", "import-continue-confirm", "import-cancel");
    else ui::name_dialog("import-error", "import-ok", "import-ok");
    std::vector<std::string> errors, warnings, details; // plain words; file, pointer and English for experts
    for (const Diagnostic& d : pending->problems) {
        (d.severity == Diagnostic::Severity::Error ? errors : warnings).push_back(diagnostic_text(tr, d));
        details.push_back(diagnostic_details(d));
    }
    auto technical_details = [&] {
        if (!details.empty() && ui::disclosure(tr("details.technical"), "import-details")) bullets(details);
    };
    ImGui::PushTextWrapPos(0);
    if (!pending->result) {
        ui::heading(tr("import.failed"));
        ui::bold(pending->file);
        bullets(errors);
        ui::muted(tr("import.unchanged"));
        technical_details();
        if (ui::primary_button("OK", "import-ok")) {
            ui::close_disclosure("import-details");
            m.dismiss_import();
            ImGui::CloseCurrentPopup();
        }
    } else {
        ui::heading(tr("import.what_now"));
        ui::bold(pending->file);
        const ImportedResult& r = *pending->result;
        const std::string org = organisation_name(m.questionnaire(), r.assessment.answers);
        if (!org.empty()) ui::paragraph(org + (r.assessment.created.size() >= 10 ? "  ·  " + r.assessment.created.substr(0, 10) : ""));
        if (!warnings.empty()) {
            ui::subheading(tr("import.note"));
            bullets(warnings);
            technical_details();
        }
        ImGui::Spacing();
        if (ui::primary_button(tr("import.continue"), "import-continue-confirm")) m.adopt_import(ImportPurpose::Continue);
        ui::muted(tr("import.continue_replaces"));
        if (m.pending_import() && ui::secondary_button(tr("import.compare"), "import-compare-confirm")) m.adopt_import(ImportPurpose::Compare);
        if (m.pending_import() && !r.stored_plan.areas.empty()) {
            if (ui::secondary_button(tr("import.next_round"), "import-next-round")) m.adopt_import(ImportPurpose::NextRound);
            ui::muted(tr("import.next_round_hint"));
        }
        if (m.pending_import() && ui::secondary_button(tr("import.cancel"), "import-cancel")) m.dismiss_import();
        if (!m.pending_import()) {
            ui::close_disclosure("import-details");
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

void start_over_dialog(AppModel& m) {
    const Texts& tr = m.texts();
    if (!ui::begin_dialog("###start-over", m.confirming_start_over(), 34)) return;
    ui::name_dialog("start-over", "start-over-cancel", "start-over-cancel"); // Enter keeps the answers
    ImGui::PushTextWrapPos(0);
    ui::heading(tr("start_over.heading"));
    ui::paragraph(tr("start_over.text"));
    ImGui::Spacing();
    if (ui::secondary_button(tr("start_over.cancel"), "start-over-cancel")) {
        m.cancel_start_over();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::danger_button(tr("start_over.confirm"), "start-over-confirm")) {
        m.start_over();
        ImGui::CloseCurrentPopup();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

// ---------------------------------------------------------------------------------------------
// Notices that stand above every screen
// ---------------------------------------------------------------------------------------------
void storage_failed_notice(AppModel& m) {
    if (m.storage_failed() && !m.overview_open()) ui::notice(ui::Tone::Warning, m.texts()("notice.storage_failed"), "storage-failed");
}

// English on demand (model.h): while it is fetched, and when it could not be, said in both
// languages (the user asked for English, which is not here yet; these texts are compiled in English).
void language_notice(AppModel& m) {
    if (m.overview_open()) return;
    const AppModel::EnglishStatus status = m.english_status();
    if (status == AppModel::EnglishStatus::Fetching) {
        ui::notice(ui::Tone::Info, std::string(Texts("da")("language.english_loading")) + "\n" + Texts("en")("language.english_loading"),
                   "language-loading");
    } else if (status == AppModel::EnglishStatus::Failed) {
        ui::notice(ui::Tone::Warning, std::string(Texts("da")("language.english_failed")) + "\n" + Texts("en")("language.english_failed"),
                   "language-failed");
    }
}

// A short confirmation ("Gemt: ...") floats at the bottom of the window for a few seconds, over the
// screen rather than in it: its coming and going never moves what is on screen (a click aimed at a
// button hits that button), and it takes no clicks itself. The accessible layer announces it.
void notice_overlay(AppModel& m) {
    if (!m.notice()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(vp->WorkSize.x - 2 * ImGui::GetStyle().WindowPadding.x, 40.0f * ImGui::GetFontSize());
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - ImGui::GetFontSize()),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysAutoResize;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##notice", nullptr, flags);
    ImGui::PopStyleVar();
    ui::notice(ui::Tone::Good, m.notice_text(), "notice");
    ImGui::End();
}

void load_error_screen(AppModel& m) {
    ui::heading(kProductName);
    ui::notice(ui::Tone::Error, std::string(Texts("da")("app.load_failed")) + " / " + Texts("en")("app.load_failed"));
    for (const std::string& e : m.load_errors()) ui::muted(e);
}

} // namespace mf
