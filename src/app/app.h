// app.h - the respondent's app as seen by the host (platform_web.cpp / platform_desktop.cpp).
//
// The host creates the ImGui context and the renderer, then per frame:
//   if (app_update_fonts(pixel_ratio, ui_scale)) { recreate the font texture }
//   backend NewFrame; ImGui::NewFrame(); app_frame(); ImGui::Render(); draw
// Everything the app shows and keeps lives behind these functions.
#pragma once
#include <cstddef>
#include <string>

struct ImVec4;

namespace mf {

// Once, after ImGui::CreateContext() and before the first frame: loads the questionnaire, restores
// the saved session, applies the theme.
void app_init();

// Before NewFrame: (re)builds the font atlas when the pixel ratio (framebuffer pixels per ImGui
// unit: the browser's devicePixelRatio) or the UI scale (desktop content scale times the user's
// text-size setting) changed. Returns true when the atlas was rebuilt and the host must upload it.
bool app_update_fonts(float pixel_ratio, float platform_ui_scale);

// Between ImGui::NewFrame() and ImGui::Render(): the whole UI, one full-window ImGui window.
void app_frame();

// The colour to clear the canvas with before drawing a frame: the app's window draws no background
// of its own (a second whole-canvas fill per paint), so this is its background.
ImVec4 app_clear_colour();

// Seconds until the app needs a frame although nothing happened (a timed message disappearing),
// or a negative number when it needs none.
double app_seconds_to_next_wake();

// A file the user chose or dropped (import). `name` is the file's name, `bytes` its content.
void app_file_received(const std::string& name, const std::string& bytes);

// Many files (a drop, or the picker with several files or a folder). While app_takes_many_files()
// is true (the municipality view or the workshop list is open) the host hands over every file: first
// app_files_announced(count), then `count` calls of app_file_received() or app_file_unreadable(),
// possibly spread over many frames. Otherwise the host hands over the first file only (import).
bool app_takes_many_files();
void app_files_announced(std::size_t count);
void app_file_unreadable(const std::string& name, const std::string& reason);

// Before a file is read: false (and the import error dialog says why) when a file of `size` bytes
// would be refused anyway, so the host never reads a huge file into memory.
bool app_file_announced(const std::string& name, double size);

// The app's real state for tests, as a JSON object ({"screen": "start", "language": "da", ...}).
std::string app_state_json();

// The accessible layer (src/app/a11y.cpp): what the last frame showed, for the page's DOM mirror
// (see the format there). The host publishes it after a frame when it differs from the last one.
std::string app_a11y_json();
// The accessible layer acting on an item (ui::activate): the host draws a frame right after.
void app_a11y_act(const std::string& id, const std::string& action, const std::string& value);

} // namespace mf
