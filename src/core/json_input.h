// json_input.h - the one gate every JSON file passes before core looks at its content.
//
// It turns untrusted bytes into a nlohmann::json or into one clear Diagnostic, and never throws:
//   - size over the limit, a UTF-8 byte order mark, invalid UTF-8 (with line and column),
//   - nesting deeper than the limit (checked while parsing, so 10,000 '[' cost nothing),
//   - duplicate keys in an object (nlohmann would silently keep the last one),
//   - malformed JSON (nlohmann's message, without its exception prefix), numbers out of range.
// Each with its code (json.*, file.*; docs/diagnostics.md).
// The questionnaire loader and the result importer both start here.
#pragma once
#include "core/diagnostics.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mf {

struct JsonLimits {
    std::size_t max_bytes = 4u << 20; // 4 MiB
    int max_depth = 64;
};

// Appends an error to `out` and returns nullopt when the bytes are not acceptable JSON.
std::optional<nlohmann::json> parse_json_document(std::string_view bytes, const std::string& file,
                                                  Diagnostics& out, const JsonLimits& limits = {});

// Reads a whole file, refusing files over max_bytes without reading them. False and an error in
// `out` when the file cannot be read.
bool read_file_bytes(const std::string& path, std::string& bytes, Diagnostics& out,
                     std::size_t max_bytes = JsonLimits{}.max_bytes);

// read_file_bytes for many files, one after another, with the same answers: the folder of the
// last path is kept open and each file opened relative to it (openat), so the kernel walks a
// folder's path once, not once per file (that walk was a tenth of mf-aggregate's system time).
// Elsewhere than on POSIX systems simply read_file_bytes. Not to be shared between threads.
class FileReader {
public:
    FileReader() = default;
    FileReader(const FileReader&) = delete;
    FileReader& operator=(const FileReader&) = delete;
    ~FileReader();
    // `regular`: the caller found the path as a regular file (listing its folder). Then the file is
    // read without asking the system for its size first (fstat, a fifth of the system calls): one
    // read into a buffer larger than such files, which returns fewer bytes than asked only at a
    // regular file's end. A larger file, or a read that fails (a folder after all), goes the usual
    // way; the answers are the same.
    bool read(const std::string& path, std::string& bytes, Diagnostics& out, std::size_t max_bytes = JsonLimits{}.max_bytes,
              bool regular = false);

private:
    std::string folder_; // the folder part of the last path, "" for none yet
    int folder_fd_ = -1; // open on folder_, or -1 (then files are opened by their whole path)
    std::vector<char> chunk_; // the one read of a `regular` file, kept between files
};

// "the file is too large: <size> bytes; the limit is <max_bytes> bytes": the one wording for a file
// refused for its size, whoever refuses it (this gate, read_file_bytes, the browser before reading).
std::string too_large_message(std::size_t size, std::size_t max_bytes);
// That message as the error "json.too_large" {size, limit} for `file` (the whole file).
Diagnostic too_large_diagnostic(const std::string& file, std::size_t size, std::size_t max_bytes);

// RFC 6901 escaping of one reference token ("~" -> "~0", "/" -> "~1").
std::string json_pointer_token(std::string_view key);

// Short description of a JSON value for messages: "\"3\"" (strings shortened to 40 characters), "3",
// "true", "null", "an object", "an array".
std::string describe_json(const nlohmann::json& value);
// The JSON type of a value as a stable token: "null", "boolean", "number", "string", "object", "array".
const char* json_type_token(const nlohmann::json& value);
// The parameters of a "got X" message: {"got", describe_json(value)}, {"got_type", json_type_token(value)}.
DiagnosticParams got_params(const nlohmann::json& value);

// Where the first invalid UTF-8 byte is, or npos when the text is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view text);

} // namespace mf
