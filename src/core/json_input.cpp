#include "core/json_input.h"

#include <algorithm>
#include <fstream>
#include <vector>

#if defined(__unix__) || defined(__APPLE__) || defined(__EMSCRIPTEN__)
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace mf {
namespace {

using nlohmann::json;

Diagnostic error_at(const std::string& file, std::string pointer, const char* code, DiagnosticParams params,
                    std::string message) {
    return Diagnostic{Diagnostic::Severity::Error, file, std::move(pointer), std::move(message), code, std::move(params)};
}
Diagnostic error_at(const std::string& file, std::string pointer, const char* code, ParamList params, std::string message) {
    return error_at(file, std::move(pointer), code, make_params(params), std::move(message));
}

void line_and_column(std::string_view text, std::size_t offset, std::size_t& line, std::size_t& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not continuation bytes
        }
    }
}

// Builds the document from nlohmann's SAX events (as its own DOM parser does), and on the way tracks
// where the parser is (for pointers in messages), the depth, and duplicate keys: a key already in the
// object being built is a duplicate. The first problem stops the parse; parse errors are thrown as
// the DOM parser throws them.
struct TrackingBuilder {
    struct Frame {
        bool is_array = false;
        long index = -1;        // arrays: index of the current element
        const std::string* key = nullptr; // objects: the current key, as stored in the object (map nodes stay put)
        json* container = nullptr;
    };
    json& root;
    int max_depth = 64;
    std::vector<Frame> stack;
    json* member = nullptr; // the value of the current key in the innermost object
    std::string failure_pointer;
    std::string failure_message;
    const char* failure_code = "";
    DiagnosticParams failure_params;

    static std::string key_token(const Frame& f) { return f.key ? json_pointer_token(*f.key) : std::string(); }
    std::string pointer(std::size_t frames) const {
        std::string p;
        for (std::size_t i = 0; i < frames && i < stack.size(); ++i) {
            const Frame& f = stack[i];
            p += '/';
            p += f.is_array ? std::to_string(f.index) : key_token(f);
        }
        return p;
    }
    // Where the value being read sits (the parser has not reported it yet): the current key, or the
    // next index of the current array.
    std::string value_pointer() const {
        std::string p = pointer(stack.empty() ? 0 : stack.size() - 1);
        if (stack.empty()) return p;
        const Frame& f = stack.back();
        return p + "/" + (f.is_array ? std::to_string(f.index + 1) : key_token(f));
    }
    bool fail(std::string ptr, const char* code, ParamList params, std::string message) {
        failure_pointer = std::move(ptr);
        failure_code = code;
        failure_params = make_params(params);
        failure_message = std::move(message);
        return false;
    }
    Diagnostic failure(const std::string& file) const {
        return error_at(file, failure_pointer, failure_code, failure_params, failure_message);
    }
    // A new value in the current container (or the document itself); returns where it is stored.
    json* place(json&& value) {
        if (stack.empty()) {
            root = std::move(value);
            return &root;
        }
        Frame& f = stack.back();
        if (f.is_array) {
            ++f.index;
            json::array_t& array = *f.container->get_ptr<json::array_t*>();
            array.push_back(std::move(value));
            return &array.back();
        }
        *member = std::move(value);
        return member;
    }
    bool open(json::value_t type) {
        if (static_cast<int>(stack.size()) >= max_depth) {
            if (!stack.empty() && stack.back().is_array) ++stack.back().index;
            return fail(pointer(stack.size()), "json.too_deep", {{"limit", std::to_string(max_depth)}},
                        "nesting is deeper than " + std::to_string(max_depth) + " levels");
        }
        json* container = place(json(type));
        stack.push_back(Frame{type == json::value_t::array, -1, nullptr, container});
        return true;
    }

    // The SAX interface of nlohmann::json::sax_parse.
    bool null() { return place(json(nullptr)) != nullptr; }
    bool boolean(bool value) { return place(json(value)) != nullptr; }
    bool number_integer(json::number_integer_t value) { return place(json(value)) != nullptr; }
    bool number_unsigned(json::number_unsigned_t value) { return place(json(value)) != nullptr; }
    bool number_float(json::number_float_t value, const std::string&) { return place(json(value)) != nullptr; }
    // The parser passes its token buffers by non-const reference so that they can be moved from.
    bool string(std::string& value) { return place(json(std::move(value))) != nullptr; }
    bool binary(json::binary_t& value) { return place(json::binary(value)) != nullptr; } // JSON text has none
    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_object() {
        stack.pop_back();
        return true;
    }
    bool end_array() {
        stack.pop_back();
        return true;
    }
    bool key(std::string& key) {
        Frame& f = stack.back();
        auto inserted = f.container->get_ptr<json::object_t*>()->emplace(std::move(key), nullptr);
        f.key = &inserted.first->first; // on a duplicate: the equal key already there
        if (!inserted.second)
            return fail(pointer(stack.size() - 1), "json.duplicate_key", {{"key", *f.key}},
                        "duplicate key \"" + *f.key + "\" in the same object");
        member = &inserted.first->second;
        return true;
    }
    template <typename Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e; // as nlohmann's DOM parser does: the callers below catch json::exception
    }
};

std::string strip_nlohmann_prefix(std::string what) {
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    auto bracket = what.find("] ");
    if (what.rfind("[json.exception.", 0) == 0 && bracket != std::string::npos) what = what.substr(bracket + 2);
    if (what.rfind("parse error at ", 0) == 0) what = what.substr(15);
    return what;
}

// "invalid JSON at <where>" with its code: nlohmann's "line L, column C: <detail>" gives json.syntax
// (json.truncated when the input ends in the middle of a value) with the line, column and nlohmann's detail;
// anything else json.invalid with the whole text as the detail.
Diagnostic syntax_error(const std::string& file, const std::string& where) {
    const std::string message = "invalid JSON at " + where;
    std::size_t line_end = 0, column_end = 0;
    if (where.rfind("line ", 0) == 0) {
        line_end = where.find(", column ");
        if (line_end != std::string::npos) column_end = where.find(": ", line_end);
    }
    auto digits = [](const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; };
    if (line_end != std::string::npos && column_end != 0 && column_end != std::string::npos) {
        const std::string line = where.substr(5, line_end - 5);
        const std::string column = where.substr(line_end + 9, column_end - line_end - 9);
        const std::string detail = where.substr(column_end + 2);
        if (digits(line) && digits(column)) {
            // nlohmann says one of these only when the input ends: in a value, or inside a string.
            const bool truncated = detail.find("unexpected end of input") != std::string::npos ||
                                   detail.find("missing closing quote") != std::string::npos;
            return error_at(file, "", truncated ? "json.truncated" : "json.syntax",
                            {{"line", line}, {"column", column}, {"detail", detail}}, message);
        }
    }
    return error_at(file, "", "json.invalid", {{"detail", where}}, message);
}

} // namespace

std::string too_large_message(std::size_t size, std::size_t max_bytes) {
    return "the file is too large: " + std::to_string(size) + " bytes; the limit is " + std::to_string(max_bytes) + " bytes";
}

Diagnostic too_large_diagnostic(const std::string& file, std::size_t size, std::size_t max_bytes) {
    return error_at(file, "", "json.too_large", {{"size", std::to_string(size)}, {"limit", std::to_string(max_bytes)}},
                    too_large_message(size, max_bytes));
}

std::string json_pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string describe_json(const json& value) {
    switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case json::value_t::string: {
        std::string s = value.get<std::string>();
        if (s.size() > 40) s = s.substr(0, 37) + "...";
        return "\"" + s + "\"";
    }
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return value.dump();
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    default: return "an unsupported value";
    }
}

const char* json_type_token(const json& value) {
    switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::string: return "string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "number";
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    default: return "other";
    }
}

DiagnosticParams got_params(const json& value) { return make_params({{"got", describe_json(value)}, {"got_type", json_type_token(value)}}); }

std::size_t find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are invalid.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

std::optional<json> parse_json_document(std::string_view bytes, const std::string& file, Diagnostics& out,
                                        const JsonLimits& limits) {
    if (bytes.size() > limits.max_bytes) {
        out.push_back(too_large_diagnostic(file, bytes.size(), limits.max_bytes));
        return std::nullopt;
    }
    if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
        static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF) {
        out.push_back(error_at(file, "", "json.byte_order_mark", {},
                               "the file starts with a byte order mark (EF BB BF); save it as UTF-8 without BOM"));
        return std::nullopt;
    }
    if (std::size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
        std::size_t line, column;
        line_and_column(bytes, bad, line, column);
        out.push_back(error_at(file, "", "json.invalid_utf8",
                               {{"line", std::to_string(line)}, {"column", std::to_string(column)}, {"byte", std::to_string(bad)}},
                               "invalid UTF-8 at line " + std::to_string(line) + ", column " + std::to_string(column) +
                                   " (byte " + std::to_string(bad) + ")"));
        return std::nullopt;
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.push_back(error_at(file, "", "json.empty", {}, "the file is empty"));
        return std::nullopt;
    }

    json doc;
    TrackingBuilder tracker{doc, limits.max_depth, {}, nullptr, {}, {}, "", {}};
    try {
        // A char range, as bundle.cpp's writer parses too: one nlohmann parser in the wasm.
        json::sax_parse(bytes.data(), bytes.data() + bytes.size(), &tracker, json::input_format_t::json, /*strict=*/true,
                        /*ignore_comments=*/false);
        if (!tracker.failure_message.empty()) {
            out.push_back(tracker.failure(file));
            return std::nullopt;
        }
        return doc;
    } catch (const json::out_of_range& e) {
        // "[json.exception.out_of_range.406] number overflow parsing '1e400'": say where and what.
        if (!tracker.failure_message.empty()) {
            out.push_back(tracker.failure(file));
            return std::nullopt;
        }
        const std::string what = e.what();
        const std::size_t a = what.find('\''), b = what.rfind('\'');
        const std::string number = a != std::string::npos && b > a ? what.substr(a + 1, b - a - 1) : std::string("a number");
        out.push_back(error_at(file, tracker.value_pointer(), "json.number_too_large", {{"number", number}},
                               "the number " + number + " is too large (beyond what a double can hold)"));
        return std::nullopt;
    } catch (const json::exception& e) {
        if (!tracker.failure_message.empty())
            out.push_back(tracker.failure(file));
        else
            out.push_back(syntax_error(file, strip_nlohmann_prefix(e.what())));
        return std::nullopt;
    }
}

#if defined(__unix__) || defined(__APPLE__) || defined(__EMSCRIPTEN__)
namespace {

// fstat, read, close on a file just opened (fd < 0: it could not be opened): the diagnostics of
// read_file_bytes.
bool read_opened_file(int fd, const std::string& path, std::string& bytes, Diagnostics& out, std::size_t max_bytes) {
    if (fd < 0) {
        out.push_back(error_at(path, "", "file.cannot_open", {}, "cannot open the file"));
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0) {
        ::close(fd);
        out.push_back(error_at(path, "", "file.not_a_file", {}, "cannot read the file (is it a folder?)"));
        return false;
    }
    const std::size_t size = static_cast<std::size_t>(st.st_size);
    if (size > max_bytes) {
        ::close(fd);
        out.push_back(too_large_diagnostic(path, size, max_bytes));
        return false;
    }
    bytes.resize(size);
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, bytes.data() + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got < size) {
        out.push_back(error_at(path, "", "file.cannot_read", {}, "cannot read the file"));
        return false;
    }
    return true;
}

} // namespace
#endif

bool read_file_bytes(const std::string& path, std::string& bytes, Diagnostics& out, std::size_t max_bytes) {
#if defined(__unix__) || defined(__APPLE__) || defined(__EMSCRIPTEN__)
    // open, fstat, read, close: four system calls per file, where an ifstream made about ten (and
    // allocated its own buffer); mf-aggregate reads tens of thousands of files. The same answers as
    // the stream version below: a folder or anything else that is not a regular file cannot be read.
    return read_opened_file(::open(path.c_str(), O_RDONLY | O_CLOEXEC), path, bytes, out, max_bytes);
#else
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.push_back(error_at(path, "", "file.cannot_open", {}, "cannot open the file"));
        return false;
    }
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (size < 0) {
        out.push_back(error_at(path, "", "file.not_a_file", {}, "cannot read the file (is it a folder?)"));
        return false;
    }
    if (static_cast<std::size_t>(size) > max_bytes) {
        out.push_back(too_large_diagnostic(path, static_cast<std::size_t>(size), max_bytes));
        return false;
    }
    in.seekg(0, std::ios::beg);
    bytes.resize(static_cast<std::size_t>(size));
    if (size > 0 && !in.read(bytes.data(), size)) {
        out.push_back(error_at(path, "", "file.cannot_read", {}, "cannot read the file"));
        return false;
    }
    return true;
#endif
}

FileReader::~FileReader() {
#if defined(__unix__) || defined(__APPLE__) || defined(__EMSCRIPTEN__)
    if (folder_fd_ >= 0) ::close(folder_fd_);
#endif
}

bool FileReader::read(const std::string& path, std::string& bytes, Diagnostics& out, std::size_t max_bytes, bool regular) {
#if defined(__unix__) || defined(__APPLE__) || defined(__EMSCRIPTEN__)
    const std::size_t slash = path.rfind('/');
    // A path without a folder, or ending in '/', is read as read_file_bytes reads it.
    if (slash == std::string::npos || slash + 1 == path.size()) return read_file_bytes(path, bytes, out, max_bytes);
    const std::string_view folder(path.data(), slash == 0 ? 1 : slash);
    if (folder_.empty() || folder != folder_) {
        if (folder_fd_ >= 0) ::close(folder_fd_);
        folder_.assign(folder);
        folder_fd_ = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    if (folder_fd_ < 0) return read_file_bytes(path, bytes, out, max_bytes); // then its own answer
    const int fd = ::openat(folder_fd_, path.c_str() + slash + 1, O_RDONLY | O_CLOEXEC);
    if (regular && fd >= 0) {
        constexpr std::size_t kChunk = 64 * 1024; // result files are a few KB
        if (chunk_.size() < kChunk) chunk_.resize(kChunk);
        const std::size_t ask = max_bytes < chunk_.size() ? max_bytes + 1 : chunk_.size(); // one more: over the limit
        ssize_t n;
        do n = ::read(fd, chunk_.data(), ask);
        while (n < 0 && errno == EINTR);
        if (n >= 0 && static_cast<std::size_t>(n) < ask) { // the whole file, at most max_bytes
            bytes.assign(chunk_.data(), static_cast<std::size_t>(n));
            ::close(fd);
            return true;
        }
        // Failed (nothing read), or more to read: from the start, the usual way.
        if (n > 0 && ::lseek(fd, 0, SEEK_SET) != 0) {
            ::close(fd);
            out.push_back(error_at(path, "", "file.cannot_read", {}, "cannot read the file"));
            return false;
        }
    }
    return read_opened_file(fd, path, bytes, out, max_bytes);
#else
    (void)regular;
    return read_file_bytes(path, bytes, out, max_bytes);
#endif
}

} // namespace mf
