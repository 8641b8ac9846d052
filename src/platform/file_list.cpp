// file_list.cpp - the files a user names by paths (see file_list.h).
#include "platform/file_list.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace mf::platform {

std::vector<std::string> list_json_files(const std::vector<std::string>& paths,
                                         std::vector<std::pair<std::string, std::string>>& problems) {
    namespace fs = std::filesystem;
    auto json_name = [](const fs::path& p) {
        std::string ext = p.extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return ext == ".json";
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
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::error_code file_ec;
            if (it->is_regular_file(file_ec) && json_name(it->path())) found.push_back(it->path().string());
        }
        if (ec) problems.emplace_back(input, "cannot list the folder (" + ec.message() + ")");
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

} // namespace mf::platform
