// app.h - the app as its host sees it (platform_web.cpp, platform_desktop.cpp): one object.
//
// The host creates the ImGui context and the renderer, creates one App, then per frame:
//   if (app.update_fonts(pixel_ratio, ui_scale)) { recreate the font texture }
//   backend NewFrame; ImGui::NewFrame(); app.frame(); ImGui::Render(); draw
// and hands over what happens outside the frame: files arriving, the accessible layer's actions.
// Everything the app shows and keeps lives inside the App (its model, model/model.h, and the ui
// layer's context, ui/ui.h); this header shows none of it, so the host includes nothing of core.
#pragma once
#include <cstddef>
#include <memory>
#include <string>

struct ImVec4;

namespace mf {

class App {
public:
    // After ImGui::CreateContext(): loads the questionnaire, restores the saved session, applies the
    // theme. The web build makes one App per page (app.cpp, "Pages").
    App();
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Before NewFrame: (re)builds the font atlas when the pixel ratio (framebuffer pixels per ImGui
    // unit: the browser's devicePixelRatio) or the UI scale (desktop content scale times the user's
    // text size and presentation mode) changed, and once after the first frame, which is drawn with
    // only the glyphs it needs. True when rebuilt: the host must upload it.
    bool update_fonts(float pixel_ratio, float platform_ui_scale);

    // Between ImGui::NewFrame() and ImGui::Render(): the whole UI, one full-window ImGui window.
    void frame();

    // The colour to clear the canvas with: the app's window draws no background of its own.
    ImVec4 clear_colour() const;

    // Seconds until the app needs a frame although nothing happened (a notice going away), or
    // negative when it needs none.
    double seconds_to_next_wake() const;

    // Work the next frame would begin with that can take long (model.h, AppModel::work_pending): a
    // host calls run_pending_work in tasks of its own (a part each) until it is done, then draws.
    bool work_pending() const;
    void run_pending_work();

    // Files (model/model.h "Files from the host"). Before reading a file the host asks
    // file_announced(name, size); false means refused for its size (the app says so), and the host
    // does not read it. While takes_many_files() is true (the overview, the workshop list) the host
    // hands over every file of a drop or a picker: files_announced(count), then one file_received,
    // file_unreadable or (refused for its size) file_announced per file, possibly over many frames;
    // otherwise only the first file.
    bool takes_many_files() const;
    // The largest file the app takes now: a host that reads before it knows a file's size (the web
    // page's many files: asking a picked file's size costs a call to the browser process) stops
    // reading past it and announces the file with the size it has seen, which refuses it.
    std::size_t max_file_bytes() const;
    bool file_announced(const std::string& name, double size);
    void files_announced(std::size_t count);
    void file_received(const std::string& name, const std::string& bytes);
    void file_unreadable(const std::string& name, const std::string& reason);

    // A file asked for with platform::fetch_beside_app: found with its bytes, or not (model.h,
    // AppModel::served_file_arrived).
    void served_file(const std::string& name, bool found, const std::string& bytes);

    // The accessible layer (a11y.cpp): what the last frame showed, for the page's DOM mirror, and the
    // layer acting on an item (applied by the widget with that id in the next frame).
    std::string a11y_json() const;
    void a11y_act(const std::string& id, const std::string& action, const std::string& value);

    // Tab (Shift+Tab: backward) pressed in the drawn view; the host does not give it to ImGui. The
    // focus moves to the next item in drawing order; false when it went past the last (or before the
    // first) item: the host hands the keyboard back to the page's Tab order.
    bool tab(bool backward);

    // The test interface (test_hooks.cpp): the app's real state as JSON, for window.mfTest.state().
    std::string state_json() const;

private:
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

} // namespace mf
