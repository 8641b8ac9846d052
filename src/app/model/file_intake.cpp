// file_intake.cpp - every file that reaches the app, from the browser's picker or a drop, or from a
// path typed on the desktop, comes in here (see model.h, "Files from the host").
//
// Index
//   - destination    what the user is doing decides where files go, and how large one may be
//   - announced      the size policy, before a file is read (the host never reads a refused file)
//   - received       the overview or the workshop list (FileDestination), a benchmark (known by its
//                    format), or the one import
//   - unreadable     a file the host could not read, listed where it would have gone
//
// The platform only moves names, sizes and bytes; every rule is here, the same for web and desktop.
#include "app/model/model.h"

#include "core/bundle.h"
#include "core/json_input.h"

#include <utility>

namespace mf {

static Diagnostic file_error(const std::string& file, const std::string& message) {
    return Diagnostic{Diagnostic::Severity::Error, file, "", message};
}

// The overview takes every file while it is open; the workshop list while it is on screen; else a
// file is the one import (its dialog asks what to do with it).
const FileDestination* AppModel::many_files_destination() const {
    if (overview_open()) return municipality_.get();
    if (workshop_.takes_files()) return &workshop_;
    return nullptr;
}

FileDestination* AppModel::many_files_destination() {
    return const_cast<FileDestination*>(std::as_const(*this).many_files_destination());
}

bool AppModel::takes_many_files() const { return loaded() && many_files_destination(); }

std::size_t AppModel::max_file_bytes() const {
    const FileDestination* many = many_files_destination();
    return many ? many->max_file_bytes() : kMaxResultBytes;
}

// ---------------------------------------------------------------------------------------------
// Announced: refused for its size before it is read
// ---------------------------------------------------------------------------------------------
bool AppModel::file_announced(const std::string& name, double size) {
    if (FileDestination* many = loaded() ? many_files_destination() : nullptr; many && many->drop_arriving_file()) return false;
    if (!loaded() || size <= static_cast<double>(max_file_bytes())) return true;
    const std::size_t bytes = static_cast<std::size_t>(size);
    Diagnostic too_large = file_error(name, too_large_message(bytes, max_file_bytes()));
    if (FileDestination* many = many_files_destination()) {
        many->file_refused(name, bytes, std::move(too_large));
    } else {
        pending_import_ = PendingImport{name, std::nullopt, {std::move(too_large)}};
        import_purpose_ = ImportPurpose::Ask;
    }
    return false;
}

void AppModel::files_announced(std::size_t count) {
    if (!loaded()) return;
    if (FileDestination* many = many_files_destination()) many->files_announced(count);
}

// ---------------------------------------------------------------------------------------------
// Received
// ---------------------------------------------------------------------------------------------
void AppModel::file_received(const std::string& name, std::string_view bytes) {
    if (!loaded()) return;
    if (FileDestination* many = many_files_destination()) return many->file_received(name, bytes);
    if (page_ != Page::Municipality && mentions_benchmark(bytes) && benchmark_received(name, bytes, false)) return;
    PendingImport p;
    p.file = name;
    std::vector<BundleMember> members;
    Diagnostics ignored;
    if (read_bundle(bytes, name, members, ignored) == BundleRead::Ok) {
        // Which of its organisations would one continue with? The workshop list reads them all.
        p.problems.push_back(file_error(name, "this file holds " + std::to_string(members.size()) +
                                                  " results (a workshop's \"export all\"): load it from the workshop list"));
        pending_import_ = std::move(p);
        import_purpose_ = ImportPurpose::Ask;
        return;
    }
    ImportOutcome outcome = import_result(bytes, name, questionnaire());
    p.problems = std::move(outcome.diagnostics);
    p.result = std::move(outcome.result);
    pending_import_ = std::move(p);
    if (pending_import_->result && import_purpose_ != ImportPurpose::Ask) {
        adopt_import(import_purpose_);
        import_purpose_ = ImportPurpose::Ask;
    }
}

// ---------------------------------------------------------------------------------------------
// Unreadable
// ---------------------------------------------------------------------------------------------
void AppModel::file_unreadable(const std::string& name, const std::string& reason) {
    if (!loaded()) return;
    Diagnostic why = file_error(name, reason.empty() ? "the file could not be read" : reason);
    if (FileDestination* many = many_files_destination()) return many->file_refused(name, 0, std::move(why));
    pending_import_ = PendingImport{name, std::nullopt, {std::move(why)}};
    import_purpose_ = ImportPurpose::Ask;
}

} // namespace mf
