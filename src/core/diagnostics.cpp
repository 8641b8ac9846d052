#include "core/diagnostics.h"

namespace mf {

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
