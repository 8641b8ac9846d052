// diagnostics.cpp - Diagnostic's text form and parameter lookup (diagnostics.h).
#include "core/diagnostics.h"

namespace mf {

Diagnostic::Diagnostic(Severity severity_, std::string file_, std::string pointer_, std::string message_,
                       std::string code_, DiagnosticParams params_)
    : severity(severity_), file(std::move(file_)), pointer(std::move(pointer_)), message(std::move(message_)),
      code(std::move(code_)), params(std::move(params_)) {}

DiagnosticParams make_params(ParamList params, const DiagnosticParams& more) {
    DiagnosticParams out;
    out.reserve(params.size() + more.size());
    for (const auto& [name, value] : params) out.emplace_back(name, std::string(value));
    out.insert(out.end(), more.begin(), more.end());
    return out;
}

const std::string* Diagnostic::find_param(std::string_view name) const {
    for (const auto& [key, value] : params)
        if (key == name) return &value;
    return nullptr;
}

std::string Diagnostic::param(std::string_view name) const {
    const std::string* value = find_param(name);
    return value ? *value : std::string();
}

std::string Diagnostic::to_string() const {
    std::string out = file;
    out += ": ";
    if (!pointer.empty()) {
        out += pointer;
        out += ": ";
    }
    if (severity == Severity::Warning) out += "warning: ";
    out += message;
    return out;
}

bool has_errors(const Diagnostics& diagnostics) { return count_errors(diagnostics) > 0; }

std::size_t count_errors(const Diagnostics& diagnostics) {
    std::size_t n = 0;
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error) ++n;
    return n;
}

} // namespace mf
