// style.h - the look: the embedded Noto Sans fonts and the calm, light public-sector theme.
//
// Index
//   - Fonts           the four faces the screens use (body, bold, heading, title)
//   - style_update_fonts  rebuilds the atlas for a pixel ratio and UI scale
//   - style_apply     colours and spacing (scaled with the UI)
//   - Colours         named colours for the few places that draw by hand (bars, chart, notices)
//   - style_set_high_contrast   the projector theme of presentation mode
#pragma once
#include "imgui.h"

namespace mf {

// Sizes are em sizes as CSS means them (font-size: 17px), in ImGui units (CSS pixels in the
// browser) at UI scale 1. ImGui's own "size" is the line height (ascent + descent), which for Noto
// Sans is 1.362 em: a 17 px ImGui font would be a 12.5 px CSS font.
struct Fonts {
    ImFont* body = nullptr;    // 17 px regular: all running text
    ImFont* bold = nullptr;    // 17 px bold: labels, emphasis
    ImFont* heading = nullptr; // 22 px bold: screen and section headings
    ImFont* title = nullptr;   // 30 px bold: the product title on the start screen
};
extern Fonts g_fonts;

inline constexpr float kBodyEm = 17.0f;          // at least 16 px at 100 % zoom
inline constexpr float kNotoLineHeightPerEm = 1.362f; // (hhea ascent - descent) / unitsPerEm

// Rebuilds the atlas when pixel_ratio or ui_scale changed since the last call (true: rebuilt, the
// renderer must re-upload the texture). The glyphs are rasterised at pixel_ratio (crisp on high-DPI
// screens) while their metrics stay in ImGui units; ui_scale enlarges everything (text size setting).
bool style_update_fonts(float pixel_ratio, float ui_scale);

// Colours and sizes of the theme, sizes multiplied by ui_scale.
void style_apply(float ui_scale);

// Presentation mode's high-contrast theme (for a projector): black text and borders, darker
// accents, every text colour at least 7:1 on its background. Swaps the colours below and ImGui's,
// and re-applies the theme at the current scale. The default theme comes back with false.
void style_set_high_contrast(bool on);
bool style_high_contrast();

// Variables, not constants: style_set_high_contrast swaps them (the values here are the default
// theme's).
namespace colours {
inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }
inline ImU32 kText = rgb(0x1b, 0x1f, 0x27);      // 16:1 on white
inline ImU32 kMuted = rgb(0x4e, 0x57, 0x66);     // 7.3:1 on white
inline ImU32 kAccent = rgb(0x1d, 0x55, 0x9e);    // 7.3:1 on white, white text on it 7.3:1
inline ImU32 kAccentSoft = rgb(0xe4, 0xed, 0xf8);
inline ImU32 kPanel = rgb(0xf4, 0xf6, 0xf9);
inline ImU32 kBorder = rgb(0xc9, 0xd0, 0xda);
inline ImU32 kFieldBorder = rgb(0x76, 0x7f, 0x8c); // 4:1 on white (UI components need 3:1)
inline ImU32 kFocus = rgb(0xb4, 0x53, 0x09);     // keyboard focus ring, 5:1 on white
inline ImU32 kGood = rgb(0x1e, 0x6b, 0x3a);      // 6.6:1 on white
inline ImU32 kWarn = rgb(0x8a, 0x4b, 0x00);      // 6.4:1 on white
inline ImU32 kError = rgb(0xb0, 0x1e, 0x1e);     // 6.8:1 on white
inline ImU32 kWarnSoft = rgb(0xfd, 0xf3, 0xe1);
inline ImU32 kErrorSoft = rgb(0xfc, 0xe9, 0xe9);
inline ImU32 kGoodSoft = rgb(0xe6, 0xf4, 0xea);
} // namespace colours

} // namespace mf
