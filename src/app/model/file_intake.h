// file_intake.h - a place that takes many files at once: the workshop list (a batch import) and the
// municipality's overview. The AppModel's file intake (file_intake.cpp) decides where arriving files
// go and hands them to the one on screen; bundles are expanded there by core, as mf-aggregate does.
#pragma once
#include "core/diagnostics.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace mf {

class FileDestination {
public:
    virtual ~FileDestination() = default;
    // The largest file it reads (a bundle's limit: bundles hold many results).
    virtual std::size_t max_file_bytes() const = 0;
    // `count` files will arrive (one loading).
    virtual void files_announced(std::size_t count) = 0;
    virtual void file_received(const std::string& name, std::string_view bytes) = 0;
    // A file that was not read: too large (`bytes` its size), or unreadable (`bytes` 0). Listed with `why`.
    virtual void file_refused(const std::string& name, std::size_t bytes, Diagnostic why) = 0;
    // True, once for each, for the files still on their way from a loading the user has let go of
    // ("Fjern alle filer" while reading): the intake asks before a file is read, and they are dropped.
    virtual bool drop_arriving_file() { return false; }
};

} // namespace mf
