// platform.h - what the app needs from its host, implemented twice:
//   platform_web.cpp      browser: Emscripten html5.h events, WebGL2, localStorage, downloads
//   platform_desktop.cpp  desktop: GLFW + OpenGL 3, files in the user's configuration folder
//
// Index
//   - Storage     small persistent key/value texts (the session is saved at every change)
//   - Files       giving the user a file (export) and asking for one (import)
//   - Pages       the web build's two pages (respondent, municipality)
//   - Served      a file published next to the app (the municipality's benchmark.json)
//   - Frames      waking the on-demand render loop
//
// The host owns main(), the window, the ImGui context, the render loop and the one mf::App; it calls
// the app through app/app.h. Nothing here is ImGui-specific, and nothing here knows the engine
// (src/core): the platform moves bytes, names, sizes and events; every rule about them is the app's
// (src/app/model/file_intake.cpp). The app reaches these functions only through its Host adapter
// (src/app/platform_host.cpp).
#pragma once
#include <string>

namespace mf::platform {

// "web" or "desktop": shown nowhere, used by the app to choose between a download and a path.
const char* name();

// --- Storage ------------------------------------------------------------------------------------
// Browser: window.localStorage under "mangfoldighedstjek.<key>". Desktop: the file <key>.json in
// $XDG_CONFIG_HOME/mangfoldighedstjek/ (or ~/.config/mangfoldighedstjek/), written atomically.
// storage_get tells a key never written (Absent) from one that could not be read (Failed: the
// browser denied access, the file could not be opened).
enum class StorageRead { Found, Absent, Failed };
StorageRead storage_get(const std::string& key, std::string& value);
bool storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// --- Files --------------------------------------------------------------------------------------
// Browser: starts a download of `bytes` named `file_name`. Desktop: writes `bytes` to `file_name`
// (a path). On success `where` says where it went (the name or the absolute path); on failure it
// holds the reason.
bool save_file(const std::string& file_name, const std::string& bytes, const char* mime_type, std::string& where);

// Browser: opens the browser's file picker. Desktop: takes the file at `path`. Either way the file
// arrives later, from the host's event loop: App::file_announced (its size, before it is read), then
// App::file_received or App::file_unreadable. Returns false only when nothing could be started (the
// reason in `error`).
bool open_file(const std::string& path, std::string& error);
bool has_file_picker(); // true in the browser (no path needed), false on the desktop

// Many files at once (the municipality view, the workshop list's batch import). Browser: opens the
// picker for several files, or for a whole folder (its *.json files); for Thousands and Folder the
// browser's File System Access dialog where it has one, whose files the page's workers read
// (platform_web.js, MF.pickByHandles), for Several the plain upload dialog. Desktop: `paths` is one
// or more files or folders (folders searched recursively for *.json, sorted), separated by ';' or
// new lines. They arrive later, in batches, as for open_file, after App::files_announced; a path
// that cannot be read arrives through App::file_unreadable. False only when nothing could be
// started.
enum class ManyFiles { Several = 0, Thousands = 1, Folder = 2 }; // the values platform_web.js reads
bool open_files(const std::string& paths, ManyFiles what, std::string& error);

// Shows an HTML page to the user (the printable report). Browser: opens it in a new tab from a Blob
// URL (a download of `file_name` when the browser blocks the tab). Desktop: writes it as
// `file_name` in documents_folder(). `where` says what happened (the tab, or the path), or why not.
bool open_html(const std::string& file_name, const std::string& html, std::string& where);

// Default folder for desktop exports ("" in the browser).
std::string documents_folder();

// --- Pages (browser only) --------------------------------------------------------------------------
// The web build is two pages, each with its own .wasm (app.cpp "Pages"); the desktop app is one
// window and never calls these. go_to_page leaves this page for `url` (relative to it);
// page_parameters is this page's query string without "?" ("lang=en&text=1"); set_page_parameters
// replaces it without loading the page again (and without a new history entry).
void go_to_page(const std::string& url);
// Opens `url` (a page served next to this one, e.g. the accessibility statement) in a new tab.
// False when it could not (the browser blocked the tab; the desktop serves no pages).
bool open_page(const std::string& url);
std::string page_parameters();
void set_page_parameters(const std::string& query);

// --- Served files ---------------------------------------------------------------------------------
// Asks for the file `name` published next to the app. Browser: fetch(name) relative to the page, in
// same-origin mode without credentials ('no-cache': the server is asked whether a copy is current;
// the offline worker answers network first, docs/offline.md). Desktop: the file `name` in the
// program's folder (next to the executable). The answer arrives later, from the host's event loop:
// App::served_file(name, true, bytes), or App::served_file(name, false, "") when there is none
// (HTTP 404 or another error status, a network error, no such file).
void fetch_beside_app(const std::string& name);

// --- Frames -------------------------------------------------------------------------------------
// Render a few more frames soon (the loop otherwise sleeps when nothing changes). Cheap to call.
void request_frames();

} // namespace mf::platform
