// platform_web.cpp - the browser host: WebGL2 + Emscripten html5.h events, no GLFW.
//
// Index
//   - JS side          functions from platform_web.js and a11y_web.js, exports they call back
//   - canvas           backing store = CSS size * devicePixelRatio, ImGui works in CSS pixels
//   - frame pacing     render on demand: frames after input until the picture is stable, then none
//   - render_frame     one ImGui frame; the canvas is painted only when the picture changed
//   - GL state queries the renderer's backup of the blend and scissor state, answered here
//   - input            mouse, wheel, touch (as mouse, drag to scroll), keys, focus, resize
//   - platform.h       storage (localStorage), files (download, picker), request_frames
//   - main
//
// Frame pacing, why: ImGui is an immediate-mode UI and by default redraws 60 times a second, which
// keeps a laptop's fan busy for a page that shows a still form. Here a frame is drawn only when
// something can have changed: an input event, a resize, a file arriving, or a timer (the text
// cursor blinking in a focused field, about twice a second; a timed message). After an event the
// loop keeps drawing until two consecutive frames produce identical draw data (ImGui needs a
// couple of frames to settle layouts and popups), then stops. A pointer move is cheaper still: one
// frame at once, and more only if the picture changed (on_mouse_move). While a key is held it draws
// continuously so that ImGui's key repeat works. The first frame is drawn in main() itself, and the
// frames go on only once the browser has shown it (mf_web_first_frame_shown).
//
// Painting, why: most frames after a mouse move produce exactly the picture already on the canvas
// (the pointer crossed no widget). Such a frame runs ImGui but skips all WebGL calls. WebGL shows
// the drawing buffer of the last frame that drew into it (a frame that clears or draws nothing
// presents nothing new), so the canvas keeps the right picture, and with software WebGL the GPU
// process no longer repaints the whole canvas for every pointer move (docs/performance.md).
#include "app/app.h"
#include "platform/frame_pacing.h"
#include "platform/platform.h"

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h" // scrollbar ids for touch scrolling

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <string>

// ---------------------------------------------------------------------------------------------
// JS side (src/platform/platform_web.js)
// ---------------------------------------------------------------------------------------------
extern "C" {
void mf_js_init();
void mf_js_first_frame();
void mf_js_fatal(const char* message);
void mf_js_text_input(int active, float x, float y, float line_height);
void mf_js_set_clipboard(const char* text);
void mf_js_set_cursor(const char* css_cursor);
char* mf_js_storage_get(const char* key, int* status); // malloc'd UTF-8; null with status 1 absent, 2 refused
int mf_js_storage_set(const char* key, const char* value);
void mf_js_storage_remove(const char* key);
int mf_js_download(const char* name, const char* mime, const char* data, int size);
int mf_js_open_file_picker();
int mf_js_open_files_picker(int what);
int mf_js_open_html(const char* name, const char* html); // 1 a new tab, 2 a download, 0 neither
void mf_js_go_to_page(const char* url);
int mf_js_open_page(const char* url); // 1 when a tab opened
char* mf_js_page_parameters(); // malloc'd UTF-8: the address's query without "?"
void mf_js_set_page_parameters(const char* query);
void mf_js_fetch_beside_app(const char* name); // answers through mf_web_served_file
void mf_js_a11y_update(const char* json);        // a11y_web.js: the accessible layer
int mf_js_a11y_owns_key(int is_tab, int canvas_in_use); // 1 the page's key, 2 a Tab the page has handled
void mf_js_a11y_focus_skip_link();
}

namespace {

// Everything the browser host keeps: one object, made in main() with the App it drives.
struct WebHost {
    std::unique_ptr<mf::App> app;   // made after the ImGui context, see main()
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    unsigned frames = 0;            // ImGui frames run
    unsigned painted = 0;           // of those, frames that drew into the canvas
    std::uint64_t painted_hash = 0;
    bool must_paint = true;         // the canvas was resized or the font texture rebuilt since the last paint
    double last_time = 0;
    bool in_frame = false;
    bool canvas_in_use = false;     // pressed or typed in: Tab belongs to ImGui's keyboard navigation
    bool pointer_frame = false;     // the frame runs for a pointer move alone (on_mouse_move)
    std::string a11y_published;     // what the accessible layer shows: republished only when it changes
    ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT; // the CSS cursor last set
    std::string state;              // the last mfTest.state() text (its pointer goes to JavaScript)

    // Canvas geometry.
    float dpr = 1;
    double css_w = 0, css_h = 0;
    int fb_w = 0, fb_h = 0;

    // Frame pacing (see frame_pacing.h).
    mf::FramePacer pacer;
    bool raf_pending = false;
    long wake_timer = 0;            // pending emscripten_set_timeout id, 0 when none
    long progress_timer = 0;        // the same for the next frame while many files arrive
    long work_timer = 0;            // the same for the app's pending work (on_work_timer)
    std::set<int> keys_held;        // non-modifier keys down: ImGui's key repeat needs frames
    unsigned buttons_pressed = 0;   // mouse buttons pressed on the canvas and not yet released (bits)

    // Touch: the first finger acts as the mouse; moving it beyond a few pixels scrolls instead.
    long touch_id = -1;
    bool touch_scrolling = false;
    float touch_start_x = 0, touch_start_y = 0, touch_last_y = 0, touch_last_x = 0;
};
// The one host of this page: the event callbacks and the exports JavaScript calls have no other way
// to reach it.
WebHost g_host;

void render_frame();

void schedule_animation_frame();

// Long work the frame would begin with (the overview's publication after a loading) runs first in
// tasks of its own, a part each, and the frame follows: a task of about 0.2 s with 10,000 files
// becomes five of the publication's parts and one of the frame.
void on_work_timer(void*) {
    g_host.work_timer = 0;
    g_host.app->run_pending_work();
    schedule_animation_frame();
}

EM_BOOL on_animation_frame(double, void*) {
    g_host.raf_pending = false;
    if (g_host.app->work_pending()) {
        if (!g_host.work_timer) g_host.work_timer = emscripten_set_timeout(on_work_timer, 0, nullptr);
        return EM_FALSE;
    }
    render_frame();
    return EM_FALSE;
}

void schedule_animation_frame() {
    if (g_host.raf_pending) return;
    g_host.raf_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void on_wake_timer(void*) {
    g_host.wake_timer = 0;
    g_host.pacer.event(1);
    schedule_animation_frame();
}

// After an event: draw at least two frames (ImGui reacts to a click one frame after it sees it).
void wake(int frames = 2) {
    g_host.pacer.event(frames);
    schedule_animation_frame();
}

// While many files arrive: one frame at most every kProgressMs (a frame draws the whole overview and
// its accessible layer; one per file or per slice of files took the page's thread from reading).
constexpr double kProgressMs = 250;
void on_progress_timer(void*) {
    g_host.progress_timer = 0;
    wake(1);
}
void wake_for_progress() {
    if (g_host.progress_timer || g_host.raf_pending) return;
    g_host.progress_timer = emscripten_set_timeout(on_progress_timer, kProgressMs, nullptr);
}

// Runs a frame inside the event handler itself. Used for presses and key downs, so that what
// ImGui does in answer (focusing the hidden text field for the on-screen keyboard, copying to the
// clipboard) happens while the browser still counts it as the user's gesture.
void frame_now() {
    render_frame();
    wake();
}

void schedule_next() {
    if (g_host.pacer.busy() || !g_host.keys_held.empty()) {
        schedule_animation_frame();
        return;
    }
    double wait = mf::seconds_to_cursor_blink();
    const double app_wait = g_host.app->seconds_to_next_wake();
    if (app_wait >= 0 && (wait < 0 || app_wait < wait)) wait = app_wait;
    if (g_host.wake_timer) {
        emscripten_clear_timeout(g_host.wake_timer);
        g_host.wake_timer = 0;
    }
    if (wait >= 0) g_host.wake_timer = emscripten_set_timeout(on_wake_timer, wait * 1000.0 + 15.0, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Canvas
// ---------------------------------------------------------------------------------------------
void update_canvas_size() {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    float dpr = (float)emscripten_get_device_pixel_ratio();
    if (dpr <= 0) dpr = 1;
    const int fb_w = (int)std::lround(w * dpr), fb_h = (int)std::lround(h * dpr);
    if (fb_w != g_host.fb_w || fb_h != g_host.fb_h) {
        emscripten_set_canvas_element_size("#canvas", fb_w, fb_h); // this clears the canvas
        g_host.must_paint = true;
    }
    g_host.css_w = w;
    g_host.css_h = h;
    g_host.dpr = dpr;
    g_host.fb_w = fb_w;
    g_host.fb_h = fb_h;
}

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
    }
}

// ---------------------------------------------------------------------------------------------
// One frame
// ---------------------------------------------------------------------------------------------
// Draws the frame's draw data into the canvas, unless the canvas already shows exactly this picture
// (same hash over vertices, indices, clip rectangles and textures, same canvas size).
void paint_if_changed(std::uint64_t hash) {
    if (!g_host.must_paint && hash == g_host.painted_hash) return;
    emscripten_webgl_make_context_current(g_host.gl);
    glViewport(0, 0, g_host.fb_w, g_host.fb_h);
    const ImVec4 bg = g_host.app->clear_colour();
    glClearColor(bg.x, bg.y, bg.z, bg.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g_host.painted_hash = hash;
    g_host.must_paint = false;
    g_host.painted++;
}

void render_frame() {
    if (g_host.in_frame) return; // an event fired while the accessible layer updates: the next frame sees it
    struct InFrame { InFrame() { g_host.in_frame = true; } ~InFrame() { g_host.in_frame = false; } } in_frame;
    ImGuiIO& io = ImGui::GetIO();
    update_canvas_size();
    io.DisplaySize = ImVec2((float)g_host.css_w, (float)g_host.css_h);
    io.DisplayFramebufferScale = ImVec2(g_host.dpr, g_host.dpr);
    const double now = emscripten_get_now() / 1000.0;
    io.DeltaTime = g_host.last_time > 0 && now > g_host.last_time ? (float)(now - g_host.last_time) : 1.0f / 60.0f;
    if (io.DeltaTime < 1e-4f) io.DeltaTime = 1e-4f;
    g_host.last_time = now;

    if (g_host.app->update_fonts(g_host.dpr, 1.0f)) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        g_host.must_paint = true;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    g_host.app->frame();
    ImGui::Render();

    const std::uint64_t hash = mf::draw_data_hash(ImGui::GetDrawData());
    paint_if_changed(hash);

    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != g_host.cursor) {
        mf_js_set_cursor(css_cursor(cursor));
        g_host.cursor = cursor;
    }

    // A pointer move that left the picture as it was cannot have changed what the accessible layer
    // shows either (the move is the only input such a frame sees): skip rebuilding it.
    const bool pointer_only_unchanged = g_host.pointer_frame && hash == g_host.pacer.last_hash;
    g_host.pacer.drawn(hash);

    if (!pointer_only_unchanged) {
        std::string a11y = g_host.app->a11y_json();
        if (a11y != g_host.a11y_published) {
            g_host.a11y_published = std::move(a11y);
            mf_js_a11y_update(g_host.a11y_published.c_str());
        }
    }

    if (g_host.frames++ == 0) {
        mf_js_first_frame(); // the frames go on once the browser has shown this one (mf_web_first_frame_shown)
        return;
    }
    schedule_next();
}

// ---------------------------------------------------------------------------------------------
// GL state queries
// ---------------------------------------------------------------------------------------------
// ImGui's OpenGL backend backs up the GL state before each frame's drawing and restores it after.
// Chromium keeps most of that state on the page's side, but not the blend functions and equations
// nor the scissor box: each of those seven queries is a round trip to the GPU process (66 to 211 µs
// each when it is idle), which first finishes the work it was given, so the first frame waited
// there for the font texture and shaders, and under load one frame's queries took 113 ms
// (docs/performance.md, the respondent's first frame, part 10). The backend is this context's only
// user, and it restores what it is told it found: answered with the GL defaults, the state is the
// defaults again after every frame, which browser.paint checks on the real context. The backend is
// compiled with glGetIntegerv naming this function (CMakeLists.txt §2); every other query is asked.
extern "C" void mf_gl_backend_get_integerv(GLenum pname, GLint* data) {
    switch (pname) {
    case GL_BLEND_SRC_RGB:
    case GL_BLEND_SRC_ALPHA: data[0] = GL_ONE; return;
    case GL_BLEND_DST_RGB:
    case GL_BLEND_DST_ALPHA: data[0] = GL_ZERO; return;
    case GL_BLEND_EQUATION_RGB:
    case GL_BLEND_EQUATION_ALPHA: data[0] = GL_FUNC_ADD; return;
    case GL_SCISSOR_BOX: data[0] = data[1] = data[2] = data[3] = 0; return; // the test is off outside the backend's drawing
    default: glGetIntegerv(pname, data);
    }
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------
// A pointer move runs one frame at once instead of asking for animation frames: ImGui sees hovering
// in the same frame, and when the picture did not change (the usual case) nothing more happens: no
// animation frame, no paint, no work for the compositor. A changed picture asks the pacer for more
// frames as usual. Chromium delivers mouse moves at most once per display frame.
EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent((float)e->clientX, (float)e->clientY);
    if (g_host.raf_pending) return EM_FALSE; // the coming frame sees the move
    g_host.pointer_frame = true;
    render_frame();
    g_host.pointer_frame = false;
    return EM_FALSE;
}

int imgui_button(unsigned short dom_button) {
    switch (dom_button) {
    case 0: return ImGuiMouseButton_Left;
    case 1: return ImGuiMouseButton_Middle;
    case 2: return ImGuiMouseButton_Right;
    default: return -1;
    }
}

EM_BOOL on_mouse_button(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const int b = imgui_button(e->button);
    if (b < 0) return EM_FALSE;
    const bool down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
    // A release of a press made elsewhere is not ImGui's. Asked of the host, not of ImGui: under
    // load ImGui may not have taken the press from its queue yet, and dropping the release then
    // held the button down for ever, so the next click (and the typing after it) went nowhere.
    const unsigned bit = 1u << b;
    if (!down && !(g_host.buttons_pressed & bit)) return EM_FALSE;
    if (down) g_host.buttons_pressed |= bit;
    else g_host.buttons_pressed &= ~bit;
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent((float)e->clientX, (float)e->clientY);
    io.AddMouseButtonEvent(b, down);
    if (down) g_host.canvas_in_use = true;
    frame_now();
    return down ? EM_TRUE : EM_FALSE; // a press: no text selection or focus change on the page
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    wake();
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // ImGui scrolls about five lines per wheel unit; a mouse notch is 100 px or 3 lines.
    double scale = 1.0 / 100.0;
    if (e->deltaMode == DOM_DELTA_LINE) scale = 1.0 / 3.0;
    else if (e->deltaMode == DOM_DELTA_PAGE) scale = 1.0;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent((float)e->mouse.clientX, (float)e->mouse.clientY);
    io.AddMouseWheelEvent((float)(-e->deltaX * scale), (float)(-e->deltaY * scale));
    wake();
    return EM_TRUE;
}

const EmscriptenTouchPoint* find_touch(const EmscriptenTouchEvent* e, long id, bool changed_only) {
    for (int i = 0; i < e->numTouches; i++)
        if ((!changed_only || e->touches[i].isChanged) && (id < 0 || e->touches[i].identifier == id))
            return &e->touches[i];
    return nullptr;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        if (g_host.touch_id >= 0) return EM_TRUE; // a second finger: ignored
        const EmscriptenTouchPoint* t = find_touch(e, -1, true);
        if (!t) return EM_TRUE;
        g_host.touch_id = t->identifier;
        g_host.touch_scrolling = false;
        g_host.touch_start_x = g_host.touch_last_x = (float)t->clientX;
        g_host.touch_start_y = g_host.touch_last_y = (float)t->clientY;
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent((float)t->clientX, (float)t->clientY);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        g_host.canvas_in_use = true;
        frame_now();
        return EM_TRUE; // no emulated mouse events, no page scroll
    }
    const EmscriptenTouchPoint* t = find_touch(e, g_host.touch_id, true);
    if (!t || g_host.touch_id < 0) return EM_TRUE;
    const float x = (float)t->clientX, y = (float)t->clientY;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        ImGuiContext& g = *GImGui;
        const bool on_scrollbar = g.HoveredWindow && g.ActiveId != 0 &&
                                  g.ActiveId == ImGui::GetWindowScrollbarID(g.HoveredWindow, ImGuiAxis_Y);
        if (!g_host.touch_scrolling && !on_scrollbar && std::fabs(y - g_host.touch_start_y) + std::fabs(x - g_host.touch_start_x) > 12.0f) {
            // Becoming a scroll: let go of whatever was pressed without clicking it (release
            // away from it), then come back so the wheel reaches the window under the finger.
            g_host.touch_scrolling = true;
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        }
        io.AddMousePosEvent(x, y);
        if (g_host.touch_scrolling) {
            const float line = ImGui::GetFontSize() > 0 ? ImGui::GetFontSize() : 17.0f;
            io.AddMouseWheelEvent(0, (y - g_host.touch_last_y) / (5.0f * line));
        }
        g_host.touch_last_x = x;
        g_host.touch_last_y = y;
            wake();
        return EM_TRUE;
    }
    // touchend / touchcancel
    if (!g_host.touch_scrolling) {
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    }
    g_host.touch_id = -1;
    g_host.touch_scrolling = false;
    frame_now();
    // After the tap, the finger is gone: no hover highlight should stay behind.
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    wake();
    return EM_TRUE;
}

ImGuiKey key_from_code(const char* code) {
    struct Entry { const char* code; ImGuiKey key; };
    static const Entry kTable[] = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
        {"Escape", ImGuiKey_Escape}, {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift},
        {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl}, {"AltLeft", ImGuiKey_LeftAlt},
        {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
        {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3}, {"F4", ImGuiKey_F4}, {"F5", ImGuiKey_F5},
        {"F6", ImGuiKey_F6}, {"F7", ImGuiKey_F7}, {"F8", ImGuiKey_F8}, {"F9", ImGuiKey_F9}, {"F10", ImGuiKey_F10},
        {"F11", ImGuiKey_F11}, {"F12", ImGuiKey_F12},
    };
    for (const Entry& e : kTable)
        if (std::strcmp(code, e.code) == 0) return e.key;
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && !code[6])
        return (ImGuiKey)(ImGuiKey_0 + (code[5] - '0'));
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && !code[4])
        return (ImGuiKey)(ImGuiKey_A + (code[3] - 'A'));
    return ImGuiKey_None;
}

// Letters follow the layout (Ctrl+Z on an AZERTY keyboard is the key labelled Z); the rest follows
// the physical key.
ImGuiKey key_from_event(const EmscriptenKeyboardEvent* e) {
    const char* k = e->key;
    if (k[0] && !k[1]) {
        const char c = k[0];
        if (c >= 'a' && c <= 'z') return (ImGuiKey)(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z') return (ImGuiKey)(ImGuiKey_A + (c - 'A'));
    }
    return key_from_code(e->code);
}

// One Unicode code point (a character the hidden text field will receive as text input).
bool is_printable(const char* key) {
    const unsigned char c = (unsigned char)key[0];
    if (!c) return false;
    const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    return len > 0 && std::strlen(key) == (std::size_t)len;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    // Keys in the accessible layer are the page's: ImGui neither sees nor swallows them. So is Tab
    // until the canvas is in use (a fresh page, or after Escape): it reaches the skip link, the
    // page's first Tab stop.
    const bool is_tab = std::strcmp(e->key, "Tab") == 0;
    const int owner = mf_js_a11y_owns_key(is_tab ? 1 : 0, g_host.canvas_in_use ? 1 : 0);
    if (owner) return owner == 2 ? EM_TRUE : EM_FALSE;
    if (is_tab) {
        // The app's Tab order (App::tab): past the last item of the drawn view (or before its first)
        // the page's Tab order takes over at the skip link, so the keyboard is never trapped.
        if (type == EMSCRIPTEN_EVENT_KEYDOWN && !g_host.app->tab(e->shiftKey)) {
            g_host.canvas_in_use = false;
            mf_js_a11y_focus_skip_link();
        }
        frame_now();
        return EM_TRUE;
    }
    if (type == EMSCRIPTEN_EVENT_KEYDOWN && !is_tab) {
        // Escape with nothing to close or cancel hands Tab back to the page (no keyboard trap).
        const bool escape = std::strcmp(e->key, "Escape") == 0;
        if (!escape) g_host.canvas_in_use = true;
        else if (!io.WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) g_host.canvas_in_use = false;
    }
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
    const ImGuiKey key = key_from_event(e);
    if (key != ImGuiKey_None) {
        io.AddKeyEvent(key, down);
        const bool modifier = (key >= ImGuiKey_LeftCtrl && key <= ImGuiKey_RightSuper);
        if (!modifier) {
            if (down) g_host.keys_held.insert((int)key);
            else g_host.keys_held.erase((int)key);
        }
    }
    if (down) frame_now();
    else wake();

    if (!down) return EM_FALSE;
    // What the browser may still do with the key:
    const bool shortcut = e->ctrlKey || e->metaKey;
    if (shortcut) {
        // Editing shortcuts ImGui handles; everything else (copy/paste/cut through the clipboard
        // events, reload, zoom, new tab, ...) stays the browser's.
        switch (key) {
        case ImGuiKey_A: case ImGuiKey_Z: case ImGuiKey_Y: case ImGuiKey_LeftArrow: case ImGuiKey_RightArrow:
        case ImGuiKey_UpArrow: case ImGuiKey_DownArrow: case ImGuiKey_Home: case ImGuiKey_End:
        case ImGuiKey_Backspace: case ImGuiKey_Delete: case ImGuiKey_Enter:
            return EM_TRUE;
        default:
            return EM_FALSE;
        }
    }
    if (key >= ImGuiKey_F1 && key <= ImGuiKey_F12) return EM_FALSE;
    // Printable characters reach the hidden text field as text (with IME and dead keys working);
    // outside a text field Space belongs to ImGui (it activates the focused item).
    if (is_printable(e->key) && io.WantTextInput) return EM_FALSE;
    if (std::strcmp(e->key, "Dead") == 0 || std::strcmp(e->key, "Process") == 0) return EM_FALSE;
    return key != ImGuiKey_None ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    if (type == EMSCRIPTEN_EVENT_BLUR) g_host.keys_held.clear(); // the key ups will go elsewhere
    wake();
    return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    wake();
    return EM_FALSE;
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
    if (!e->hidden) {
        g_host.must_paint = true; // a hidden page's canvas may have been given up: paint it again
        wake();
    }
    return EM_FALSE;
}

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    mf_js_text_input(data->WantVisible ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

void set_clipboard(void*, const char* text) { mf_js_set_clipboard(text ? text : ""); }

// Pasting arrives as text input from the browser's paste event (the only way to read the
// clipboard synchronously), so ImGui's own Ctrl+V finds nothing to paste and does not paste twice.
const char* get_clipboard(void*) { return nullptr; }

} // namespace

// ---------------------------------------------------------------------------------------------
// Exports for platform_web.js (and, through it, window.mfTest)
// ---------------------------------------------------------------------------------------------
extern "C" {

// The first frame is on screen (mf_js_first_frame): the frames go on.
EMSCRIPTEN_KEEPALIVE void mf_web_first_frame_shown() { wake(); }

EMSCRIPTEN_KEEPALIVE void mf_web_text_input(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frame_now();
}

// Text from the browser's paste event. It arrives while Ctrl (Cmd) is still held, and ImGui ignores
// typed characters while a shortcut modifier is down, so the modifiers are let go around the text.
EMSCRIPTEN_KEEPALIVE void mf_web_paste(const char* utf8) {
    ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl, super = io.KeySuper;
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    io.AddKeyEvent(ImGuiMod_Super, false);
    io.AddInputCharactersUTF8(utf8);
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Super, super);
    frame_now();
}

// Before a file is read (see mf::App::file_announced): 0 when it is refused for its size.
EMSCRIPTEN_KEEPALIVE int mf_web_file_announced(const char* name, double size) {
    const bool wanted = g_host.app->file_announced(name ? name : "", size);
    if (!wanted) wake();
    return wanted ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void mf_web_file_received(const char* name, const char* data, int size) {
    g_host.app->file_received(name ? name : "", std::string(data, data + (size > 0 ? size : 0)));
    wake();
}

// Many files (platform_web.js MF.sendMany): how many will come, and one that could not be read.
EMSCRIPTEN_KEEPALIVE int mf_web_takes_many_files() { return g_host.app->takes_many_files() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void mf_web_files_announced(int count) {
    g_host.app->files_announced(count > 0 ? (std::size_t)count : 0);
    wake();
}

// Many files: the largest the app takes now (MF.pump stops reading a file past it and announces the
// file with the size it has seen, which refuses it), and a file handed over without a frame of its
// own (mf_web_file_received draws after each file; here a frame at most every kProgressMs shows
// the progress, and MF.pump asks for one when the last file is in).
EMSCRIPTEN_KEEPALIVE double mf_web_max_file_bytes() { return static_cast<double>(g_host.app->max_file_bytes()); }

EMSCRIPTEN_KEEPALIVE void mf_web_many_file_received(const char* name, const char* data, int size) {
    g_host.app->file_received(name ? name : "", std::string(data, data + (size > 0 ? size : 0)));
    wake_for_progress();
}

EMSCRIPTEN_KEEPALIVE void mf_web_file_unreadable(const char* name, const char* reason) {
    g_host.app->file_unreadable(name ? name : "", reason ? reason : "");
    wake();
}

// The answer to mf_js_fetch_beside_app: the file's bytes (found = 1), or none (found = 0).
EMSCRIPTEN_KEEPALIVE void mf_web_served_file(const char* name, int found, const char* data, int size) {
    g_host.app->served_file(name ? name : "", found != 0, found ? std::string(data, data + (size > 0 ? size : 0)) : std::string());
    wake();
}

EMSCRIPTEN_KEEPALIVE void mf_web_request_frames() { wake(); }

// A control used in the accessible layer: applied in a frame drawn now, inside the user's gesture
// (so that a download or the file picker it starts is allowed).
EMSCRIPTEN_KEEPALIVE void mf_web_a11y_act(const char* id, const char* action, const char* value) {
    g_host.app->a11y_act(id ? id : "", action ? action : "", value ? value : "");
    if (g_host.in_frame) wake();
    else frame_now();
}

EMSCRIPTEN_KEEPALIVE unsigned mf_web_frames() { return g_host.frames; }

EMSCRIPTEN_KEEPALIVE unsigned mf_web_painted() { return g_host.painted; }

// True while a frame is scheduled or the pacer still wants frames, or while a timed change of the
// picture is less than a second away (a notice going away moves everything under it up): the tests
// wait for false before reading positions, so a click never lands on a layout about to change.
EMSCRIPTEN_KEEPALIVE int mf_web_busy() {
    const double wake = g_host.app->seconds_to_next_wake();
    return (g_host.raf_pending || g_host.work_timer || g_host.pacer.busy() || (wake >= 0 && wake < 1.0)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* mf_web_state_json() {
    g_host.state = g_host.app->state_json();
    return g_host.state.c_str();
}

} // extern "C"

// ---------------------------------------------------------------------------------------------
// platform.h
// ---------------------------------------------------------------------------------------------
namespace mf::platform {

const char* name() { return "web"; }

StorageRead storage_get(const std::string& key, std::string& value) {
    int status = 0;
    char* s = mf_js_storage_get(key.c_str(), &status);
    if (!s) return status == 1 ? StorageRead::Absent : StorageRead::Failed;
    value = s;
    std::free(s);
    return StorageRead::Found;
}

bool storage_set(const std::string& key, const std::string& value) {
    return mf_js_storage_set(key.c_str(), value.c_str()) != 0;
}

void storage_remove(const std::string& key) { mf_js_storage_remove(key.c_str()); }

bool save_file(const std::string& file_name, const std::string& bytes, const char* mime_type, std::string& where) {
    if (!mf_js_download(file_name.c_str(), mime_type, bytes.data(), (int)bytes.size())) {
        where = "the browser refused the download";
        return false;
    }
    where = file_name;
    return true;
}

bool open_file(const std::string&, std::string& error) {
    if (!mf_js_open_file_picker()) {
        error = "the browser's file picker could not be opened";
        return false;
    }
    return true;
}

bool has_file_picker() { return true; }

bool open_files(const std::string&, ManyFiles what, std::string& error) {
    if (!mf_js_open_files_picker(static_cast<int>(what))) { // platform_web.js reads the three values
        error = "the browser's file picker could not be opened";
        return false;
    }
    return true;
}

bool open_html(const std::string& file_name, const std::string& html, std::string& where) {
    const int how = mf_js_open_html(file_name.c_str(), html.c_str());
    if (how == 1) where = "tab";
    else if (how == 2) where = file_name;
    else where = "the browser refused to open the page";
    return how != 0;
}

std::string documents_folder() { return ""; }

void go_to_page(const std::string& url) { mf_js_go_to_page(url.c_str()); }
bool open_page(const std::string& url) { return mf_js_open_page(url.c_str()) == 1; }

std::string page_parameters() {
    char* p = mf_js_page_parameters();
    std::string query = p ? p : "";
    std::free(p);
    return query;
}

void set_page_parameters(const std::string& query) { mf_js_set_page_parameters(query.c_str()); }

void fetch_beside_app(const std::string& name) { mf_js_fetch_beside_app(name.c_str()); }

void request_frames() { wake(); }

} // namespace mf::platform

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------
// The performance marks (mf-*) time the start-up steps for scripts/bench-web.mjs's first-frame
// breakdown (docs/performance.md); boot.js sets the ones before main().
int main() {
    EM_ASM({ performance.mark('mf-main'); });
    mf_js_init();

    EmscriptenWebGLContextAttributes attr;
    emscripten_webgl_init_context_attributes(&attr);
    attr.majorVersion = 2;
    attr.minorVersion = 0;
    attr.alpha = EM_FALSE;
    attr.depth = EM_FALSE;
    attr.stencil = EM_FALSE;
    attr.antialias = EM_FALSE; // ImGui anti-aliases its own shapes
    attr.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    g_host.gl = emscripten_webgl_create_context("#canvas", &attr);
    if (g_host.gl <= 0) {
        mf_js_fatal("webgl2");
        return 1;
    }
    emscripten_webgl_make_context_current(g_host.gl);
    EM_ASM({ performance.mark('mf-gl'); });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "mf_web_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetPlatformImeDataFn = set_ime_data;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ConfigMacOSXBehaviors = EM_ASM_INT({ return /Mac|iPhone|iPad/.test(navigator.platform) ? 1 : 0; }) != 0;
    g_host.app = std::make_unique<mf::App>();
    EM_ASM({ performance.mark('mf-app'); });
    ImGui_ImplOpenGL3_Init("#version 300 es");
    update_canvas_size();
    g_host.app->update_fonts(g_host.dpr, 1.0f); // the first font texture is uploaded with the device objects
    EM_ASM({ performance.mark('mf-fonts'); });
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    EM_ASM({ performance.mark('mf-device'); });

    const char* canvas = "#canvas";
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse_button);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse_button);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse_move);
    emscripten_set_mouseleave_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse_leave);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);

    // The first frame at once, not at the next animation frame: the start screen is up one frame
    // interval sooner (the browser shows it when this task ends). The next frame, which rasterises
    // the font's every glyph (App::update_fonts), waits until the browser has shown this one
    // (mf_web_first_frame_shown): in the same animation frame its 20 ms and its texture would hold
    // the first picture back (docs/performance.md, the respondent's first frame, part 11).
    EM_ASM({ performance.mark('mf-frame-start'); });
    render_frame();
    EM_ASM({ performance.mark('mf-frame-end'); });
    return 0; // the runtime stays alive: everything from here on is driven by events
}
