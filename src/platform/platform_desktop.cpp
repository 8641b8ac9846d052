// platform_desktop.cpp - the desktop host: GLFW + OpenGL 3 + imgui_impl_glfw.
//
// Index
//   - options          --screenshot FILE, --size WxH, --quit-after SECONDS
//   - PNG writer       for --screenshot (stored deflate: no zlib needed, files are for tests)
//   - frame pacing     glfwWaitEvents when nothing changes (see frame_pacing.h)
//   - files            paths typed or dropped, read between frames and handed to the App
//   - platform.h       storage in the configuration folder, files by path, request_frames
//   - main
//
// Usage: mangfoldighedstjek [--size 1280x800] [--screenshot out.png] [--quit-after 5]
//   --screenshot  writes the window to a PNG once the picture is stable, then quits
//   --quit-after  quits after that many seconds and prints the number of frames drawn (idle tests)
#include "app/app.h"
#include "platform/file_list.h"
#include "platform/frame_pacing.h"
#include "platform/platform.h"

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// A request to read files: one file (an import) or many (a batch, the overview).
struct FileRequest {
    std::vector<std::string> paths;
    bool many = false;
};

// Everything the desktop host keeps: one object, made in main() with the App it drives.
struct DesktopHost {
    std::unique_ptr<mf::App> app;
    mf::FramePacer pacer;
    std::set<int> keys_held;            // ImGui's key repeat needs frames while a key is held
    std::deque<FileRequest> requests;   // read between frames (deliver_files)
    std::deque<std::string> served;     // fetch_beside_app's names, answered between frames
};
// The one host of this process: platform.h's functions have no other way to reach it.
DesktopHost g_host;

// ---------------------------------------------------------------------------------------------
// PNG writer
// ---------------------------------------------------------------------------------------------
std::uint32_t crc32(const unsigned char* data, std::size_t size, std::uint32_t crc = 0) {
    static std::uint32_t table[256];
    static bool ready = false;
    if (!ready) {
        for (std::uint32_t n = 0; n < 256; n++) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        ready = true;
    }
    crc = ~crc;
    for (std::size_t i = 0; i < size; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

void put32(std::vector<unsigned char>& out, std::uint32_t v) {
    out.push_back((unsigned char)(v >> 24));
    out.push_back((unsigned char)(v >> 16));
    out.push_back((unsigned char)(v >> 8));
    out.push_back((unsigned char)v);
}

void chunk(std::vector<unsigned char>& out, const char* type, const std::vector<unsigned char>& data) {
    put32(out, (std::uint32_t)data.size());
    std::vector<unsigned char> body(type, type + 4);
    body.insert(body.end(), data.begin(), data.end());
    out.insert(out.end(), body.begin(), body.end());
    put32(out, crc32(body.data(), body.size()));
}

// RGB rows top to bottom.
bool write_png(const std::string& path, int w, int h, const std::vector<unsigned char>& rgb) {
    std::vector<unsigned char> raw;
    raw.reserve((std::size_t)h * (w * 3 + 1));
    for (int y = 0; y < h; y++) {
        raw.push_back(0); // filter: none
        raw.insert(raw.end(), rgb.begin() + (std::size_t)y * w * 3, rgb.begin() + (std::size_t)(y + 1) * w * 3);
    }
    std::vector<unsigned char> z = {0x78, 0x01};
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    for (std::size_t pos = 0; pos < raw.size() || pos == 0;) {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - pos);
        const bool last = pos + n == raw.size();
        z.push_back(last ? 1 : 0);
        z.push_back((unsigned char)(n & 0xff));
        z.push_back((unsigned char)(n >> 8));
        z.push_back((unsigned char)(~n & 0xff));
        z.push_back((unsigned char)((~n >> 8) & 0xff));
        z.insert(z.end(), raw.begin() + pos, raw.begin() + pos + n);
        pos += n;
        if (last) break;
    }
    put32(z, (b << 16) | a);

    std::vector<unsigned char> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<unsigned char> ihdr;
    put32(ihdr, (std::uint32_t)w);
    put32(ihdr, (std::uint32_t)h);
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0}); // 8-bit RGB
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", {});
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(png.data()), (std::streamsize)png.size());
    return (bool)f;
}

bool screenshot(const std::string& path, int fb_w, int fb_h) {
    std::vector<unsigned char> pixels((std::size_t)fb_w * fb_h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, fb_w, fb_h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < fb_h; y++)
        std::memcpy(&flipped[(std::size_t)y * fb_w * 3], &pixels[(std::size_t)(fb_h - 1 - y) * fb_w * 3], (std::size_t)fb_w * 3);
    return write_png(path, fb_w, fb_h, flipped);
}

// ---------------------------------------------------------------------------------------------
// Events: ours run first and chain to ImGui's (installed after them by ImGui_ImplGlfw).
// ---------------------------------------------------------------------------------------------
void on_any() { g_host.pacer.event(); }
void cb_cursor(GLFWwindow*, double, double) { on_any(); }
void cb_button(GLFWwindow*, int, int, int) { on_any(); }
void cb_scroll(GLFWwindow*, double, double) { on_any(); }
void cb_char(GLFWwindow*, unsigned) { on_any(); }
void cb_focus(GLFWwindow*, int focused) {
    if (!focused) g_host.keys_held.clear();
    on_any();
}
void cb_enter(GLFWwindow*, int) { on_any(); }
void cb_key(GLFWwindow*, int key, int, int action, int) {
    if (action == GLFW_PRESS) g_host.keys_held.insert(key);
    else if (action == GLFW_RELEASE) g_host.keys_held.erase(key);
    on_any();
}
void cb_size(GLFWwindow*, int, int) { on_any(); }
void cb_refresh(GLFWwindow*) { on_any(); }
void cb_drop(GLFWwindow*, int count, const char** paths) {
    if (count <= 0) return;
    FileRequest r;
    r.many = g_host.app->takes_many_files();
    for (int i = 0; i < (r.many ? count : 1); i++) r.paths.push_back(paths[i]);
    g_host.requests.push_back(std::move(r));
    on_any();
}

struct Options {
    int width = 1280, height = 800;
    std::string screenshot;
    double quit_after = -1;
};

bool parse_options(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; i++) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--screenshot" && has_value) o.screenshot = argv[++i];
        else if (a == "--size" && has_value) {
            if (std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 200) {
                std::fprintf(stderr, "mangfoldighedstjek: --size wants WIDTHxHEIGHT, e.g. 1280x800\n");
                return false;
            }
        } else if (a == "--quit-after" && has_value) o.quit_after = std::atof(argv[++i]);
        else {
            std::fprintf(stderr, "usage: mangfoldighedstjek [--size WxH] [--screenshot FILE.png] [--quit-after SECONDS]\n");
            return false;
        }
    }
    return true;
}

fs::path config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg) return fs::path(xdg) / "mangfoldighedstjek";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".config" / "mangfoldighedstjek";
}

// Keys are fixed names chosen by the app; anything else is refused rather than written elsewhere.
bool safe_key(const std::string& key) {
    if (key.empty() || key.size() > 64) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

std::string expand_home(const std::string& path) {
    if (path.size() >= 1 && path[0] == '~' && (path.size() == 1 || path[1] == '/')) {
        const char* home = std::getenv("HOME");
        if (home) return std::string(home) + path.substr(1);
    }
    return path;
}

// ---------------------------------------------------------------------------------------------
// Files: the paths of open_file / open_files / a drop, read between frames. Each file's size goes to
// the App first (file_announced), so a file it refuses for its size is never read into memory.
// ---------------------------------------------------------------------------------------------
void deliver_file(const std::string& path, const std::string& name) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        g_host.app->file_unreadable(name, "could not read " + path + " (" + ec.message() + ")");
        return;
    }
    if (!g_host.app->file_announced(name, (double)size)) return;
    std::ifstream f(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << f.rdbuf();
    if (!f) g_host.app->file_unreadable(name, "could not read " + path);
    else g_host.app->file_received(name, bytes.str());
}

// A file published next to the program (fetch_beside_app): the file `name` in the executable's folder.
void deliver_served(const std::string& name) {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    const fs::path path = (ec ? fs::current_path() : exe.parent_path()) / name;
    std::ifstream f(path, std::ios::binary);
    std::ostringstream bytes;
    if (f) bytes << f.rdbuf();
    if (!f || !fs::is_regular_file(path, ec)) g_host.app->served_file(name, false, "");
    else g_host.app->served_file(name, true, bytes.str());
}

void deliver_files() {
    while (!g_host.served.empty()) {
        const std::string name = std::move(g_host.served.front());
        g_host.served.pop_front();
        deliver_served(name);
    }
    while (!g_host.requests.empty()) {
        const FileRequest r = std::move(g_host.requests.front());
        g_host.requests.pop_front();
        if (!r.many) {
            deliver_file(r.paths.front(), fs::path(r.paths.front()).filename().string());
            continue;
        }
        // Read here, all in one go: a desktop window may pause for the second 10,000 files take;
        // the browser hands files over in batches instead.
        std::vector<std::pair<std::string, std::string>> problems;
        const std::vector<std::string> files = mf::platform::list_json_files(r.paths, problems);
        g_host.app->files_announced(files.size() + problems.size());
        for (const auto& problem : problems) g_host.app->file_unreadable(problem.first, problem.second);
        for (const std::string& f : files) deliver_file(f, f);
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// platform.h
// ---------------------------------------------------------------------------------------------
namespace mf::platform {

const char* name() { return "desktop"; }

StorageRead storage_get(const std::string& key, std::string& value) {
    if (!safe_key(key)) return StorageRead::Failed;
    const fs::path p = config_dir() / (key + ".json");
    std::error_code ec;
    if (!fs::exists(p, ec)) return ec ? StorageRead::Failed : StorageRead::Absent;
    std::ifstream f(p, std::ios::binary);
    std::ostringstream text;
    text << f.rdbuf();
    if (!f) return StorageRead::Failed;
    value = text.str();
    return StorageRead::Found;
}

bool storage_set(const std::string& key, const std::string& value) {
    if (!safe_key(key)) return false;
    std::error_code ec;
    const fs::path dir = config_dir();
    fs::create_directories(dir, ec);
    const fs::path p = dir / (key + ".json");
    const fs::path tmp = dir / (key + ".json.tmp");
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f.write(value.data(), (std::streamsize)value.size());
        if (!f) return false;
    }
    fs::rename(tmp, p, ec); // atomic: a crash leaves the old or the new file, never half of one
    return !ec;
}

void storage_remove(const std::string& key) {
    if (!safe_key(key)) return;
    std::error_code ec;
    fs::remove(config_dir() / (key + ".json"), ec);
}

bool save_file(const std::string& file_name, const std::string& bytes, const char*, std::string& where) {
    const fs::path p = fs::absolute(fs::path(expand_home(file_name)));
    std::error_code ec;
    if (p.has_parent_path() && !fs::is_directory(p.parent_path(), ec)) {
        where = "the folder " + p.parent_path().string() + " does not exist";
        return false;
    }
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), (std::streamsize)bytes.size());
    f.close();
    if (!f) {
        where = "could not write " + p.string();
        return false;
    }
    where = p.string();
    return true;
}

bool open_file(const std::string& path, std::string& error) {
    const std::string p = expand_home(path);
    if (p.empty() || p.back() == '/') {
        error = "no file given";
        return false;
    }
    g_host.requests.push_back(FileRequest{{p}, false});
    request_frames();
    return true;
}

bool has_file_picker() { return false; }

bool open_files(const std::string& paths, ManyFiles, std::string& error) {
    FileRequest r;
    r.many = true;
    std::string part;
    for (std::size_t i = 0; i <= paths.size(); i++) {
        if (i == paths.size() || paths[i] == '\n' || paths[i] == ';') {
            std::size_t b = part.find_first_not_of(" \t\r"), e = part.find_last_not_of(" \t\r");
            if (b != std::string::npos) r.paths.push_back(expand_home(part.substr(b, e - b + 1)));
            part.clear();
        } else {
            part += paths[i];
        }
    }
    if (r.paths.empty()) {
        error = "no file or folder given";
        return false;
    }
    g_host.requests.push_back(std::move(r));
    request_frames();
    return true;
}

bool open_html(const std::string& file_name, const std::string& html, std::string& where) {
    return save_file(documents_folder() + "/" + file_name, html, "text/html", where);
}

std::string documents_folder() {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return fs::current_path().string();
    std::error_code ec;
    const fs::path docs = fs::path(home) / "Documents";
    return fs::is_directory(docs, ec) ? docs.string() : std::string(home);
}

// One window with both views (the model never leaves it): no pages, no address.
void go_to_page(const std::string&) {}
bool open_page(const std::string&) { return false; } // the web pages live on the municipality's site
std::string page_parameters() { return ""; }
void set_page_parameters(const std::string&) {}

void fetch_beside_app(const std::string& name) {
    g_host.served.push_back(name);
    request_frames();
}

void request_frames() {
    g_host.pacer.event();
    glfwPostEmptyEvent();
}

} // namespace mf::platform

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------
int main(int argc, char** argv) {
    Options opt;
    if (!parse_options(argc, argv, opt)) return 2;

    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE); // HiDPI: a larger window on a scaled monitor
    GLFWwindow* window = glfwCreateWindow(opt.width, opt.height, "Mangfoldighedstjek", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "mangfoldighedstjek: could not open an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    glfwSetCursorPosCallback(window, cb_cursor);
    glfwSetMouseButtonCallback(window, cb_button);
    glfwSetScrollCallback(window, cb_scroll);
    glfwSetCharCallback(window, cb_char);
    glfwSetKeyCallback(window, cb_key);
    glfwSetWindowFocusCallback(window, cb_focus);
    glfwSetCursorEnterCallback(window, cb_enter);
    glfwSetFramebufferSizeCallback(window, cb_size);
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float, float) { on_any(); });
    glfwSetWindowRefreshCallback(window, cb_refresh);
    glfwSetDropCallback(window, cb_drop);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    g_host.app = std::make_unique<mf::App>();
    ImGui_ImplGlfw_InitForOpenGL(window, true); // chains to the callbacks above
    ImGui_ImplOpenGL3_Init("#version 330 core");

    // Scales: ImGui works in window coordinates. Where those are pixels (X11, Windows) the monitor's
    // content scale enlarges the UI; where they are points (macOS, Wayland) the framebuffer is
    // larger and the fonts are rasterised at that density instead.
    auto scales = [&](float& pixel_ratio, float& ui_scale) {
        int ww, wh, fw, fh;
        float cx, cy;
        glfwGetWindowSize(window, &ww, &wh);
        glfwGetFramebufferSize(window, &fw, &fh);
        glfwGetWindowContentScale(window, &cx, &cy);
        pixel_ratio = ww > 0 ? (float)fw / (float)ww : 1.0f;
        ui_scale = cx / pixel_ratio;
        if (ui_scale < 0.5f) ui_scale = 1.0f;
    };
    float pixel_ratio = 1, ui_scale = 1;
    scales(pixel_ratio, ui_scale);
    g_host.app->update_fonts(pixel_ratio, ui_scale);
    ImGui_ImplOpenGL3_CreateDeviceObjects();

    const auto start = std::chrono::steady_clock::now();
    unsigned frames = 0;
    g_host.pacer.event();
    int exit_code = 0;
    while (!glfwWindowShouldClose(window)) {
        if (g_host.pacer.busy() || !g_host.keys_held.empty() || !opt.screenshot.empty()) {
            glfwPollEvents();
        } else {
            double wait = mf::seconds_to_cursor_blink();
            const double app_wait = g_host.app->seconds_to_next_wake();
            if (app_wait >= 0 && (wait < 0 || app_wait < wait)) wait = app_wait;
            if (opt.quit_after >= 0) {
                const double left = opt.quit_after -
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                if (wait < 0 || left < wait) wait = left > 0 ? left : 0;
            }
            if (wait < 0) glfwWaitEvents();
            else glfwWaitEventsTimeout(wait + 0.015);
            g_host.pacer.event(1);
        }
        if (opt.quit_after >= 0 &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >= opt.quit_after)
            break;

        scales(pixel_ratio, ui_scale);
        if (g_host.app->update_fonts(pixel_ratio, ui_scale)) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        deliver_files();
        g_host.app->frame();
        ImGui::Render();
        int fb_w, fb_h;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        const ImVec4 bg = g_host.app->clear_colour();
        glClearColor(bg.x, bg.y, bg.z, bg.w);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        frames++;
        g_host.pacer.drawn(mf::draw_data_hash(ImGui::GetDrawData()));

        // The screenshot is taken once the picture is stable (and at least three frames in).
        if (!opt.screenshot.empty() && !g_host.pacer.busy() && frames >= 3) {
            const bool ok = screenshot(opt.screenshot, fb_w, fb_h);
            std::fprintf(ok ? stdout : stderr, ok ? "screenshot: %s\n" : "could not write %s\n", opt.screenshot.c_str());
            exit_code = ok ? 0 : 1;
            glfwSwapBuffers(window);
            break;
        }
        glfwSwapBuffers(window);
    }
    if (opt.quit_after >= 0) std::printf("frames: %u\n", frames);

    g_host.app.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}
