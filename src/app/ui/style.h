// style.h - the look: the embedded Noto Sans fonts and the calm, light public-sector theme, with a
// high-contrast variant for projectors (the workshop's presentation mode).
//
// Index
//   - Fonts, Palette      the four faces and the named colours the widgets and screens draw with
//   - kBodyEm ...         the type scale
//   - update_fonts        rebuilds the atlas for a pixel ratio and UI scale (the first frame: fewer glyphs)
//   - set_high_contrast   the projector theme
//   - fonts(), palette()  the current context's (ui.h: ui::Context owns them)
#pragma once
#include "imgui.h"

namespace mf::ui {

// Sizes are em sizes as CSS means them (font-size: 17px), in ImGui units (CSS pixels in the
// browser) at UI scale 1. ImGui's own "size" is the line height (ascent + descent), which for Noto
// Sans is 1.362 em: a 17 px ImGui font would be a 12.5 px CSS font.
struct Fonts {
    ImFont* body = nullptr;    // 17 px regular: all running text
    ImFont* bold = nullptr;    // 17 px bold: labels, emphasis
    ImFont* heading = nullptr; // 22 px bold: screen and section headings
    ImFont* title = nullptr;   // 30 px bold: the product title on the start screen
};

inline constexpr float kBodyEm = 17.0f;               // at least 16 px at 100 % zoom
inline constexpr float kNotoLineHeightPerEm = 1.362f; // (hhea ascent - descent) / unitsPerEm

inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }

// The named colours for what the screens draw by hand (bars, charts, notices, fields). The default
// theme's contrast on white: text 16:1, muted 7.3:1, accent 7.3:1 (white on it 7.3:1), field border
// 4:1 (UI components need 3:1), focus ring 5:1, good 6.6:1, warn 6.4:1, error 6.8:1.
struct Palette {
    ImU32 text = rgb(0x1b, 0x1f, 0x27);
    ImU32 muted = rgb(0x4e, 0x57, 0x66);
    ImU32 accent = rgb(0x1d, 0x55, 0x9e);
    ImU32 accent_soft = rgb(0xe4, 0xed, 0xf8);
    ImU32 panel = rgb(0xf4, 0xf6, 0xf9);
    ImU32 border = rgb(0xc9, 0xd0, 0xda);
    ImU32 field_border = rgb(0x76, 0x7f, 0x8c);
    ImU32 focus = rgb(0xb4, 0x53, 0x09);
    ImU32 good = rgb(0x1e, 0x6b, 0x3a);
    ImU32 warn = rgb(0x8a, 0x4b, 0x00);
    ImU32 error = rgb(0xb0, 0x1e, 0x1e);
    ImU32 warn_soft = rgb(0xfd, 0xf3, 0xe1);
    ImU32 error_soft = rgb(0xfc, 0xe9, 0xe9);
    ImU32 good_soft = rgb(0xe6, 0xf4, 0xea);
};

// Rebuilds the atlas when pixel_ratio or ui_scale changed since the last call, or when it was built
// for the first frame and `first_frame` is now false (true: rebuilt, the renderer must re-upload the
// texture). The glyphs are rasterised at pixel_ratio (crisp on high-DPI screens) while their metrics
// stay in ImGui units; ui_scale enlarges everything (text size setting). `first_frame`: only the
// glyphs the first frame draws (glyph_ranges.h, kFirstFrameGlyphs), for a sooner start; the same
// faces and sizes, so nothing moves when the rest come.
bool update_fonts(float pixel_ratio, float ui_scale, bool first_frame = false);

// Presentation mode's high-contrast theme (for a projector): black text and borders, darker
// accents, every text colour at least 7:1 on its background. Re-applies the theme at the current
// scale; false brings the default theme back. Nothing happens when it is already so.
void set_high_contrast(bool on);
bool high_contrast();

const Fonts& fonts();
const Palette& palette();

// Draws the rest of the current window's scope at `scale` instead of the UI's: the body font at that
// size, and spacing as the theme has it there (the header keeps its size whatever the text size, so
// its buttons stay put). `window_padding` is the window's padding at that scale.
struct FixedScale {
    explicit FixedScale(float scale);
    ~FixedScale();
    FixedScale(const FixedScale&) = delete;
    FixedScale& operator=(const FixedScale&) = delete;
    ImVec2 window_padding;
};
// The UI's scale without one of its factors (the text size, to draw the header at 100 % text).
float scale_without(float factor);

} // namespace mf::ui
