// platform_host.cpp - the model's Host over src/platform (see platform_host.h).
#include "app/platform_host.h"

#include "core/clock.h"
#include "platform/platform.h"

namespace mf {

StoreRead PlatformStore::get(const std::string& key, std::string& value) {
    switch (platform::storage_get(key, value)) {
    case platform::StorageRead::Found: return StoreRead::Found;
    case platform::StorageRead::Absent: return StoreRead::Absent;
    case platform::StorageRead::Failed: break;
    }
    return StoreRead::Failed;
}

bool PlatformStore::set(const std::string& key, const std::string& value) { return platform::storage_set(key, value); }

void PlatformStore::remove(const std::string& key) { platform::storage_remove(key); }

std::string PlatformHost::now_timestamp() { return mf::now_timestamp(); }
std::string PlatformHost::today() { return today_date(); }
bool PlatformHost::has_file_picker() { return platform::has_file_picker(); }
std::string PlatformHost::documents_folder() { return platform::documents_folder(); }

bool PlatformHost::save_file(const std::string& name, const std::string& bytes, const char* mime_type, std::string& where) {
    return platform::save_file(name, bytes, mime_type, where);
}

bool PlatformHost::choose_file(const std::string& path, std::string& error) { return platform::open_file(path, error); }

bool PlatformHost::choose_files(const std::string& paths, ManyFiles what, std::string& error) {
    const platform::ManyFiles pick = what == ManyFiles::Folder      ? platform::ManyFiles::Folder
                                     : what == ManyFiles::Thousands ? platform::ManyFiles::Thousands
                                                                    : platform::ManyFiles::Several;
    return platform::open_files(paths, pick, error);
}

bool PlatformHost::show_html(const std::string& name, const std::string& html, std::string& where) {
    return platform::open_html(name, html, where);
}

void PlatformHost::go_to_page(const std::string& url) { platform::go_to_page(url); }
bool PlatformHost::open_page(const std::string& url) { return platform::open_page(url); }
std::string PlatformHost::page_parameters() { return platform::page_parameters(); }
void PlatformHost::set_page_parameters(const std::string& query) { platform::set_page_parameters(query); }
void PlatformHost::fetch_beside_app(const std::string& name) { platform::fetch_beside_app(name); }
void PlatformHost::request_frames() { platform::request_frames(); }

} // namespace mf
