// file_checker.h - the municipality page's file checker: the program in its Web Worker
// (src/platform/check_worker_web.cpp) is this and core, nothing else. It checks each file as the
// overview would (core's check_results: bundles expanded, FileCheck per file or member) and writes
// the checks as compact bytes (core/file_check_wire.h) for MunicipalityModel::files_checked on the
// page. The page's main thread then never parses or hashes a result file while the user waits.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace mf {

struct Questionnaire;

class FileChecker {
public:
    // The questionnaire the overview checks against (the same embedded file and content hash).
    FileChecker(std::string_view questionnaire_json, const std::string& file_name, std::string_view content_hash);
    ~FileChecker();
    bool loaded() const { return questionnaire_ != nullptr; }
    // One file's bytes -> its checks, appended to `records` as one record.
    void check(const std::string& name, std::string_view bytes, std::string& records) const;

private:
    std::unique_ptr<Questionnaire> questionnaire_;
};

} // namespace mf
