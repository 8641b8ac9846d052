// file_list.h - the files a user names by paths: what mf-aggregate's arguments and the desktop
// app's typed or dropped paths mean. Plain file-system work (no app, no engine), shared by the
// command-line tools and the desktop host, so both read the same files in the same order.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace mf::platform {

// Files and folders -> the files to read: a file is taken whatever its name; a folder gives its
// *.json files (any case), recursively, sorted by path. A path that does not exist or a folder that
// cannot be listed is added to `problems` as {path, reason} ("no such file or folder", ...).
// `listed` (when given): per file, true when it was found listing a folder, which also found it to be
// a regular file (a file named by its path is taken whatever it is).
std::vector<std::string> list_json_files(const std::vector<std::string>& paths,
                                         std::vector<std::pair<std::string, std::string>>& problems,
                                         std::vector<bool>* listed = nullptr);

} // namespace mf::platform
