// app.cpp - the app's frame: one full-window ImGui window with a header and the current screen.
//
// Index
//   - state and helpers   g_app, tr, answers_changed, go_to, time, numbers
//   - pages               the web build's two pages (respondent, municipality) and the desktop's one
//   - init                the embedded questionnaire, the saved session
//   - persistence         the session saved at the end of every frame that changed it
//   - header              product name, language, text size, start over
//   - steps               the row of steps (profile, questions, results, plan, export)
//   - import              files arriving (picker, drop, desktop path) and the dialog
//   - app_frame
//   - app_state_json      the real state for tests (window.mfTest.state())
#include "app/app.h"

#include "app/app_internal.h"
#include "app/style.h"
#include "core/json_input.h"
#include "core/questionnaire_load.h"
#include "core/recommendations.h"
#include "core/scoring.h"
#include "platform/embedded_assets.h"
#include "platform/platform.h"

#include "imgui.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace mf {

AppState g_app;

static constexpr const char* kQuestionnaireAsset = "aktoersporet.json";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------
const char* tr(const char* da, const char* en) { return g_app.session.assessment.language == "en" ? en : da; }
const std::string& lang() { return g_app.session.assessment.language; }
const Questionnaire& questionnaire() { return *g_app.questionnaire; }

void session_changed() { g_app.dirty = true; }

void answers_changed() {
    Assessment& a = g_app.session.assessment;
    const std::string now = now_timestamp();
    if (a.created.empty() || now < a.created) a.created = now;
    a.updated = now;
    session_changed();
}

void go_to(Screen screen) {
    if (g_app.session.screen != screen) g_app.scroll_to_top = true;
    g_app.session.screen = screen;
    session_changed();
}

void go_to_theme(std::size_t theme) {
    if (theme >= questionnaire().themes.size()) return;
    if (g_app.session.screen != Screen::Theme || g_app.session.theme != theme) g_app.scroll_to_top = true;
    g_app.session.screen = Screen::Theme;
    g_app.session.theme = theme;
    session_changed();
}

void show_notice(const char* da, const char* en, const std::string& detail) {
    g_app.notice_da = da;
    g_app.notice_en = en;
    g_app.notice_detail = detail;
    g_app.notice_until = g_app.time + 6.0;
}

std::string notice_text() { return g_app.notice_da ? tr(g_app.notice_da, g_app.notice_en) + g_app.notice_detail : std::string(); }

static std::string with_decimal(double x, bool sign) {
    char buf[32];
    std::snprintf(buf, sizeof buf, sign ? "%+.1f" : "%.1f", x);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    if (lang() != "en")
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string format_percent(std::optional<double> percent) {
    if (!percent) return "–";
    return with_decimal(*percent, false) + (lang() == "en" ? "%" : " %");
}

std::string format_points(double points) { return with_decimal(points, true); }

// ---------------------------------------------------------------------------------------------
// Pages. The web build makes two pages from the same sources, each with its own .wasm
// (CMakeLists.txt §6): index.html for the respondent (MF_PAGE_RESPONDENT) and kommune.html for the
// municipality's overview (MF_PAGE_MUNICIPALITY). The constants decide which screens a page can
// reach, and the linker leaves out the rest: the respondent's first download does not carry the
// overview's aggregation, tables and CSV/JSON writers (docs/performance.md), and the overview does
// not carry the questionnaire's screens. The desktop app has both in one window. Only this file is
// compiled once per page.
//
// The overview page stores nothing (its notice says so): the language and text size it shows come
// with its address (kommune.html?lang=en&text=1) and are kept there when changed, so a reload keeps
// them, and the respondent's saved session is never touched from that page.
// ---------------------------------------------------------------------------------------------
#if defined(MF_PAGE_RESPONDENT)
static constexpr bool kRespondentPage = true, kMunicipalityPage = false;
#elif defined(MF_PAGE_MUNICIPALITY)
static constexpr bool kRespondentPage = false, kMunicipalityPage = true;
#else
static constexpr bool kRespondentPage = true, kMunicipalityPage = true;
#endif

bool municipality_open() {
    if (!kMunicipalityPage) return false;
    if (!kRespondentPage) return true;
    return municipality_view_open();
}

// "lang=en&text=1": the overview page's settings in its address.
[[maybe_unused]] static std::string page_settings() {
    return "lang=" + lang() + "&text=" + std::to_string(g_app.session.text_size);
}

// Applies "lang=en&text=1" (any order, unknown or bad values ignored).
[[maybe_unused]] static void apply_page_settings(const std::string& query) {
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        start = end + 1;
        const std::size_t eq = pair.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
        if (key == "lang") {
            for (const std::string& l : questionnaire().languages)
                if (l == value) g_app.session.assessment.language = value;
        } else if (key == "text" && value.size() == 1 && value[0] >= '0' && value[0] < '0' + kTextSizeCount) {
            g_app.session.text_size = value[0] - '0';
        }
    }
}

void enter_municipality() {
#if defined(MF_PAGE_RESPONDENT)
    platform::go_to_page("kommune.html?" + page_settings());
#else
    open_municipality(true);
#endif
}

void leave_municipality() {
#if defined(MF_PAGE_MUNICIPALITY)
    platform::go_to_page("./");
#else
    open_municipality(false);
#endif
}

// ---------------------------------------------------------------------------------------------
// Init
// ---------------------------------------------------------------------------------------------
void app_init() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini: the layout is fixed and the session is saved by us
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigWindowsResizeFromEdges = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;

    const EmbeddedAsset* asset = find_embedded_asset(kQuestionnaireAsset);
    if (!asset) {
        g_app.load_errors.push_back(std::string(kQuestionnaireAsset) + " is not compiled into this build");
        return;
    }
    LoadedQuestionnaire loaded = load_questionnaire_text(
        std::string_view(reinterpret_cast<const char*>(asset->data), asset->size), kQuestionnaireAsset);
    for (const Diagnostic& d : loaded.diagnostics)
        if (d.severity == Diagnostic::Severity::Error) g_app.load_errors.push_back(d.to_string());
    if (!loaded.questionnaire) return;
    g_app.questionnaire = std::move(loaded.questionnaire);
    g_app.session.assessment.language = questionnaire().languages.empty() ? "da" : questionnaire().languages.front();

#if defined(MF_PAGE_MUNICIPALITY)
    apply_page_settings(platform::page_parameters());
    open_municipality(true);
#else
    // Private browsing and a full quota make every save fail: find out now, so the notice is up
    // before the first answer rather than after it.
    g_app.storage_failed = !platform::storage_set("storage-check", "1");
    platform::storage_remove("storage-check");

    workshop_init(); // the list of assessments and the open one (core/workshop.h: layout, migration)
#endif
}

bool app_update_fonts(float pixel_ratio, float platform_ui_scale) {
    const float presentation = kRespondentPage ? workshop_ui_scale() : 1.0f;
    return style_update_fonts(pixel_ratio, platform_ui_scale * text_scale(g_app.session) * presentation);
}

ImVec4 app_clear_colour() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return ImVec4(bg.x, bg.y, bg.z, 1.0f);
}

double app_seconds_to_next_wake() {
    if (g_app.notice_da) return g_app.notice_until > g_app.time ? g_app.notice_until - g_app.time : 0;
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Persistence
// ---------------------------------------------------------------------------------------------
static void save_if_changed() {
    if (!g_app.dirty || !g_app.questionnaire) return;
    g_app.dirty = false;
#if defined(MF_PAGE_MUNICIPALITY)
    platform::set_page_parameters(page_settings());
#else
    g_app.storage_failed = !workshop_save();
#endif
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------
void app_file_received(const std::string& name, const std::string& bytes) {
    if (!g_app.questionnaire) return;
    if (municipality_open()) return municipality_file_received(name, bytes);
    if (workshop_file_received(name, bytes)) return; // on the workshop list: a batch import
    PendingImport p;
    p.file = name;
    ImportOutcome outcome = import_result(bytes, name, questionnaire());
    for (const Diagnostic& d : outcome.diagnostics) {
        // The message with its JSON pointer: precise for support, readable for the user.
        const std::string text = d.pointer.empty() ? d.message : d.pointer + ": " + d.message;
        (d.severity == Diagnostic::Severity::Error ? p.errors : p.warnings).push_back(text);
    }
    p.result = std::move(outcome.result);
    g_app.pending_import = std::move(p);
    if (g_app.pending_import->result && g_app.import_purpose != ImportPurpose::Ask) {
        adopt_import(g_app.import_purpose);
        g_app.import_purpose = ImportPurpose::Ask;
    }
}

// Many files: the overview takes them all; the workshop list takes them as a batch import.
bool app_takes_many_files() { return g_app.questionnaire && (municipality_open() || workshop_takes_files()); }

void app_files_announced(std::size_t count) {
    if (g_app.questionnaire && municipality_open()) municipality_files_announced(count); // the workshop list counts nothing ahead
}

void app_file_unreadable(const std::string& name, const std::string& reason) {
    if (!g_app.questionnaire) return;
    const std::string why = reason.empty() ? "the file could not be read" : reason;
    if (municipality_open()) return municipality_file_unreadable(name, why);
    workshop_file_refused(name, why);
}

bool app_file_announced(const std::string& name, double size) {
    if (g_app.questionnaire && municipality_open()) return municipality_file_announced(name, size);
    if (!g_app.questionnaire || size <= static_cast<double>(kMaxResultBytes)) return true;
    if (workshop_file_refused(name, too_large_message(static_cast<std::size_t>(size), kMaxResultBytes))) return false;
    PendingImport p;
    p.file = name;
    p.errors.push_back(too_large_message(static_cast<std::size_t>(size), kMaxResultBytes));
    g_app.pending_import = std::move(p);
    g_app.import_purpose = ImportPurpose::Ask;
    return false;
}

void start_import(ImportPurpose purpose) {
    g_app.import_purpose = purpose;
    std::string error;
    if (!platform::open_file(g_app.desktop_path, error)) {
        PendingImport p;
        p.file = g_app.desktop_path;
        p.errors.push_back(error);
        g_app.pending_import = std::move(p);
        g_app.import_purpose = ImportPurpose::Ask;
    }
}

void adopt_import(ImportPurpose purpose) {
    if (!g_app.pending_import || !g_app.pending_import->result) return;
    const ImportedResult& r = *g_app.pending_import->result;
    const std::string file = g_app.pending_import->file;
    if (purpose == ImportPurpose::Compare) {
        EarlierResult e;
        e.file = file;
        e.created = r.assessment.created;
        e.organisation = organisation_name(questionnaire(), r.assessment.answers);
        e.scores = r.stored_scores;
        g_app.session.earlier = e;
        session_changed();
        go_to(Screen::Results);
        show_notice("Sammenligner med ", "Comparing with ", file);
    } else {
        const std::string language = g_app.session.assessment.language;
        g_app.session.assessment = r.assessment;
        g_app.session.assessment.language = language; // the user's choice of language stays
        g_app.session.drafts.clear();
        answers_changed();
        go_to(profile_complete(questionnaire(), g_app.session.assessment.answers) ? Screen::Results : Screen::Profile);
        show_notice("Indlæst: ", "Loaded: ", file);
    }
    g_app.pending_import.reset();
}

void import_controls(ImportPurpose purpose) {
    const bool compare = purpose == ImportPurpose::Compare;
    if (platform::has_file_picker()) {
        if (ui::secondary_button(compare ? tr("Vælg et tidligere resultat …", "Choose an earlier result …")
                                         : tr("Indlæs et tidligere resultat …", "Load an earlier result …"),
                                 compare ? "import-compare" : "import-continue"))
            start_import(purpose);
        ui::muted(tr("Du kan også trække en resultatfil (.json) ind i vinduet.",
                     "You can also drop a result file (.json) onto the window."));
    } else {
        if (g_app.desktop_path.empty()) g_app.desktop_path = platform::documents_folder() + "/";
        ui::text_field(tr("Sti til resultatfilen", "Path of the result file"), compare ? "import-path-compare" : "import-path",
                       g_app.desktop_path, "", "");
        if (ui::secondary_button(tr("Indlæs", "Load"), compare ? "import-compare" : "import-continue")) start_import(purpose);
    }
}

static void list(const std::vector<std::string>& lines) {
    for (const std::string& l : lines) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", l.c_str());
        ui::note_text("bullet", l);
    }
}

void import_dialog() {
    if (!g_app.pending_import) return;
    if (!ui::begin_dialog(std::string(tr("Resultatfil", "Result file")) + "###import", true, 40, 0.45f)) return;
    PendingImport& p = *g_app.pending_import;
    g_app.modal = p.result ? "import" : "import-error";
    ImGui::PushTextWrapPos(0);
    if (!p.result) {
        ui::heading(tr("Filen kunne ikke indlæses", "The file could not be loaded"));
        ui::bold(p.file);
        list(p.errors);
        ui::muted(tr("Dine nuværende svar er uændrede.", "Your current answers are unchanged."));
        if (ui::primary_button("OK", "import-ok")) {
            g_app.pending_import.reset();
            ImGui::CloseCurrentPopup();
        }
    } else {
        ui::heading(tr("Hvad vil du gøre med filen?", "What would you like to do with the file?"));
        ui::bold(p.file);
        const ImportedResult& r = *p.result;
        const std::string org = organisation_name(questionnaire(), r.assessment.answers);
        if (!org.empty()) ui::paragraph(org + (r.assessment.created.size() >= 10 ? "  ·  " + r.assessment.created.substr(0, 10) : ""));
        if (!p.warnings.empty()) {
            ui::subheading(tr("Bemærk", "Please note"));
            list(p.warnings);
        }
        ImGui::Spacing();
        if (ui::primary_button(tr("Fortsæt med denne besvarelse", "Continue with these answers"), "import-continue-confirm"))
            adopt_import(ImportPurpose::Continue);
        ui::muted(tr("Erstatter dine nuværende svar og handlingsplan.", "Replaces your current answers and action plan."));
        if (ui::secondary_button(tr("Sammenlign med mit nuværende resultat", "Compare with my current result"), "import-compare-confirm"))
            adopt_import(ImportPurpose::Compare);
        if (ui::secondary_button(tr("Annuller", "Cancel"), "import-cancel")) g_app.pending_import.reset();
        if (!g_app.pending_import) ImGui::CloseCurrentPopup();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

// ---------------------------------------------------------------------------------------------
// Start over
// ---------------------------------------------------------------------------------------------
static void start_over_dialog() {
    if (!ui::begin_dialog("###start-over", g_app.confirm_start_over, 34)) return;
    g_app.modal = "start-over";
    ImGui::PushTextWrapPos(0);
    ui::heading(tr("Vil du starte forfra?", "Start over?"));
    ui::paragraph(tr("Alle dine svar, din profil og din handlingsplan bliver slettet fra denne computer. "
                     "Eksporter dit resultat først, hvis du vil gemme det.",
                     "All your answers, your profile and your action plan will be deleted from this computer. "
                     "Export your result first if you want to keep it."));
    ImGui::Spacing();
    if (ui::secondary_button(tr("Nej, behold mine svar", "No, keep my answers"), "start-over-cancel")) {
        g_app.confirm_start_over = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    const bool yes = ui::danger_button(tr("Ja, slet og start forfra", "Yes, delete and start over"), "start-over-confirm");
    if (yes) {
        Session fresh;
        fresh.assessment.language = g_app.session.assessment.language;
        fresh.text_size = g_app.session.text_size;
        g_app.session = fresh;
        g_app.touched.clear();
        g_app.help_open.clear();
        g_app.last_export.clear();
        g_app.confirm_start_over = false;
        g_app.scroll_to_top = true;
        session_changed();
        ImGui::CloseCurrentPopup();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------
static void header() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wp = ImGui::GetWindowPos();
    const float w = ImGui::GetWindowWidth();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float fh = ImGui::GetFrameHeight();

    // Measured first: the controls on the right (language, text size, start over) and the name.
    // On a narrow window (a phone, a large text size) the controls move to a second row.
    const std::string start_over = tr("Start forfra", "Start over");
    const std::string workshop = "Workshop"; // the same word in Danish: the way to the list of organisations
    const bool respondent = !municipality_open(); // the overview has no workshop and nothing to start over
    const std::string size_label = std::string(tr("Tekst", "Text")) + " " + std::to_string((int)(text_scale(g_app.session) * 100 + 0.5f)) + " %";
    auto bw = [&](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x + st.FramePadding.x * 2; };
    const float right = bw("Dansk") + bw("English") + bw("A–") + bw("A+") + ImGui::CalcTextSize(size_label.c_str()).x +
                        (respondent ? bw(start_over) + bw(workshop) + st.ItemSpacing.x * 6 : st.ItemSpacing.x * 4);
    ImGui::PushFont(g_fonts.bold);
    const float name_w = fh * 0.6f + st.ItemInnerSpacing.x + ImGui::CalcTextSize("Mangfoldighedstjek").x;
    ImGui::PopFont();
    const std::string tagline = tr("· Bland dig i byen · Københavns Kommune", "· Bland dig i byen · City of Copenhagen");
    const float inner = w - 2 * st.WindowPadding.x;
    const bool two_rows = name_w + right + st.ItemSpacing.x * 2 > inner;
    const bool show_tagline = !two_rows && name_w + ImGui::CalcTextSize(tagline.c_str()).x + right + st.ItemSpacing.x * 3 <= inner;

    const bool three_rows = two_rows && right > inner; // "Start over" on a row of its own
    const int rows = three_rows ? 3 : two_rows ? 2 : 1;
    const float h = fh * rows + st.ItemSpacing.y * (rows - 1) + st.WindowPadding.y * 1.2f;
    dl->PushClipRect(wp, ImVec2(wp.x + w, wp.y + h), false); // the band reaches into the window padding
    dl->AddRectFilled(wp, ImVec2(wp.x + w, wp.y + h), colours::kPanel);
    dl->AddLine(ImVec2(wp.x, wp.y + h - 1), ImVec2(wp.x + w, wp.y + h - 1), colours::kBorder, 1.0f);
    dl->PopClipRect();
    ImGui::SetCursorPosY(st.WindowPadding.y * 0.6f);
    // The product mark: a small accent square and the name.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(p.x, p.y + fh * 0.2f), ImVec2(p.x + fh * 0.6f, p.y + fh * 0.8f), colours::kAccent, 3.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + fh * 0.6f + st.ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(g_fonts.bold);
    ImGui::TextUnformatted("Mangfoldighedstjek");
    ImGui::PopFont();
    if (show_tagline) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, colours::kMuted);
        ImGui::TextUnformatted(tagline.c_str());
        ImGui::PopStyleColor();
    }
    if (!two_rows) ImGui::SameLine(w - st.WindowPadding.x - right);
    const std::string current = lang();
    for (const char* l : {"da", "en"}) {
        const bool active = current == l;
        const std::string label = std::string(l) == "da" ? "Dansk" : "English";
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, colours::kAccentSoft);
        if (active) ImGui::PushStyleColor(ImGuiCol_Border, colours::kAccent);
        const bool pressed = ImGui::Button((label + "###lang-" + l).c_str());
        if (active) ImGui::PopStyleColor(2);
        const bool via_layer = ui::note("button", label, std::string("lang-") + l, active);
        if ((pressed || via_layer) && !active) {
            g_app.session.assessment.language = l;
            session_changed();
        }
        ImGui::SameLine();
    }
    const int size = g_app.session.text_size;
    ImGui::BeginDisabled(size <= 0);
    const bool smaller = ImGui::Button("A–###text-smaller");
    ImGui::EndDisabled();
    if ((ui::note("button", tr("Mindre tekst", "Smaller text"), "text-smaller") || smaller) && size > 0) {
        g_app.session.text_size = size - 1;
        session_changed();
    }
    g_app.ui.items.back().enabled = size > 0;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(size_label.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(size >= kTextSizeCount - 1);
    const bool larger = ImGui::Button("A+###text-larger");
    ImGui::EndDisabled();
    if ((ui::note("button", tr("Større tekst", "Larger text"), "text-larger") || larger) && size < kTextSizeCount - 1) {
        g_app.session.text_size = size + 1;
        session_changed();
    }
    g_app.ui.items.back().enabled = size < kTextSizeCount - 1;
    if (respondent) {
        if (!three_rows) ImGui::SameLine();
        const bool workshop_pressed = ImGui::Button((workshop + "###header-workshop").c_str());
        if (ui::note("button", workshop, "header-workshop") || workshop_pressed) go_to(Screen::Workshop);
        ImGui::SameLine();
        const bool start_over_pressed = ImGui::Button((start_over + "###start-over").c_str());
        if (ui::note("button", start_over, "start-over") || start_over_pressed) g_app.confirm_start_over = true;
    }
    ImGui::SetCursorPosY(h + st.ItemSpacing.y);
}

// ---------------------------------------------------------------------------------------------
// Steps: where the respondent is, and a way to any step
// ---------------------------------------------------------------------------------------------
static void steps() {
    const Screen s = g_app.session.screen;
    if (s == Screen::Start || s == Screen::Workshop || s == Screen::Compare) return;
    struct Step { Screen screen; const char* da; const char* en; const char* id; };
    static const Step kSteps[] = {
        {Screen::Profile, "Profil", "Profile", "step-profile"},
        {Screen::Theme, "Spørgsmål", "Questions", "step-questions"},
        {Screen::Results, "Resultat", "Results", "step-results"},
        {Screen::Plan, "Handlingsplan", "Action plan", "step-plan"},
        {Screen::Export, "Eksport", "Export", "step-export"},
    };
    const float right_edge = ImGui::GetCursorScreenPos().x + ui::column_width();
    int n = 1;
    for (const Step& step : kSteps) {
        const bool current = s == step.screen || (step.screen == Screen::Theme && s == Screen::Review);
        const std::string label = std::to_string(n++) + ". " + tr(step.da, step.en);
        ImGui::PushStyleColor(ImGuiCol_Button, current ? colours::kAccentSoft : colours::rgb(0xff, 0xff, 0xff));
        ImGui::PushStyleColor(ImGuiCol_Border, current ? colours::kAccent : colours::kBorder);
        if (current) ImGui::PushFont(g_fonts.bold);
        const bool pressed = ImGui::Button((label + "###" + step.id).c_str());
        if (current) ImGui::PopFont();
        ImGui::PopStyleColor(2);
        const bool via_layer = ui::note("button", label, step.id, current);
        if (pressed || via_layer) {
            if (step.screen == Screen::Theme) go_to_theme(g_app.session.theme);
            else go_to(step.screen);
        }
        if (&step != &kSteps[4]) {
            // The next step on the same line when it fits in the column, else on the next line.
            const float next_w = ImGui::CalcTextSize(tr((&step + 1)->da, (&step + 1)->en)).x + ImGui::GetFontSize() * 2.5f;
            if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_w <= right_edge) ImGui::SameLine();
        }
    }
    ImGui::Spacing();
}

// ---------------------------------------------------------------------------------------------
// The frame
// ---------------------------------------------------------------------------------------------
static void load_error_screen() {
    ui::heading("Mangfoldighedstjek");
    ui::notice(ui::Tone::Error, "Spørgeskemaet kunne ikke indlæses. / The questionnaire could not be loaded.");
    for (const std::string& e : g_app.load_errors) ui::muted(e);
}

void app_frame() {
    g_app.time = ImGui::GetTime();
    g_app.ui.clear();
    g_app.modal.clear();
    if (g_app.notice_da && g_app.time >= g_app.notice_until) g_app.notice_da = g_app.notice_en = nullptr;
    if (g_app.questionnaire && kRespondentPage) workshop_keys();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // No background quads for the window and its content: the host clears the canvas with WindowBg
    // (app_clear_colour), and drawing the window's white again over it cost a whole-canvas fill per
    // paint, about half of a paint's time in software GL (docs/performance.md, "Mouse").
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().WindowPadding.y * 0.5f));
    ImGui::Begin("##app", nullptr, flags);
    ImGui::PopStyleVar();
    if (!g_app.questionnaire) {
        load_error_screen();
        ImGui::End();
        return;
    }
    header();

    // The content scrolls under the fixed header.
    ImGui::BeginChild("##content", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
    if (g_app.scroll_to_top) {
        ImGui::SetScrollY(0);
        g_app.scroll_to_top = false;
    }
    ui::begin_column();
    if (g_app.notice_da) ui::notice(ui::Tone::Good, notice_text());
    if (g_app.storage_failed && !municipality_open())
    {
        const char* text = tr("Dine svar bliver ikke gemt i denne browser (privat browsing, eller lageret er fuldt). "
                              "Eksporter dit resultat for at beholde det, før du lukker siden.",
                              "Your answers are not being saved in this browser (private browsing, or its storage is full). "
                              "Export your result to keep it before you close the page.");
        ui::notice(ui::Tone::Warning, text);
        // The notice's own item (one, so the accessible layer says it once) gets a stable id for tests.
        if (!g_app.ui.items.empty() && g_app.ui.items.back().label == text) g_app.ui.items.back().id = "storage-failed";
    }
    // The municipality's overview stands apart from the respondent's screens (and their steps).
    if (municipality_open()) {
        screen_municipality();
    } else {
        workshop_bar();
        steps();
    }
    if (!municipality_open()) switch (g_app.session.screen) {
    case Screen::Start: screen_start(); break;
    case Screen::Profile: screen_profile(); break;
    case Screen::Theme: screen_theme(); break;
    case Screen::Review: screen_review(); break;
    case Screen::Results: screen_results(); break;
    case Screen::Plan: screen_plan(); break;
    case Screen::Export: screen_export(); break;
    case Screen::Workshop: screen_workshop(); break;
    case Screen::Compare: screen_compare(); break;
    }
    ImGui::Dummy(ImVec2(1, ImGui::GetFontSize() * 2));
    ui::end_column();
    ImGui::EndChild();

    if (kRespondentPage) {
        start_over_dialog();
        import_dialog();
    }
    ImGui::End();
    save_if_changed();
}

// ---------------------------------------------------------------------------------------------
// State for tests: built from the real state each time it is asked for.
//   screen, language, textSize (0..3), textScale, platform, modal (null, "start-over", "import",
//   "import-error"), notice, focused (id of the item with keyboard focus), theme (index), themeId,
//   themeCount, answered / questions (visible scored questions), unanswered, profileComplete,
//   answerCount, overall (percent or null), level (id or null), planAreas, earlier (file or null),
//   lastExport, exportError, storageFailed (saving failed: the notice is up), answers (id -> value,
//   as in result files), import (null, or the open import dialog's {file, errors, warnings}), notices
//   (the boxed messages drawn: id, text, tone, y), items (every interactive item of the last frame: kind, id, label,
//   x, y, w, h in CSS pixels, visible, focused, checked, value for inputs), messages (field id ->
//   the validation message shown under it).
// ---------------------------------------------------------------------------------------------
std::string app_state_json() {
    using nlohmann::json;
    json j;
    const Session& s = g_app.session;
    j["page"] = kRespondentPage && kMunicipalityPage ? "app" : kRespondentPage ? "respondent" : "municipality";
    j["screen"] = municipality_open() ? "municipality" : screen_id(s.screen);
    j["language"] = s.assessment.language;
    j["textSize"] = s.text_size;
    j["textScale"] = text_scale(s);
    j["platform"] = platform::name();
    j["modal"] = g_app.modal.empty() ? json(nullptr) : json(g_app.modal);
    j["notice"] = notice_text();
    j["focused"] = g_app.ui.focused_id;
    if (!g_app.questionnaire) {
        j["loadErrors"] = g_app.load_errors;
        return j.dump();
    }
    const Questionnaire& q = questionnaire();
    j["theme"] = s.theme;
    j["themeId"] = s.theme < q.themes.size() ? q.themes[s.theme].id : "";
    j["themeCount"] = q.themes.size();
    const Progress p = total_progress(q, s.assessment.answers);
    j["answered"] = p.answered;
    j["questions"] = p.visible;
    j["unanswered"] = unanswered_questions(q, s.assessment.answers).size();
    j["profileComplete"] = profile_complete(q, s.assessment.answers);
    j["answerCount"] = s.assessment.answers.size();
    const Scores scores = compute_scores(q, s.assessment.answers);
    const ScoreSummary summary = summarise(q, scores);
    j["overall"] = summary.overall ? json(*summary.overall) : json(nullptr);
    j["level"] = summary.level ? json(*summary.level) : json(nullptr);
    j["planAreas"] = s.assessment.action_plan.areas.size();
    j["earlier"] = s.earlier ? json(s.earlier->file) : json(nullptr);
    j["lastExport"] = g_app.last_export;
    j["exportError"] = g_app.export_error;
    j["storageFailed"] = g_app.storage_failed;
    j["answers"] = json(s.assessment)["answers"];
    if (g_app.pending_import)
        j["import"] = {{"file", g_app.pending_import->file}, {"errors", g_app.pending_import->errors},
                       {"warnings", g_app.pending_import->warnings}};
    else
        j["import"] = nullptr;
    json notices = json::array(); // the boxed messages on screen (texts are not in items)
    for (const UiItem& it : g_app.ui.items)
        if (it.kind == "notice") notices.push_back({{"id", it.id}, {"text", it.label}, {"tone", it.tone}, {"y", it.min.y}});
    j["notices"] = notices;
    json items = json::array();
    for (const UiItem& it : g_app.ui.items) {
        if (it.text) continue; // the texts are for the accessible layer (app_a11y_json)
        json i;
        i["kind"] = it.kind;
        i["id"] = it.id;
        i["label"] = it.label;
        i["x"] = it.min.x;
        i["y"] = it.min.y;
        i["w"] = it.max.x - it.min.x;
        i["h"] = it.max.y - it.min.y;
        i["visible"] = it.visible;
        i["focused"] = it.focused;
        i["checked"] = it.checked;
        if (it.kind == "input") i["value"] = it.value;
        items.push_back(i);
    }
    j["items"] = items;
    // The tables as recorded for the accessible layer, and every cell with an id by its id ("54,3 %").
    json tables = json::array(), cells = json::object();
    for (const UiItem& it : g_app.ui.items) {
        if (it.kind != "table") continue;
        json rows = json::array();
        for (const auto& row : it.rows) {
            json r = json::array();
            for (const UiCell& c : row) {
                r.push_back(c.text);
                if (!c.id.empty()) cells[c.id] = c.text;
            }
            rows.push_back(std::move(r));
        }
        tables.push_back({{"id", it.id}, {"caption", it.label}, {"columns", it.columns}, {"rows", std::move(rows)}});
    }
    j["tables"] = std::move(tables);
    j["cells"] = std::move(cells);
    json messages = json::object();
    for (const auto& m : g_app.ui.messages) messages[m.first] = m.second;
    j["messages"] = messages;
    if (kMunicipalityPage) municipality_state(j["municipality"]);
    j["municipality"]["open"] = municipality_open();
    if (kRespondentPage) workshop_state(j);
    return j.dump();
}

} // namespace mf
