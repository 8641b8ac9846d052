// file_list.cpp - the files a user names by paths (see file_list.h).
#include "platform/file_list.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>

namespace mf::platform {

std::vector<std::string> list_json_files(const std::vector<std::string>& paths,
                                         std::vector<std::pair<std::string, std::string>>& problems, std::vector<bool>* listed) {
    namespace fs = std::filesystem;
    // path.extension() == ".json" in any case, tested on the path's text: the extension is from the
    // file name's last '.', unless that '.' starts the name (".json" alone has no extension). Building
    // the extension as a path and a string per entry, and copying every name once more, was a sixth of
    // the listing's instructions at 10,000 files.
    auto json_name = [](const std::string& p) {
        static constexpr char kExt[] = ".json";
        const std::size_t n = sizeof kExt - 1;
        if (p.size() <= n) return false;
        const char before = p[p.size() - n - 1];
        if (before == '/' || before == static_cast<char>(fs::path::preferred_separator)) return false;
        for (std::size_t i = 0; i < n; ++i)
            if (std::tolower(static_cast<unsigned char>(p[p.size() - n + i])) != kExt[i]) return false;
        return true;
    };
    std::vector<std::string> files;
    for (const std::string& input : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            problems.emplace_back(input, "no such file or folder");
            continue;
        }
        if (!fs::is_directory(status)) {
            files.push_back(input);
            if (listed) listed->push_back(false);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::error_code file_ec;
            if (!it->is_regular_file(file_ec)) continue;
            std::string path = it->path().string();
            if (json_name(path)) found.push_back(std::move(path));
        }
        if (ec) problems.emplace_back(input, "cannot list the folder (" + ec.message() + ")");
        std::sort(found.begin(), found.end());
        files.insert(files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        if (listed) listed->resize(files.size(), true);
    }
    return files;
}

} // namespace mf::platform
