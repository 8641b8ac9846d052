// platform_host.h - the model's Host (model/host.h) over src/platform: the browser's or the
// desktop's storage, files, pages and clock. The only place where the app's model meets the platform.
#pragma once
#include "app/model/host.h"

namespace mf {

// Core's Store over platform::storage_*: localStorage in the browser, config files on the desktop.
class PlatformStore : public Store {
public:
    StoreRead get(const std::string& key, std::string& value) override;
    bool set(const std::string& key, const std::string& value) override;
    void remove(const std::string& key) override;
};

class PlatformHost : public Host {
public:
    Store& store() override { return store_; }
    std::string now_timestamp() override;
    std::string today() override;
    bool has_file_picker() override;
    std::string documents_folder() override;
    bool save_file(const std::string& name, const std::string& bytes, const char* mime_type, std::string& where) override;
    bool choose_file(const std::string& path, std::string& error) override;
    bool choose_files(const std::string& paths, ManyFiles what, std::string& error) override;
    bool show_html(const std::string& name, const std::string& html, std::string& where) override;
    void go_to_page(const std::string& url) override;
    bool open_page(const std::string& url) override;
    std::string page_parameters() override;
    void set_page_parameters(const std::string& query) override;
    void fetch_beside_app(const std::string& name) override;
    void request_frames() override;

private:
    PlatformStore store_;
};

} // namespace mf
