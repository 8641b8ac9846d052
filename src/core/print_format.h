// print_format.h - numbers as the printable pages (the company report, the barometer) write them.
//
// Index
//   - print_number    the engine's rounding, the language's decimal mark, a real minus sign
//   - print_percent   "54,3 %" / "54.3 %" with a no-break space, "–" when absent
//   - svg_number      SVG coordinates: plain, short, locale-free ("12.5", "-3")
//   - print_page_head  the page up to <main>: doctype, language, charset, viewport, generator, title,
//                     the page's own inline styles
#pragma once
#include "core/texts.h"

#include <optional>
#include <string>
#include <string_view>

namespace mf {

std::string print_number(double x, const Texts& t, bool sign = false);
std::string print_percent(const std::optional<double>& x, const Texts& t);
std::string svg_number(double x);
// `title` is HTML (escaped by the caller); `css` the page's styles.
std::string print_page_head(const std::string& language, const std::string& title, std::string_view css);

} // namespace mf
