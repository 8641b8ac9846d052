// bundle.h - several result files in one file: "export all" of the workshop list.
//
// Index
//   - BundleMember        one result file inside a bundle (its file name and its exact text)
//   - bundle_text         writes a bundle from exported result texts
//   - read_bundle         splits a bundle back into result texts (each then goes through
//                         import_result / check_result like any single file)
//   - check_results       a file that may be a bundle, for mf-aggregate and the municipality view
//
// The format (docs/result-format.md, "Bundles"): {"format": "mangfoldighedstjek/bundle",
// "formatVersion": 1 or 2, "created", "app", "results": [{"file", "result", "unfinished"}]} where each
// "result" is a complete result document with its own checksum. A member's text is the document
// printed as the app prints a result file, so it is byte-identical to the single file that was
// exported. Version 2 adds "unfinished": true on a member whose questions were not all answered
// when a workshop exported it; it is counted only when asked to (BundleOptions). A bundle without
// unfinished members is written as version 1, so older readers keep reading it; one with them is
// version 2, which an older reader refuses rather than count the unfinished ones.
#pragma once
#include "core/aggregate.h"
#include "core/diagnostics.h"
#include "core/questionnaire.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

inline constexpr const char* kBundleFormat = "mangfoldighedstjek/bundle";
inline constexpr int kBundleFormatVersion = 2;          // the newest version read and written
inline constexpr int kBundleFormatVersionPlain = 1;     // written when no member is unfinished
inline constexpr std::size_t kMaxBundleBytes = 64u << 20; // 64 MiB: thousands of results
inline constexpr std::size_t kMaxBundleResults = 10000;

struct BundleMember {
    std::string file; // the single file's name ("mangfoldighedstjek-bageriet-2026-11-25.json")
    std::string text; // the single file's bytes
    bool unfinished = false; // not every question answered when it was exported (a workshop's "Export all")
};

// What a reader does with unfinished members: by default they are listed, each with the reason
// bundle.member.unfinished, and not counted; mf-aggregate --include-unfinished counts them.
struct BundleOptions {
    bool count_unfinished = false;
    ImportPath import_path = ImportPath::FastFirst; // how check_results checks each file (aggregate.h)
};

// The bundle's text (2-space indentation, sorted keys, final newline). `members` must hold texts
// of result files as export_result writes them (they are parsed back, not checked again).
std::string bundle_text(const std::vector<BundleMember>& members, const std::string& created);

// True when the bytes mention the bundle format: worth parsing as a bundle. Cheap (a substring
// search), so single result files are read only once.
bool mentions_bundle(std::string_view bytes);

enum class BundleRead { NotBundle, Bad, Ok };

// The one way every reader takes a file that may be a bundle (the overview and mf-aggregate through
// check_results, the workshop list, the app's import, mf-validate --result).
// NotBundle: the bytes do not mention the bundle format (a cheap search, so a single result file is
// parsed only once, by its importer), or are JSON whose "format" is not the bundle's; nothing is
// reported: treat them as a single file. Bad: unreadable or malformed as a whole (errors in `diagnostics`). Ok: `members`
// holds every member whose "result" is an object, its `file` set to bundle_member_name (the name its
// problems are reported under); any other member is reported as an error with its pointer.
BundleRead read_bundle(std::string_view bytes, const std::string& file, std::vector<BundleMember>& members,
                       Diagnostics& diagnostics);

// The name a member's problems are reported under: "<bundle>#/results/<i> (<member file>)".
std::string bundle_member_name(const std::string& bundle, std::size_t index, const std::string& member_file);

// check_result for a single file, or for every member of a bundle (each named with
// bundle_member_name). A bad bundle gives one rejected FileCheck with its reasons. An unfinished
// member is checked like any other; unless `options` count it, a good one is then not counted
// (no row) and carries bundle.member.unfinished. `scratch`: the fast reader's buffers and the
// questionnaire's answer table (check_result), kept by a caller that checks file after file: without
// it, each call makes the table again (about half the time of checking a file).
std::vector<FileCheck> check_results(std::string_view bytes, const std::string& file, const Questionnaire& current,
                                     const BundleOptions& options = {}, FastDocument* scratch = nullptr);

} // namespace mf
