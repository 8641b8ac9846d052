// file_check_wire.h - a file's checks (FileCheck, aggregate.h) as compact bytes and back. The
// municipality's page checks the files in a Web Worker, with its own instance of core: the worker
// reads a file, runs check_results and hands the page only these bytes (a few hundred per file
// instead of the file), which the overview's model reads back into the same FileChecks.
//
// The format is private to one build (the page and its worker come from the same build; the offline
// worker never mixes versions, docs/offline.md): little-endian, strings as a 32-bit length and their
// bytes, doubles bit for bit. A record is one file: the number of its checks (a bundle gives one per
// member), then each check with its diagnostics and, when accepted, its row as check_result made it
// (the fields aggregate() sets later are not written).
#pragma once
#include "core/aggregate.h"

#include <string>
#include <string_view>
#include <vector>

namespace mf {

// Appends one file's checks (check_results of one file) to `out` as one record.
void write_file_checks(std::string& out, const std::vector<FileCheck>& checks);

// Reads the record at the front of `in` into `out` (replacing its content) and moves `in` past it.
// False when the bytes are not a whole record (`out` is then unspecified).
bool read_file_checks(std::string_view& in, std::vector<FileCheck>& out);

} // namespace mf
