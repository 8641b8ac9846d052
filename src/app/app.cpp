// app.cpp - the App (app.h): the model and the ui layer put together, and the frame that draws one
// full-window ImGui window with a header and the current screen.
//
// Index
//   - pages          the web build's two pages (respondent, municipality) and the desktop's one window
//   - App            start-up, fonts, the frame, what the host hands over
//
// Where things are: the screens draw (src/app/screens), the model acts (src/app/model), the widgets
// record what was drawn (src/app/ui), the host moves bytes and events (src/platform). The accessible
// layer's view is a11y.cpp; the test interface is test_hooks.cpp. docs/architecture.md has the picture.
#include "app/app.h"

#include "app/app_parts.h"
#include "app/screens/screens.h"
#include "platform/embedded_assets.h"

#include "imgui.h"

#include <map>
#include <utility>

namespace mf {

// ---------------------------------------------------------------------------------------------
// Pages. The web build makes two pages from the same sources, each with its own .wasm
// (CMakeLists.txt section 6): index.html for the respondent (MF_PAGE_RESPONDENT) and kommune.html
// for the municipality's overview (MF_PAGE_MUNICIPALITY). Only this file is compiled once per page:
// its constants decide which screens a page can reach and whether the overview's model exists, and
// the linker leaves out the rest, so the respondent's first download does not carry the overview's
// aggregation, tables and CSV/JSON writers (docs/performance.md), and the overview does not carry the
// questionnaire's screens. The desktop app has both in one window.
// ---------------------------------------------------------------------------------------------
#if defined(MF_PAGE_RESPONDENT)
static constexpr Page kPage = Page::Respondent;
#elif defined(MF_PAGE_MUNICIPALITY)
static constexpr Page kPage = Page::Municipality;
#else
static constexpr Page kPage = Page::Both;
#endif
static constexpr bool kRespondentScreens = kPage != Page::Municipality;
static constexpr bool kOverview = kPage != Page::Respondent;

static constexpr const char* kQuestionnaireAsset = "aktoersporet.json";

// ---------------------------------------------------------------------------------------------
// Start-up
// ---------------------------------------------------------------------------------------------
App::App() : parts_(std::make_unique<Parts>(kPage)) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini: the layout is fixed and the session is saved by us
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigWindowsResizeFromEdges = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ui::bind(parts_->ui);

    AppModel& m = parts_->model;
    const EmbeddedAsset* asset = find_embedded_asset(kQuestionnaireAsset);
    const std::string_view text = asset ? std::string_view(reinterpret_cast<const char*>(asset->data), asset->size) : std::string_view();
#ifdef MF_ENGLISH_ON_DEMAND
    m.fetch_english_on_demand(MF_ENGLISH_ON_DEMAND); // the respondent's web page (CMakeLists.txt §4)
#endif
    // The embedded questionnaire's content hash was computed at build time: start-up only parses and
    // checks it (the first frame shows its texts and counts; the hash is needed only for results).
    m.start(text, kQuestionnaireAsset, asset && asset->content_hash ? asset->content_hash : "");
    if (m.loaded() && kOverview) m.attach_overview(std::make_unique<MunicipalityModel>(m.questionnaire()));
    if (m.loaded() && kRespondentScreens) ui::set_high_contrast(m.workshop().presentation());
}

App::~App() = default;

// Before the first frame (ImGui has counted none) only the glyphs that frame draws are rasterised;
// the next frame brings the rest (style.h).
bool App::update_fonts(float pixel_ratio, float platform_ui_scale) {
    return ui::update_fonts(pixel_ratio, platform_ui_scale * parts_->model.ui_scale(), ImGui::GetFrameCount() == 0);
}

ImVec4 App::clear_colour() const {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return ImVec4(bg.x, bg.y, bg.z, 1.0f);
}

double App::seconds_to_next_wake() const { return parts_->model.seconds_to_next_wake(); }

// Only the overview has such work (the publication after a loading); on the respondent's page
// (kOverview false) the linker then leaves its aggregation and publication out of the program.
bool App::work_pending() const { return kOverview && parts_->model.work_pending(); }

void App::run_pending_work() {
    if (kOverview) parts_->model.run_pending_work();
}

// ---------------------------------------------------------------------------------------------
// The frame
// ---------------------------------------------------------------------------------------------
static void current_screen(AppModel& m) {
    if (kOverview && m.overview_open()) return screen_municipality(m);
    if (!kRespondentScreens) return;
    workshop_bar(m);
    steps(m);
    switch (m.screen()) {
    case Screen::Start: screen_start(m); break;
    case Screen::Profile: screen_profile(m); break;
    case Screen::Theme: screen_theme(m); break;
    case Screen::Review: screen_review(m); break;
    case Screen::Results: screen_results(m); break;
    case Screen::Plan: screen_plan(m); break;
    case Screen::Export: screen_export(m); break;
    case Screen::Workshop: screen_workshop(m); break;
    case Screen::Compare: screen_compare(m); break;
    case Screen::FollowUp: screen_follow_up(m); break;
    }
}

std::string view_key(const AppModel& m) {
    if (!m.loaded()) return "error";
    if (m.overview_open()) return "municipality";
    const Session& s = m.session();
    std::string view = screen_id(s.screen);
    if (s.screen == Screen::Theme) view += ":" + std::to_string(s.theme);
    return view;
}

void App::frame() {
    AppModel& m = parts_->model;
    ui::begin_frame();
    m.begin_frame(ImGui::GetTime());
    if (m.loaded() && kRespondentScreens) {
        // F2 types nothing, in a text field or elsewhere, and browsers give it no meaning of their own.
        if (ImGui::IsKeyPressed(ImGuiKey_F2, false)) m.workshop().set_presentation(!m.workshop().presentation());
        ui::set_high_contrast(m.workshop().presentation());
    }

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // No background quads for the window and its content: the host clears the canvas with WindowBg
    // (clear_colour), and drawing the window's white again over it cost a whole-canvas fill per
    // paint, about half of a paint's time in software GL (docs/performance.md, "Mouse").
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().WindowPadding.y * 0.5f));
    ImGui::Begin("##app", nullptr, flags);
    ImGui::PopStyleVar();
    if (!m.loaded()) {
        load_error_screen(m);
        ImGui::End();
        return;
    }
    header(m);

    // The content scrolls under the fixed header.
    ImGui::BeginChild("##content", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
    if (m.take_scroll_to_top()) ImGui::SetScrollY(0);
    ui::begin_column();
    ui::begin_content();
    storage_failed_notice(m);
    language_notice(m);
    current_screen(m);
    ImGui::Dummy(ImVec2(1, ImGui::GetFontSize() * 2));
    ui::end_column();
    ImGui::EndChild();

    ImGui::End();
    notice_overlay(m);
    if (kRespondentScreens && !m.overview_open()) {
        start_over_dialog(m);
        import_dialog(m);
    }
    // A new screen: the keyboard starts again at its content, as on a new page.
    std::string view = view_key(m);
    if (view != parts_->shown_view) {
        if (!parts_->shown_view.empty()) ui::restart_tab_order();
        parts_->shown_view = std::move(view);
    }
    m.end_frame();
}

// Tab is the app's, not ImGui's: ImGui wraps Tab around inside one window (the header and the
// content are two), so the drawn view would keep the keyboard for ever.
bool App::tab(bool backward) {
    parts_->host.request_frames();
    return ui::move_focus(backward);
}

// ---------------------------------------------------------------------------------------------
// What the host hands over
// ---------------------------------------------------------------------------------------------
bool App::takes_many_files() const { return parts_->model.takes_many_files(); }
std::size_t App::max_file_bytes() const { return parts_->model.max_file_bytes(); }

bool App::file_announced(const std::string& name, double size) { return parts_->model.file_announced(name, size); }
void App::files_announced(std::size_t count) { parts_->model.files_announced(count); }
void App::file_received(const std::string& name, const std::string& bytes) { parts_->model.file_received(name, bytes); }
void App::file_unreadable(const std::string& name, const std::string& reason) { parts_->model.file_unreadable(name, reason); }
void App::served_file(const std::string& name, bool found, const std::string& bytes) { parts_->model.served_file_arrived(name, found, bytes); }
void App::a11y_act(const std::string& id, const std::string& action, const std::string& value) { ui::activate(id, action, value); }

} // namespace mf
