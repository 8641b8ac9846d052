// barometer.cpp - the printable barometer (see barometer.h; docs/aggregation.md section 12).
//
// Index
//   - cells              a published count or figure as HTML text
//   - charts             inline SVG: horizontal bars, the spread of a part (quartile box, median,
//                        mean), the levels as stacked bars; each chart's numbers are text in it and
//                        in a table next to it
//   - sections           header and key figures, year over year, principles and themes, change,
//                        goal follow-up, sector, size band, sector x size band, the indicators per question, method
//   - barometer_css      the styles: assets/barometer.css, embedded by the build (mf_barometer_css)
//   - barometer_html
//
// Only a Publication goes in: every count is shown as the disclosure rules decided (the number,
// "færre end 5", or "skjult"), figures only where published. Texts from the questionnaire and from
// the files (questionnaire versions) are escaped; fixed texts come from the text table.
#include "core/barometer.h"

#include "core/follow_up.h"
#include "core/print_format.h"
#include "core/report.h" // html_escape
#include "core/scoring.h"
#include "core/texts.h"

#include <algorithm>
#include <vector>

// assets/barometer.css as bytes (CMakeLists.txt §4, cmake/EmbedFile.cmake).
extern const unsigned char mf_barometer_css[];
extern const std::size_t mf_barometer_css_size;

namespace mf {

namespace {

constexpr double kChartWidth = 640;
constexpr double kTrackWidth = 520; // bars from 0 to 520; the value is written right of them

struct Page {
    const Questionnaire& q;
    const Publication& p;
    const BarometerOptions& o;
    Texts t;
    std::string lang;
    std::string h;

    std::string count(const CountFigure& c) const {
        const std::string text = count_text(c, p.min_group, lang);
        return text.empty() ? std::string("\u2013") : html_escape(text);
    }
    std::string percent(const std::optional<double>& x) const { return print_percent(x, t); }
    std::string points(const std::optional<double>& x) const { return x ? print_number(*x, t, true) : std::string("\u2013"); }
    std::string group(const std::string& dimension, const std::string& id) const { return html_escape(group_title(q, dimension, id, lang)); }
    std::string part(PartKind kind, const std::string& id) const {
        return kind == PartKind::Overall ? std::string(t("barometer.overall")) : html_escape(part_title(q, kind, id, lang));
    }
    std::string level(std::size_t i) const { return html_escape(q.levels[i].title.in(lang)); }
};

const PartFigures* find_part(const GroupFigures& g, PartKind kind) {
    for (const PartFigures& p : g.parts)
        if (p.kind == kind) return &p;
    return nullptr;
}

std::vector<const PartFigures*> parts_of_kind(const GroupFigures& g, std::initializer_list<PartKind> kinds) {
    std::vector<const PartFigures*> out;
    for (const PartFigures& p : g.parts)
        if (std::find(kinds.begin(), kinds.end(), p.kind) != kinds.end()) out.push_back(&p);
    return out;
}

double clamp_percent(double x) { return x < 0 ? 0 : x > 100 ? 100 : x; }

std::string svg_open(double height, const std::string& title) {
    return "<svg class=\"chart\" viewBox=\"0 0 " + svg_number(kChartWidth) + " " + svg_number(height) + "\" role=\"img\" aria-label=\"" +
           html_escape(title) + "\">\n<title>" + html_escape(title) + "</title>\n";
}

std::string svg_text(double x, double y, const std::string& cls, const std::string& text, const char* anchor = "start") {
    return "<text class=\"" + cls + "\" x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" text-anchor=\"" + anchor + "\">" + text + "</text>";
}

std::string svg_rect(double x, double y, double w, double h, const std::string& cls) {
    return "<rect class=\"" + cls + "\" x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(w) + "\" height=\"" +
           svg_number(h) + "\"/>";
}

// The 0-100 % grid with its tick labels, behind the bars.
std::string percent_grid(double top, double bottom) {
    std::string s;
    for (int g = 0; g <= 100; g += 20) {
        const double x = kTrackWidth * g / 100.0;
        s += "<line class=\"grid\" x1=\"" + svg_number(x) + "\" y1=\"" + svg_number(top) + "\" x2=\"" + svg_number(x) + "\" y2=\"" +
             svg_number(bottom) + "\"/>";
        s += svg_text(x, bottom + 14, "tick", std::to_string(g) + "\u00a0%", g == 0 ? "start" : g == 100 ? "end" : "middle") + "\n";
    }
    return s;
}

// --- Charts ---------------------------------------------------------------------------------------
struct Bar {
    std::string label; // escaped
    std::optional<double> percent;
    std::string value; // the text at the bar's end (escaped): the number, or why there is none
};

std::string bar_chart(const std::vector<Bar>& bars, const std::string& title) {
    const double row = 36, top = 4, axis = 22;
    const double height = top + row * double(bars.size()) + axis;
    std::string s = svg_open(height, title) + percent_grid(top, height - axis + 4);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double y = top + row * double(i);
        s += svg_text(0, y + 12, "label", bars[i].label);
        s += svg_rect(0, y + 16, kTrackWidth, 13, "track");
        if (bars[i].percent && *bars[i].percent > 0) s += svg_rect(0, y + 16, kTrackWidth * clamp_percent(*bars[i].percent) / 100.0, 13, "bar");
        s += svg_text(kChartWidth, y + 27, "value", bars[i].value, "end") + "\n";
    }
    return s + "</svg>\n";
}

// Per part: the middle half (Q1 to Q3) as a box, the median as a thick line, the mean as a dot.
std::string spread_chart(const Page& pg, const std::vector<const PartFigures*>& parts, const std::string& title) {
    const double row = 36, top = 4, axis = 22;
    const double height = top + row * double(parts.size()) + axis;
    std::string s = svg_open(height, title) + percent_grid(top, height - axis + 4);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const PartFigures& p = *parts[i];
        const double y = top + row * double(i);
        s += svg_text(0, y + 12, "label", pg.part(p.kind, p.id));
        s += svg_rect(0, y + 16, kTrackWidth, 13, "track");
        if (p.shown) {
            const double x1 = kTrackWidth * clamp_percent(*p.q1) / 100.0, x3 = kTrackWidth * clamp_percent(*p.q3) / 100.0;
            s += svg_rect(x1, y + 16, std::max(x3 - x1, 1.0), 13, "box");
            const double xm = kTrackWidth * clamp_percent(*p.median) / 100.0;
            s += "<line class=\"median\" x1=\"" + svg_number(xm) + "\" y1=\"" + svg_number(y + 14) + "\" x2=\"" + svg_number(xm) + "\" y2=\"" +
                 svg_number(y + 31) + "\"/>";
            s += "<circle class=\"mean\" cx=\"" + svg_number(kTrackWidth * clamp_percent(*p.mean) / 100.0) + "\" cy=\"" + svg_number(y + 22.5) +
                 "\" r=\"4\"/>";
        }
        s += svg_text(kChartWidth, y + 27, "value", p.shown ? pg.percent(p.mean) : pg.count(p.n), "end") + "\n";
    }
    return s + "</svg>\n";
}

// One stacked bar per row: the published level counts as shares of n; the hidden ones together
// as one hatched segment (their sum follows from n and the others anyway).
struct StackRow {
    std::string label; // escaped
    CountFigure n;
    std::vector<CountFigure> levels;
};

std::string level_chart(const Page& pg, const std::vector<StackRow>& rows, const std::string& title) {
    const double row = 36, top = 4, legend = 44;
    const double height = top + row * double(rows.size()) + legend;
    std::string s = svg_open(height, title);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const StackRow& r = rows[i];
        const double y = top + row * double(i);
        s += svg_text(0, y + 12, "label", r.label);
        s += svg_rect(0, y + 16, kTrackWidth, 14, "track");
        if (!r.n.published() || r.n.count == 0) {
            s += svg_text(kChartWidth, y + 27, "value", pg.count(r.n), "end") + "\n";
            continue;
        }
        double x = 0;
        std::size_t hidden = r.n.count;
        for (std::size_t l = 0; l < r.levels.size(); ++l) {
            if (!r.levels[l].published()) continue;
            hidden -= r.levels[l].count;
            const double w = kTrackWidth * double(r.levels[l].count) / double(r.n.count);
            if (w <= 0) continue;
            s += svg_rect(x, y + 16, w, 14, "level" + std::to_string(std::min<std::size_t>(l, 4)));
            if (w >= 22) s += svg_text(x + w / 2, y + 27, l >= 3 ? "inbar light" : "inbar", std::to_string(r.levels[l].count), "middle");
            x += w;
        }
        if (hidden > 0) s += svg_rect(x, y + 16, kTrackWidth * double(hidden) / double(r.n.count), 14, "hidden");
        s += svg_text(kChartWidth, y + 27, "value", "n\u00a0=\u00a0" + std::to_string(r.n.count), "end") + "\n";
    }
    // Legend: a swatch and the level's name, two rows.
    const double ly = top + row * double(rows.size()) + 6;
    const std::size_t per_row = 3;
    for (std::size_t l = 0; l <= pg.q.levels.size(); ++l) {
        const double lx = 170.0 * double(l % per_row), yy = ly + 18.0 * double(l / per_row);
        const bool hidden_swatch = l == pg.q.levels.size();
        s += svg_rect(lx, yy, 12, 12, hidden_swatch ? "hidden" : "level" + std::to_string(std::min<std::size_t>(l, 4)));
        s += svg_text(lx + 17, yy + 10.5, "legend", hidden_swatch ? pg.t("barometer.legend_hidden", {{"k", std::to_string(pg.p.min_group)}}) : pg.level(l));
    }
    return s + "</svg>\n";
}

// --- Sections -------------------------------------------------------------------------------------
void header_section(Page& pg) {
    const YearFigures& y = pg.p.year();
    const GroupFigures& all = y.all();
    const PartFigures* overall = find_part(all, PartKind::Overall);
    pg.h += "<header>\n<p class=\"kicker\">" + html_escape(pg.q.title.in(pg.lang)) + " \u00b7 " + pg.t("barometer.kicker") + "</p>\n";
    pg.h += "<h1>" + pg.t("barometer.title", {{"year", std::to_string(y.year)}}) + "</h1>\n<dl class=\"meta\">";
    if (!pg.o.date.empty()) pg.h += "<div><dt>" + std::string(pg.t("barometer.date")) + "</dt><dd>" + html_escape(pg.t.date_in_words(pg.o.date)) + "</dd></div>";
    pg.h += "<div><dt>" + std::string(pg.t("barometer.questionnaire")) + "</dt><dd>" + html_escape(pg.q.id) + " " + html_escape(pg.q.version) + "</dd></div>";
    pg.h += "<div><dt>" + std::string(pg.t("barometer.min_group")) + "</dt><dd>" + std::to_string(pg.p.min_group) + "</dd></div></dl>\n</header>\n";
    pg.h += "<section class=\"keep\">\n<p>" + pg.t("barometer.intro", {{"year", std::to_string(y.year)}}) + "</p>\n<div class=\"summary\">";
    pg.h += "<div class=\"figure\"><span class=\"big\">" + pg.count(all.organisations) + "</span><span>" +
            pg.t("barometer.organisations_in", {{"year", std::to_string(y.year)}}) + "</span></div>";
    pg.h += "<div class=\"figure\"><span class=\"big\">" + (overall && overall->shown ? pg.percent(overall->mean) : std::string("\u2013")) +
            "</span><span>" + pg.t("barometer.mean_overall") + "</span></div>";
    pg.h += "<div class=\"figure\"><span class=\"big\">" + (overall && overall->shown ? pg.percent(overall->median) : std::string("\u2013")) +
            "</span><span>" + pg.t("barometer.median_overall") + "</span></div></div>\n";
    if (!all.organisations.published() || (overall && !overall->shown))
        pg.h += "<p><strong>" + pg.t("barometer.too_few", {{"k", std::to_string(pg.p.min_group)}}) + "</strong></p>\n";
    pg.h += "<p class=\"muted\">" + pg.t("barometer.reading", {{"k", std::to_string(pg.p.min_group)}}) + "</p>\n</section>\n";
}

// Years up to and including the barometer's year.
std::vector<const YearFigures*> years_shown(const Publication& p, std::size_t at_most) {
    std::vector<const YearFigures*> out;
    for (std::size_t i = 0; i <= p.selected; ++i) out.push_back(&p.years[i]);
    if (out.size() > at_most) out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(at_most));
    return out;
}

void years_section(Page& pg) {
    const std::vector<const YearFigures*> years = years_shown(pg.p, 100);
    pg.h += "<section>\n<h2>" + std::string(pg.t("barometer.years")) + "</h2>\n<p>" + pg.t("barometer.years_intro") + "</p>\n";
    std::vector<Bar> bars;
    for (const YearFigures* y : years) {
        const PartFigures* overall = find_part(y->all(), PartKind::Overall);
        bars.push_back(Bar{std::to_string(y->year), overall && overall->shown ? overall->mean : std::nullopt,
                           overall && overall->shown ? pg.percent(overall->mean) : pg.count(y->all().organisations)});
    }
    pg.h += "<div class=\"keep\">" + bar_chart(bars, pg.t("barometer.years_chart")) + "</div>\n";
    pg.h += "<table class=\"numbers\"><caption>" + std::string(pg.t("barometer.years_table")) + "</caption><thead><tr><th scope=\"col\">" +
            pg.t("barometer.year") + "</th><th scope=\"col\" class=\"num\">" + pg.t("barometer.organisations") + "</th><th scope=\"col\" class=\"num\">" +
            pg.t("barometer.overall") + "</th>";
    for (const Principle& pr : pg.q.principles) pg.h += "<th scope=\"col\" class=\"num\">" + html_escape(pr.title.in(pg.lang)) + "</th>";
    pg.h += "</tr></thead><tbody>\n";
    for (const YearFigures* y : years) {
        pg.h += "<tr><th scope=\"row\">" + std::to_string(y->year) + "</th><td class=\"num\">" + pg.count(y->all().organisations) + "</td>";
        for (const PartFigures* part : parts_of_kind(y->all(), {PartKind::Overall, PartKind::Principle}))
            pg.h += "<td class=\"num\">" + (part->shown ? pg.percent(part->mean) : std::string("\u2013")) + "</td>";
        pg.h += "</tr>\n";
    }
    pg.h += "</tbody></table>\n<p class=\"muted\">" + std::string(pg.t("barometer.means_note")) + "</p>\n";

    // Levels year over year.
    std::vector<StackRow> rows;
    for (const YearFigures* y : years) {
        const PartFigures* overall = find_part(y->all(), PartKind::Overall);
        rows.push_back(StackRow{std::to_string(y->year), overall->n, overall->levels});
    }
    pg.h += "<div class=\"keep\"><h3>" + std::string(pg.t("barometer.levels_years")) + "</h3>\n" + level_chart(pg, rows, pg.t("barometer.levels_years_chart")) + "</div>\n";
    pg.h += "<table class=\"numbers\"><caption>" + std::string(pg.t("barometer.levels_years_table")) + "</caption><thead><tr><th scope=\"col\">" +
            pg.t("barometer.year") + "</th>";
    for (std::size_t l = 0; l < pg.q.levels.size(); ++l) pg.h += "<th scope=\"col\" class=\"num\">" + pg.level(l) + "</th>";
    pg.h += "</tr></thead><tbody>\n";
    for (const StackRow& r : rows) {
        pg.h += "<tr><th scope=\"row\">" + r.label + "</th>";
        for (const CountFigure& c : r.levels) pg.h += "<td class=\"num\">" + pg.count(c) + "</td>";
        pg.h += "</tr>\n";
    }
    pg.h += "</tbody></table>\n</section>\n";
}

void parts_section(Page& pg) {
    const YearFigures& y = pg.p.year();
    const std::string year = std::to_string(y.year);
    pg.h += "<section>\n<h2>" + pg.t("barometer.parts", {{"year", year}}) + "</h2>\n<p>" + pg.t("barometer.parts_intro") + "</p>\n";
    const std::vector<const PartFigures*> parts = parts_of_kind(y.all(), {PartKind::Overall, PartKind::Principle, PartKind::Theme});
    pg.h += "<div class=\"keep\">" + spread_chart(pg, parts, pg.t("barometer.parts_chart", {{"year", year}})) + "<p class=\"muted\">" +
            pg.t("barometer.spread_legend") + "</p></div>\n";
    pg.h += "<table class=\"numbers\"><caption>" + pg.t("barometer.parts_table", {{"year", year}}) + "</caption><thead><tr><td></td>";
    for (const char* key : {"barometer.n", "barometer.mean", "barometer.q1", "barometer.median", "barometer.q3"})
        pg.h += "<th scope=\"col\" class=\"num\">" + std::string(pg.t(key)) + "</th>";
    pg.h += "</tr></thead><tbody>\n";
    for (const PartFigures* p : parts) {
        pg.h += std::string("<tr") + (p->kind == PartKind::Overall ? " class=\"strong\"" : "") + "><th scope=\"row\">" + pg.part(p->kind, p->id) +
                "</th><td class=\"num\">" + pg.count(p->n) + "</td>";
        for (const auto* x : {&p->mean, &p->q1, &p->median, &p->q3}) pg.h += "<td class=\"num\">" + pg.percent(*x) + "</td>";
        pg.h += "</tr>\n";
    }
    pg.h += "</tbody></table>\n";
    // The levels per part.
    pg.h += "<table class=\"numbers\"><caption>" + pg.t("barometer.levels_parts_table", {{"year", year}}) + "</caption><thead><tr><td></td>";
    for (std::size_t l = 0; l < pg.q.levels.size(); ++l) pg.h += "<th scope=\"col\" class=\"num\">" + pg.level(l) + "</th>";
    pg.h += "</tr></thead><tbody>\n";
    for (const PartFigures* p : parts) {
        pg.h += "<tr><th scope=\"row\">" + pg.part(p->kind, p->id) + "</th>";
        for (const CountFigure& c : p->levels) pg.h += "<td class=\"num\">" + pg.count(c) + "</td>";
        pg.h += "</tr>\n";
    }
    pg.h += "</tbody></table>\n</section>\n";
}

void change_section(Page& pg) {
    pg.h += "<section class=\"keep\">\n<h2>" + std::string(pg.t("barometer.change")) + "</h2>\n";
    if (!pg.p.change) {
        pg.h += "<p>" + std::string(pg.t("barometer.no_change")) + "</p>\n</section>\n";
        return;
    }
    const ChangeFigures& c = *pg.p.change;
    const std::string from = std::to_string(c.from_year), to = std::to_string(c.to_year);
    pg.h += "<p>" + pg.t("barometer.change_intro", {{"from", from}, {"to", to}, {"organisations", pg.count(c.organisations)}}) + "</p>\n";
    pg.h += "<table class=\"numbers\"><caption>" + pg.t("barometer.change_table", {{"from", from}, {"to", to}}) + "</caption><thead><tr><td></td>";
    for (const char* key : {"barometer.n", "barometer.mean_change", "barometer.median_change", "barometer.improved", "barometer.unchanged", "barometer.declined"})
        pg.h += "<th scope=\"col\" class=\"num\">" + std::string(pg.t(key)) + "</th>";
    pg.h += "</tr></thead><tbody>\n";
    for (const ChangePartFigures& p : c.parts) {
        pg.h += std::string("<tr") + (p.kind == PartKind::Overall ? " class=\"strong\"" : "") + "><th scope=\"row\">" + pg.part(p.kind, p.id) +
                "</th><td class=\"num\">" + pg.count(p.n) + "</td><td class=\"num\">" + pg.points(p.mean) + "</td><td class=\"num\">" +
                pg.points(p.median) + "</td>";
        for (const CountFigure* x : {&p.improved, &p.unchanged, &p.declined}) pg.h += "<td class=\"num\">" + pg.count(*x) + "</td>";
        pg.h += "</tr>\n";
    }
    pg.h += "</tbody></table>\n<p class=\"muted\">" + std::string(pg.t("barometer.change_note")) + "</p>\n</section>\n";
}

// The goal follow-up of the year (GoalFigures): the organisations that follow up an earlier plan,
// the goals by status and the progress towards the target, each only where the rules publish it.
void goals_section(Page& pg) {
    const YearFigures& y = pg.p.year();
    const GoalFigures& g = y.goals;
    const std::string year = std::to_string(y.year), k = std::to_string(pg.p.min_group);
    pg.h += "<section class=\"keep\">\n<h2>" + std::string(pg.t("barometer.goals")) + "</h2>\n";
    pg.h += "<p>" + pg.t("barometer.goals_intro", {{"year", year}, {"organisations", pg.count(g.with_follow_up)},
                                                    {"focus", g.focus_areas ? std::to_string(*g.focus_areas) : std::string("\u2013")}}) + "</p>\n";
    if (!g.shown) {
        pg.h += "<p>" + pg.t("barometer.goals_too_few", {{"k", k}}) + "</p>\n</section>\n";
        return;
    }
    pg.h += "<table class=\"numbers\"><caption>" + pg.t("barometer.goals_table", {{"year", year}, {"n", std::to_string(g.followed_up)}}) +
            "</caption><thead><tr><td></td><th scope=\"col\" class=\"num\">" + pg.t("barometer.goals_count") + "</th><th scope=\"col\" class=\"num\">" +
            pg.t("barometer.goals_share") + "</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < g.statuses.size(); ++i) {
        pg.h += "<tr><th scope=\"row\">" + html_escape(follow_up_status_name(kFollowUpStatuses[i], pg.lang)) + "</th><td class=\"num\">" +
                std::to_string(g.statuses[i]) + "</td><td class=\"num\">" + pg.percent(g.status_share(i)) + "</td></tr>\n";
    }
    pg.h += "</tbody></table>\n<p>";
    if (g.progress_shown)
        pg.h += pg.t("barometer.goals_progress", {{"n", std::to_string(g.with_progress)}, {"median", pg.percent(g.median)}, {"q1", pg.percent(g.q1)},
                                                  {"q3", pg.percent(g.q3)}, {"mean", pg.percent(g.mean)}});
    else
        pg.h += pg.t("barometer.goals_progress_too_few", {{"k", k}});
    pg.h += "</p>\n</section>\n";
}

void dimension_section(Page& pg, const std::string& dimension, const char* heading, const char* chart, const char* table) {
    const YearFigures& y = pg.p.year();
    const std::string year = std::to_string(y.year);
    std::vector<const GroupFigures*> groups;
    for (const GroupFigures& g : y.groups)
        if (g.dimension == dimension) groups.push_back(&g);
    pg.h += "<section>\n<h2>" + pg.t(heading, {{"year", year}}) + "</h2>\n";
    std::vector<Bar> bars;
    for (const GroupFigures* g : groups) {
        if (g->organisations.published() && g->organisations.count == 0) continue;
        const PartFigures* overall = find_part(*g, PartKind::Overall);
        bars.push_back(Bar{pg.group(dimension, g->group), overall->shown ? overall->mean : std::nullopt,
                           overall->shown ? pg.percent(overall->mean) : pg.count(g->organisations)});
    }
    if (!bars.empty()) pg.h += "<div class=\"keep\">" + bar_chart(bars, pg.t(chart, {{"year", year}})) + "</div>\n";
    pg.h += "<table class=\"numbers groups\"><caption>" + pg.t(table, {{"year", year}}) + "</caption><thead><tr><td></td><th scope=\"col\" class=\"num\">" +
            pg.t("barometer.organisations") + "</th><th scope=\"col\" class=\"num\">" + pg.t("barometer.mean") + "</th><th scope=\"col\" class=\"num\">" +
            pg.t("barometer.median") + "</th>";
    for (const Principle& pr : pg.q.principles) pg.h += "<th scope=\"col\" class=\"num\">" + html_escape(pr.title.in(pg.lang)) + "</th>";
    pg.h += "</tr></thead><tbody>\n";
    for (const GroupFigures* g : groups) {
        const PartFigures* overall = find_part(*g, PartKind::Overall);
        pg.h += "<tr><th scope=\"row\">" + pg.group(dimension, g->group) + "</th><td class=\"num\">" + pg.count(g->organisations) + "</td><td class=\"num\">" +
                pg.percent(overall->mean) + "</td><td class=\"num\">" + pg.percent(overall->median) + "</td>";
        for (const PartFigures* part : parts_of_kind(*g, {PartKind::Principle})) pg.h += "<td class=\"num\">" + pg.percent(part->mean) + "</td>";
        pg.h += "</tr>\n";
    }
    pg.h += "</tbody></table>\n</section>\n";
}

void cross_section(Page& pg) {
    const YearFigures& y = pg.p.year();
    const std::string year = std::to_string(y.year);
    std::vector<std::string> sectors, sizes;
    for (const CrossFigures& c : y.cross) {
        if (std::find(sectors.begin(), sectors.end(), c.sector) == sectors.end()) sectors.push_back(c.sector);
        if (std::find(sizes.begin(), sizes.end(), c.size) == sizes.end()) sizes.push_back(c.size);
    }
    pg.h += "<section>\n<h2>" + pg.t("barometer.cross", {{"year", year}}) + "</h2>\n<p>" + pg.t("barometer.cross_intro") + "</p>\n";
    pg.h += "<table class=\"numbers cross\"><caption>" + pg.t("barometer.cross_table", {{"year", year}}) + "</caption><thead><tr><td></td>";
    for (const std::string& size : sizes) pg.h += "<th scope=\"col\" class=\"num\">" + pg.group("size", size) + "</th>";
    pg.h += "</tr></thead><tbody>\n";
    std::size_t i = 0;
    for (const std::string& sector : sectors) {
        pg.h += "<tr><th scope=\"row\">" + pg.group("sector", sector) + "</th>";
        for (std::size_t b = 0; b < sizes.size(); ++b, ++i) {
            const CrossFigures& c = y.cross[i];
            pg.h += "<td class=\"num\">";
            if (c.shown) pg.h += pg.percent(c.mean) + "<br><span class=\"n\">n\u00a0=\u00a0" + std::to_string(c.organisations.count) + "</span>";
            else pg.h += c.organisations.published() && c.organisations.count == 0 ? std::string("0") : pg.count(c.organisations);
            pg.h += "</td>";
        }
        pg.h += "</tr>\n";
    }
    pg.h += "</tbody></table>\n</section>\n";
}

// Per theme, per scored question: the share of all organisations per answer, in the latest years.
void indicators_section(Page& pg) {
    const std::vector<const YearFigures*> years = years_shown(pg.p, std::max<std::size_t>(pg.o.indicator_years, 1));
    pg.h += "<section>\n<h2>" + std::string(pg.t("barometer.indicators")) + "</h2>\n<p>" + pg.t("barometer.indicators_intro") + "</p>\n";
    const std::vector<const Question*> questions = scored_questions(pg.q);
    std::size_t qi = 0;
    for (const Theme& theme : pg.q.themes) {
        bool first = true;
        for (const Question& question : theme.questions) {
            if (!question.scored()) continue;
            const std::size_t index = qi++;
            pg.h += "<div class=\"keep question\">";
            if (first) pg.h += "<h3>" + html_escape(theme.title.in(pg.lang)) + "</h3>";
            first = false;
            pg.h += "<table class=\"numbers answers\"><caption>" + html_escape(question.text.in(pg.lang)) + "</caption><thead><tr><th scope=\"col\">" +
                    pg.t("barometer.answer") + "</th>";
            for (const YearFigures* y : years) pg.h += "<th scope=\"col\" class=\"num\">" + std::to_string(y->year) + "</th>";
            pg.h += "</tr></thead><tbody>\n";
            const std::vector<std::string> ids = question.answer_ids();
            for (std::size_t a = 0; a <= ids.size(); ++a) {
                const bool skipped = a == ids.size();
                pg.h += std::string("<tr") + (skipped ? " class=\"muted\"" : "") + "><th scope=\"row\">" +
                        (skipped ? std::string(pg.t("aggregate.not_answered")) : html_escape(answer_title(question, ids[a], pg.lang))) + "</th>";
                for (const YearFigures* y : years) {
                    const QuestionFigures& f = y->questions[index];
                    const CountFigure& c = skipped ? f.not_answered : f.answers[a].count;
                    const CountFigure& all = y->all().organisations;
                    pg.h += "<td class=\"num\">";
                    if (c.published() && all.published() && all.count > 0)
                        pg.h += pg.percent(100.0 * double(c.count) / double(all.count)) + " <span class=\"n\">(" + std::to_string(c.count) + ")</span>";
                    else pg.h += pg.count(c);
                    pg.h += "</td>";
                }
                pg.h += "</tr>\n";
            }
            pg.h += "</tbody></table></div>\n";
        }
    }
    pg.h += "</section>\n";
}

void method_section(Page& pg) {
    const YearFigures& y = pg.p.year();
    std::string versions;
    for (const std::string& v : y.versions) versions += (versions.empty() ? "" : ", ") + html_escape(v);
    const std::string k = std::to_string(pg.p.min_group);
    pg.h += "<section class=\"method\">\n<h2>" + std::string(pg.t("barometer.method")) + "</h2>\n";
    pg.h += "<p>" + std::string(pg.t("barometer.method_counted")) + "</p>\n";
    pg.h += "<p>" + std::string(pg.t("barometer.method_duplicates")) + "</p>\n";
    pg.h += "<p>" + pg.t("barometer.method_files", {{"read", std::to_string(pg.o.files_read)}, {"accepted", std::to_string(pg.o.files_accepted)},
                                                   {"rejected", std::to_string(pg.o.files_rejected)}, {"year", std::to_string(y.year)},
                                                   {"without", std::to_string(y.without_score)}}) + "</p>\n";
    pg.h += "<p>" + pg.t("barometer.method_suppression", {{"k", k}}) + "</p>\n";
    pg.h += "<p>" + pg.t("barometer.method_figures", {{"k", k}}) + "</p>\n";
    pg.h += "<p>" + pg.t("barometer.method_version", {{"title", html_escape(pg.q.title.in(pg.lang))}, {"version", html_escape(pg.q.version)},
                                                     {"year", std::to_string(y.year)}, {"versions", versions}}) + "</p>\n";
    pg.h += "</section>\n";
}

} // namespace

std::string_view barometer_css() {
    return std::string_view(reinterpret_cast<const char*>(mf_barometer_css), mf_barometer_css_size);
}

std::string barometer_html(const Questionnaire& questionnaire, const Publication& publication, const BarometerOptions& options) {
    Page pg{questionnaire, publication, options, Texts(options.language), std::string(), std::string()};
    pg.lang = pg.t.language();
    std::string& h = pg.h;
    h.reserve(160 * 1024);
    const std::string year = publication.empty() ? std::string() : std::to_string(publication.year().year);
    std::string title = pg.t("barometer.title", {{"year", year}});
    if (!options.date.empty()) title += " \u2013 " + html_escape(options.date);
    h += print_page_head(pg.lang, title, barometer_css()); // byte for byte: the web pages' CSP allows this <style> by its hash
    if (publication.empty()) {
        h += "<h1>" + pg.t("barometer.title", {{"year", ""}}) + "</h1>\n<p>" + pg.t("barometer.nothing") + "</p>\n";
    } else {
        header_section(pg);
        years_section(pg);
        parts_section(pg);
        change_section(pg);
        goals_section(pg);
        dimension_section(pg, "sector", "barometer.sectors", "barometer.sectors_chart", "barometer.sectors_table");
        dimension_section(pg, "size", "barometer.sizes", "barometer.sizes_chart", "barometer.sizes_table");
        cross_section(pg);
        indicators_section(pg);
        method_section(pg);
    }
    h += "</main>\n<footer><p>" + std::string(pg.t("report.footer")) + " " + html_escape(questionnaire.id) + " " + html_escape(questionnaire.version) +
         " \u00b7 " + kAppName + " " + MF_APP_VERSION + "</p></footer>\n</body>\n</html>\n";
    return h;
}

} // namespace mf
