// app.cpp - the app's frame: one full-window ImGui window with a header and the current screen.
//
// Index
//   - state         the app's state (g_app)
//   - app_init, app_update_fonts
//   - header        product name, language switch
//   - app_frame     dispatches to the current screen
//   - app_state_json  the real state for tests (window.mfTest.state())
#include "app/app.h"

#include "app/style.h"
#include "platform/platform.h"

#include "imgui.h"

#include <nlohmann/json.hpp>

namespace mf {

struct AppState {
    std::string language = "da";
    std::string screen = "start";
    float text_scale = 1.0f;
};
static AppState g_app;

static const char* tr(const char* da, const char* en) { return g_app.language == "da" ? da : en; }

void app_init() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini: the layout is fixed and the session is saved by us
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigWindowsResizeFromEdges = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
}

bool app_update_fonts(float pixel_ratio, float platform_ui_scale) {
    return style_update_fonts(pixel_ratio, platform_ui_scale * g_app.text_scale);
}

double app_seconds_to_next_wake() { return -1; }

void app_file_received(const std::string&, const std::string&) {}

static void draw_start() {
    ImGui::PushFont(g_fonts.title);
    ImGui::TextUnformatted("Mangfoldighedstjek");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 46 * ImGui::GetFontSize());
    ImGui::TextWrapped("%s", tr("Bland dig i byen – et selvtjek for virksomheder og organisationer i København: "
                                "mangfoldighed, inklusion og medborgerskab på arbejdspladsen.",
                                "Bland dig i byen – a self-assessment for companies and organisations in "
                                "Copenhagen: diversity, inclusion and citizenship at the workplace."));
    ImGui::PopTextWrapPos();
}

void app_frame() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##app", nullptr, flags);
    draw_start();
    ImGui::End();
}

std::string app_state_json() {
    nlohmann::json j;
    j["screen"] = g_app.screen;
    j["language"] = g_app.language;
    j["textScale"] = g_app.text_scale;
    j["platform"] = platform::name();
    return j.dump();
}

} // namespace mf
