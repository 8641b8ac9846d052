// host.h - what the app model needs from the machine it runs on, as one interface.
//
// The app implements it over src/platform (app/platform_host.cpp: localStorage or config files,
// downloads or paths, the browser's pages); the model's unit tests implement it in memory
// (tests/app/fake_host.h). So every action of the model runs in a test exactly as in the app,
// without a browser, a window or ImGui.
#pragma once
#include "core/workshop.h" // Store

#include <string>

namespace mf {

// What a picker for many files is for: a few files (the workshop's batch import), a municipality's
// thousands (the browser then reads them on its workers where it can, so the page stays
// responsive), or a folder of them.
enum class ManyFiles { Several, Thousands, Folder };

class Host {
public:
    virtual ~Host() = default;

    // Small persistent texts (the saved assessments and the workshop's index).
    virtual Store& store() = 0;

    // The clock: "2026-11-25T14:03:00Z" (UTC) and the user's local date "2026-11-25".
    virtual std::string now_timestamp() = 0;
    virtual std::string today() = 0;

    // Files. In the browser a picker chooses files and a download saves them; on the desktop the
    // user types paths. Files chosen arrive later through the app's file intake (model/file_intake.h).
    virtual bool has_file_picker() = 0;
    virtual std::string documents_folder() = 0; // "" in the browser
    // Saves `bytes` as `name` (a download, or a path on the desktop); `where` says where it went, or why not.
    virtual bool save_file(const std::string& name, const std::string& bytes, const char* mime_type, std::string& where) = 0;
    // One file: the picker, or the file at `path`. False (with `error`) when nothing could be started.
    virtual bool choose_file(const std::string& path, std::string& error) = 0;
    // Many files: the picker for `what`, or the typed `paths` (files and folders).
    virtual bool choose_files(const std::string& paths, ManyFiles what, std::string& error) = 0;
    // Shows an HTML page (the printable report): a new tab, or a file next to the exports.
    // `where` is "tab", the file's path, or why not.
    virtual bool show_html(const std::string& name, const std::string& html, std::string& where) = 0;

    // The web build's two pages (index.html and kommune.html): leave for `url`; this page's query
    // string ("lang=en&text=1") and replacing it without a reload.
    virtual void go_to_page(const std::string& url) = 0;
    // Opens a page served next to the app (the accessibility statement) in a new tab; false when
    // it could not (a blocked tab, or the desktop, which serves no pages).
    virtual bool open_page(const std::string& url) = 0;
    virtual std::string page_parameters() = 0;
    virtual void set_page_parameters(const std::string& query) = 0;

    // Asks for the file `name` served next to the app: in the browser fetched from the page's own
    // folder (same origin only, no credentials), on the desktop read from the program's folder. The
    // answer comes later through AppModel::served_file_arrived (found or not), never from inside
    // this call.
    virtual void fetch_beside_app(const std::string& name) = 0;

    // Draw a few more frames soon (something changed outside an input event).
    virtual void request_frames() = 0;
};

} // namespace mf
