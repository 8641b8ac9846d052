// glyph_ranges.h - the characters the app's fonts are rasterised for, as Dear ImGui's glyph ranges
// (pairs of first and last code point, ending with 0). No ImGui here: the texts test reads them.
//
// Index
//   - kAllGlyphs          every character of the font (assets/font-subset.json)
//   - kFirstFrameGlyphs   the start's smaller atlas: the app's own texts and the Danish letters
#pragma once

namespace mf::ui {

// Latin-1 (æ ø å é ü ...), Œ œ, dashes and quotes (– — ‘ ’ “ ” „), bullet, ellipsis, per mille, ‹ ›,
// euro, trade mark, arrows, minus: every character a user may type or a text may use, exactly the
// characters assets/font-subset.json cuts the font files to (tests/core/texts_test.cpp checks both).
inline constexpr unsigned short kAllGlyphs[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF, 0x0152, 0x0153, 0x2010, 0x2015, 0x2018, 0x201E, 0x2022, 0x2022,
    0x2026, 0x2026, 0x2030, 0x2030, 0x2039, 0x203A, 0x20AC, 0x20AC, 0x2122, 0x2122, 0x2190, 0x2193,
    0x2212, 0x2212, 0,
};

// The atlas the first frame is drawn with: 133 glyphs in the body face instead of 214, the atlas's
// step before the first frame about 27 -> 20 ms (docs/performance.md, "part 9"); the whole set
// follows from the second frame on (App::update_fonts). It holds every character of the app's texts
// in both languages and of the shipped questionnaires (tests/core/texts_test.cpp checks it), the
// Danish letters and the umlauts common in names. What it lacks is only what a user typed (an
// organisation's name restored with "ñ", say), drawn as "?" in that first frame alone.
inline constexpr unsigned short kFirstFrameGlyphs[] = {
    0x0020, 0x007E,                                 // ASCII
    0x00A0, 0x00A0, 0x00AB, 0x00AB, 0x00B7, 0x00B7, // no-break space, «, ·
    0x00BB, 0x00BB, 0x00C4, 0x00C6, 0x00C9, 0x00C9, // », Ä Å Æ, É
    0x00D6, 0x00D8, 0x00DC, 0x00DC, 0x00E4, 0x00E6, // Ö × Ø, Ü, ä å æ
    0x00E9, 0x00E9, 0x00F6, 0x00F6, 0x00F8, 0x00F8, // é, ö, ø
    0x00FC, 0x00FC,                                 // ü
    0x2010, 0x2015, 0x2018, 0x201E, 0x2022, 0x2022, // dashes, quotes, bullet,
    0x2026, 0x2026, 0x2039, 0x203A, 0x20AC, 0x20AC, // ellipsis, ‹ ›, euro,
    0x2190, 0x2193, 0x2212, 0x2212, 0,              // arrows, minus
};

} // namespace mf::ui
