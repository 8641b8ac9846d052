// fake_host.h - the app model's Host in memory (model/host.h), for the model's unit tests: storage
// in a map (tests/support/memory_store.h), a clock the test sets, files saved into a map, and a
// record of every picker opened and page left, so each action can be checked without a browser.
#pragma once
#include "app/model/host.h"
#include "app/model/model.h"
#include "support/memory_store.h"
#include "support/test_questionnaires.h"

#include <map>
#include <string>
#include <vector>

namespace mf_test {

class FakeHost : public mf::Host {
public:
    MemoryStore memory;
    std::string now = "2026-11-25T14:03:00Z";
    std::string date = "2026-11-25";
    bool picker = true;                           // the browser (a picker), or the desktop (paths)
    std::map<std::string, std::string> saved;     // name or path -> bytes
    bool refuse_saving = false;
    std::vector<std::string> chosen;              // every choose_file / choose_files call: the path(s)
    std::vector<std::string> pages;               // go_to_page calls
    std::vector<std::string> tabs;                // open_page calls
    bool serves_pages = true;                     // open_page's answer (false: the desktop)
    std::string query;                            // this page's address parameters
    std::map<std::string, std::string> html;      // show_html: name -> page
    int frames_requested = 0;
    std::vector<std::string> fetched;             // fetch_beside_app calls (the answer is the test's to give)

    mf::Store& store() override { return memory; }
    std::string now_timestamp() override { return now; }
    std::string today() override { return date; }
    bool has_file_picker() override { return picker; }
    std::string documents_folder() override { return picker ? "" : "/home/consultant/Documents"; }
    bool save_file(const std::string& name, const std::string& bytes, const char*, std::string& where) override {
        if (refuse_saving) {
            where = "the browser refused the download";
            return false;
        }
        saved[name] = bytes;
        where = name;
        return true;
    }
    bool choose_file(const std::string& path, std::string&) override {
        chosen.push_back(path);
        return true;
    }
    bool choose_files(const std::string& paths, mf::ManyFiles what, std::string&) override {
        chosen.push_back(std::string(what == mf::ManyFiles::Folder ? "folder:" : what == mf::ManyFiles::Thousands ? "thousands:" : "files:") + paths);
        return true;
    }
    bool show_html(const std::string& name, const std::string& page, std::string& where) override {
        html[name] = page;
        where = picker ? "tab" : "/home/consultant/Documents/" + name;
        return true;
    }
    void go_to_page(const std::string& url) override { pages.push_back(url); }
    bool open_page(const std::string& url) override {
        tabs.push_back(url);
        return serves_pages;
    }
    std::string page_parameters() override { return query; }
    void set_page_parameters(const std::string& q) override { query = q; }
    void fetch_beside_app(const std::string& name) override { fetched.push_back(name); }
    void request_frames() override { frames_requested++; }
};

// The shipped questionnaire's text, as the app embeds it.
const std::string& shipped_questionnaire_text();

// A started model over `host` on `page` (the shipped questionnaire), with one frame run.
void start(mf::AppModel& m, mf::Page page = mf::Page::Respondent);

// One frame: begin at `time`, end (which saves what changed).
void frame(mf::AppModel& m, double time = 0);

// A complete, valid profile typed in as a respondent would, then every visible question answered
// with its first option (or "yes").
void fill_profile(mf::AppModel& m, const std::string& name = "Bageriet ApS", const std::string& cvr = "13748136");
void answer_everything(mf::AppModel& m);

// A result file as the app exports it for an organisation that answered everything, made at `now`.
std::string exported_result(const std::string& name, const std::string& cvr, const std::string& now = "2026-11-25T14:03:00Z");

} // namespace mf_test
