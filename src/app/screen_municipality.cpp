// screen_municipality.cpp - the municipality's overview: many result files in, the same figures as
// mf-aggregate out (tables and simple charts), the rejected files with their reasons, CSV/JSON export.
//
// Index
//   - View                 the files received (one FileCheck per file name) and the view's choices
//   - receiving            the files app.cpp hands over while the overview is open
//   - recompute            aggregate() over the checks, in file-name order, when something changed
//   - drawing helpers      titles, the tables' columns, the bars' summaries for the layer
//   - sections             files, duplicates, export, figures, levels, groups, change, problems
//   - screen_municipality, municipality_state
//
// One implementation: every file goes through check_result, every figure through aggregate(), every
// exported byte through rows_csv / summary_csv / summary_json (src/core/aggregate*.h), exactly as in
// mf-aggregate. What is drawn is formatted from those figures (round1, like the CSV). Every table
// goes through ui::begin_table / table_row / table_cell, which draws it and records it for the
// accessible layer (an HTML table) and for the tests (mfTest.state().cells, keyed by the cells'
// ids); every bar records the numbers it shows as text.
//
// Privacy: the files' contents (the per-organisation rows) live in memory only. Nothing of them is
// written to localStorage or sent anywhere; closing or reloading the page forgets them. In the
// browser the overview is a page of its own (kommune.html) that stores nothing at all: its language
// and text size live in its address (app.cpp "Pages"). A file name seen again replaces the earlier file
// of that name (dropping the same folder twice does not count it twice).
#include "app/app.h"
#include "app/app_internal.h"
#include "app/style.h"
#include "core/aggregate.h"
#include "core/aggregate_output.h"
#include "core/json_input.h"
#include "core/result.h"
#include "core/scoring.h"
#include "platform/platform.h"

#include "imgui.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace mf {

// ---------------------------------------------------------------------------------------------
// View
// ---------------------------------------------------------------------------------------------
namespace {

struct View {
    bool open = false;
    std::vector<FileCheck> checks;              // one per file name, in arrival order
    std::map<std::string, std::size_t> by_name; // file name -> index into checks (sorted: the CLI's order)
    std::size_t announced = 0, arrived = 0;     // the files of the current loading, for the progress line
    std::size_t replaced = 0;                   // arrivals that replaced a file of the same name
    AggregateOptions options;
    CsvOptions csv;
    int breakdown = 0;                          // 0: by sector, 1: by size band
    bool stale = false;
    double computed_at = -1;
    std::optional<Aggregate> result;
    std::vector<std::string> rejected_lines;    // "file: /pointer: message", as the core gives them
    std::vector<std::pair<std::string, std::string>> superseded; // file, the file that counts instead
    std::string paths;                          // desktop: the typed files or folders
    std::string export_done, export_error;
};

View& view() {
    static View v = [] {
        View x;
        x.csv.decimal_comma = true; // Danish Excel reads numbers only with a decimal comma
        return x;
    }();
    return v;
}

bool loading() { return view().arrived < view().announced; }

void add_check(FileCheck check) {
    View& v = view();
    auto it = v.by_name.find(check.file);
    if (it != v.by_name.end()) {
        v.checks[it->second] = std::move(check);
        ++v.replaced;
    } else {
        v.by_name.emplace(check.file, v.checks.size());
        v.checks.push_back(std::move(check));
    }
    if (++v.arrived > v.announced) v.announced = v.arrived;
    v.stale = true;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Receiving (app.h)
// ---------------------------------------------------------------------------------------------
bool municipality_view_open() { return view().open; }

void open_municipality(bool open) {
    view().open = open;
    g_app.scroll_to_top = true;
}

void municipality_files_announced(std::size_t count) {
    View& v = view();
    if (!loading()) v.announced = v.arrived = 0;
    v.announced += count;
}

void municipality_file_received(const std::string& name, const std::string& bytes) {
    add_check(check_result(bytes, name, questionnaire()));
}

// A file too large to be a result is listed with the core's message (the one mf-aggregate gives)
// and never read into memory.
bool municipality_file_announced(const std::string& name, double size) {
    if (size <= static_cast<double>(kMaxResultBytes)) return true;
    FileCheck c;
    c.file = name;
    c.bytes = static_cast<std::size_t>(size);
    c.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, name, "", too_large_message(c.bytes, kMaxResultBytes)});
    add_check(std::move(c));
    return false;
}

void municipality_file_unreadable(const std::string& name, const std::string& reason) {
    FileCheck c;
    c.file = name;
    c.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, name, "", reason});
    add_check(std::move(c));
}

// ---------------------------------------------------------------------------------------------
// Recompute: the whole aggregate again (cheap next to reading the files); while files are still
// arriving at most twice a second, so that loading thousands does not recompute thousands of times.
// ---------------------------------------------------------------------------------------------
static void recompute() {
    View& v = view();
    if (!v.stale) return;
    if (loading() && v.computed_at >= 0 && g_app.time - v.computed_at < 0.5) return;
    std::vector<FileCheck> sorted;
    sorted.reserve(v.checks.size());
    for (const auto& entry : v.by_name) sorted.push_back(v.checks[entry.second]);
    v.result = aggregate(questionnaire(), std::move(sorted), v.options);
    v.stale = false;
    v.computed_at = g_app.time;
    v.rejected_lines.clear();
    v.superseded.clear();
    for (const FileReport& f : v.result->files) {
        if (f.status == FileReport::Status::Rejected)
            for (const Diagnostic& d : f.diagnostics)
                if (d.severity == Diagnostic::Severity::Error) v.rejected_lines.push_back(d.to_string());
        if (f.status == FileReport::Status::Superseded) v.superseded.emplace_back(f.file, f.superseded_by);
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers
// ---------------------------------------------------------------------------------------------
namespace {

std::string pct(std::optional<double> x) { return x ? format_percent(round1(*x)) : std::string("–"); }
std::string pts(std::optional<double> x) { return x ? format_points(round1(*x)) : std::string("–"); }

std::string part_title(const PartStats& p) {
    if (p.kind == PartKind::Overall) return tr("Samlet score", "Overall score");
    if (p.kind == PartKind::Principle)
        if (const Principle* pr = questionnaire().principle(p.id)) return pr->title.in(lang());
    for (const Theme& t : questionnaire().themes)
        if (t.id == p.id) return t.title.in(lang());
    return p.id;
}

std::string part_key(PartKind kind, const std::string& id) {
    return kind == PartKind::Overall ? std::string("overall") : std::string(part_kind_name(kind)) + ":" + id;
}

std::string group_title(const GroupStats& g) {
    if (g.group == kUnknownGroup) return tr("Ikke oplyst", "Not given");
    if (g.dimension == "sector")
        if (const Question* s = questionnaire().profile_field("sector"))
            if (const Option* o = s->option(g.group)) return o->text.in(lang());
    if (g.dimension == "size") return g.group + tr(" ansatte", " employees");
    return tr("Alle", "All");
}

std::string row_title(const PartStats& p) {
    return (p.kind == PartKind::Theme ? std::string(tr("Tema: ", "Theme: ")) : std::string()) + part_title(p);
}

// The first column (the row headers) stretches; `kinds` has a letter per number column: 'c' a
// count (narrow), 'p' a percentage or points.
std::vector<ui::TableColumn> columns(const std::string& first, const std::vector<std::string>& numbers, const std::string& kinds) {
    std::vector<ui::TableColumn> cols;
    cols.push_back(ui::TableColumn{first});
    const float pad = ImGui::GetFontSize() * 0.6f;
    const float wide = ImGui::CalcTextSize("100,0 %").x + pad, narrow = ImGui::CalcTextSize("00000").x + pad;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        const float w = kinds[i] == 'c' ? narrow : wide;
        cols.push_back({numbers[i], std::max(w, ImGui::CalcTextSize(numbers[i].c_str()).x + pad * 0.5f)});
    }
    return cols;
}

// What a spread bar shows, as text: "mean 54,3 %; middle half 40,0 % to 70,0 %; median 55,0 %".
std::string spread_summary(const Stats& s) {
    std::string t = tr("gennemsnit ", "mean ") + pct(s.mean);
    if (s.q1 && s.q3 && s.median)
        t += tr("; midterste halvdel ", "; middle half ") + pct(s.q1) + tr(" til ", " to ") + pct(s.q3) + tr("; median ", "; median ") + pct(s.median);
    return t + " (n = " + std::to_string(s.n) + ")";
}

// What a level bar shows, as text: "Level A: 3, Level B: 5, ...".
std::string levels_summary(const Stats& s) {
    const Questionnaire& q = questionnaire();
    std::string t;
    for (std::size_t i = 0; i < q.levels.size(); i++)
        t += (i ? ", " : "") + q.levels[i].title.in(lang()) + ": " + std::to_string(i < s.levels.size() ? s.levels[i] : 0);
    return t;
}

// A long list (thousands of rejected files) in a scrolled box; only the visible lines are drawn.
void line_list(const char* id, const std::vector<std::string>& lines) {
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const float h = std::min((float)lines.size(), 12.0f) * line_h + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::kPanel);
    ImGui::BeginChild(id, ImVec2(ui::column_width(), h), ImGuiChildFlags_Border, ImGuiWindowFlags_HorizontalScrollbar);
    ImGuiListClipper clipper;
    clipper.Begin((int)lines.size(), line_h);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; i++) ImGui::TextUnformatted(lines[(std::size_t)i].c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------
static void input_section() {
    View& v = view();
    if (platform::has_file_picker()) {
        if (ui::primary_button(tr("Vælg resultatfiler …", "Choose result files …"), "muni-pick-files")) {
            std::string error;
            if (!platform::open_files("", false, error)) v.export_error = error;
        }
        ImGui::SameLine();
        if (ui::secondary_button(tr("Vælg en mappe …", "Choose a folder …"), "muni-pick-folder")) {
            std::string error;
            if (!platform::open_files("", true, error)) v.export_error = error;
        }
        ui::muted(tr("Du kan også trække mange filer eller en hel mappe ind i vinduet.",
                     "You can also drop many files or a whole folder onto the window."));
    } else {
        if (v.paths.empty()) v.paths = platform::documents_folder() + "/";
        ui::text_field(tr("Mapper eller filer (adskilt med ;)", "Folders or files (separated by ;)"), "muni-paths", v.paths,
                       tr("Mapper gennemsøges for .json-filer, også i undermapper.", "Folders are searched for .json files, sub-folders too."), "");
        if (ui::primary_button(tr("Indlæs", "Read"), "muni-read")) {
            std::string error;
            if (!platform::open_files(v.paths, false, error)) v.export_error = error;
        }
        ui::muted(tr("Du kan også trække filer eller mapper ind i vinduet.", "You can also drop files or folders onto the window."));
    }
    if (loading())
        ui::notice(ui::Tone::Info, std::string(tr("Læser filer: ", "Reading files: ")) + std::to_string(v.arrived) + tr(" af ", " of ") +
                                       std::to_string(v.announced) + " …");
}

static void files_section(const Aggregate& a) {
    View& v = view();
    ui::subheading(tr("Filer", "Files"));
    {
        // No header row drawn (the rows say what they count); the layer's table has them.
        ui::begin_table("muni-files", tr("Filerne", "The files"),
                        {{tr("Filer", "Files")}, {tr("Antal", "Number"), ImGui::CalcTextSize("1000000").x}}, ui::TableOptions{false, false});
        const std::pair<const char*, std::size_t> rows[] = {
            {"read", a.files.size()}, {"accepted", a.accepted}, {"counted", a.counted},
            {"superseded", a.superseded}, {"rejected", a.rejected}, {"change", a.organisations_with_change}};
        const char* labels[][2] = {
            {"Filer læst", "Files read"},
            {"Godkendt", "Accepted"},
            {"Talt med (organisationer)", "Counted (organisations)"},
            {"Ikke talt med: nyere besvarelse fra samme CVR-nummer", "Not counted: newer assessment of the same CVR number"},
            {"Afvist (se grundene nedenfor)", "Rejected (see the reasons below)"},
            {"Organisationer med besvarelser fra flere år", "Organisations with assessments from several years"}};
        for (std::size_t i = 0; i < 6; i++) {
            ui::table_row(tr(labels[i][0], labels[i][1]));
            ui::table_cell(std::to_string(rows[i].second), std::string("files/") + rows[i].first);
        }
        ui::end_table();
    }
    if (v.replaced > 0)
        ui::muted(std::to_string(v.replaced) + tr(" filer havde samme navn som en tidligere fil og erstattede den.",
                                                  " files had the same name as an earlier file and replaced it."));
}

static void duplicates_section() {
    View& v = view();
    ui::subheading(tr("Flere besvarelser fra samme organisation", "Several assessments from one organisation"));
    if (ui::choice(tr("Kun den nyeste besvarelse pr. CVR-nummer tæller (anbefalet)", "Only the newest assessment per CVR number counts (recommended)"),
                   "muni-newest", !v.options.keep_duplicates, true) && v.options.keep_duplicates) {
        v.options.keep_duplicates = false;
        v.stale = true;
    }
    if (ui::choice(tr("Alle godkendte filer tæller hver for sig", "Every accepted file counts on its own"), "muni-keep-all",
                   v.options.keep_duplicates, true) && !v.options.keep_duplicates) {
        v.options.keep_duplicates = true;
        v.stale = true;
    }
}

static void figures_section(const GroupStats& all) {
    ui::subheading(tr("Alle organisationer: principper og temaer", "All organisations: principles and themes"));
    ui::muted(tr("Procent af det mulige. Den blå bjælke går til gennemsnittet; stregen under den viser den midterste "
                 "halvdel af organisationerne (1. til 3. kvartil) og prikken medianen.",
                 "Percent of the maximum. The blue bar reaches the mean; the line under it shows the middle half of the "
                 "organisations (1st to 3rd quartile) and the dot the median."));
    for (const PartStats& p : all.parts) {
        if (p.kind == PartKind::Theme) continue;
        const Stats& s = p.stats;
        ui::spread_bar(part_title(p), s.mean, s.q1, s.median, s.q3, pct(s.mean), spread_summary(s));
    }
    ImGui::Spacing();
    ui::begin_table("muni-parts", tr("Alle organisationer: antal, gennemsnit og kvartiler pr. princip og tema (procent af det mulige)",
                                     "All organisations: number, mean and quartiles per principle and theme (percent of the maximum)"),
                    columns(tr("Del", "Part"), {"n", tr("Gns.", "Mean"), "Q1", "Median", "Q3"}, "cpppp"));
    for (const PartStats& p : all.parts) {
        ui::table_row(row_title(p));
        const std::string key = "all/" + part_key(p.kind, p.id) + "/";
        ui::table_cell(std::to_string(p.stats.n), key + "n");
        ui::table_cell(pct(p.stats.mean), key + "mean");
        ui::table_cell(pct(p.stats.q1), key + "q1");
        ui::table_cell(pct(p.stats.median), key + "median");
        ui::table_cell(pct(p.stats.q3), key + "q3");
    }
    ui::end_table();
}

static void levels_section(const GroupStats& all) {
    const Questionnaire& q = questionnaire();
    ui::subheading(tr("Fordeling på niveauer", "Distribution over the levels"));
    ui::muted(tr("Antal organisationer på hvert niveau, for den samlede score og hvert princip.",
                 "Number of organisations at each level, for the overall score and each principle."));
    // Legend: a coloured square and the level's name (the layer has the names in each bar's text).
    for (std::size_t i = 0; i < q.levels.size(); i++) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float fs = ImGui::GetFontSize();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + fs * 0.2f), ImVec2(p.x + fs * 0.8f, p.y + fs), ui::scale_colour(i, q.levels.size()));
        ImGui::Dummy(ImVec2(fs, fs));
        ImGui::SameLine();
        ImGui::TextUnformatted(q.levels[i].title.in(lang()).c_str());
        if (i + 1 < q.levels.size()) ImGui::SameLine(0, fs);
    }
    for (const PartStats& p : all.parts) {
        if (p.kind == PartKind::Theme) continue;
        std::vector<std::size_t> counts;
        for (std::size_t i = 0; i < q.levels.size(); i++) counts.push_back(i < p.stats.levels.size() ? p.stats.levels[i] : 0);
        ui::stacked_bar(part_title(p), counts, levels_summary(p.stats));
    }
    ImGui::Spacing();
    std::vector<std::string> heads;
    for (const Level& l : q.levels) heads.push_back(l.title.in(lang()));
    ui::begin_table("muni-levels", tr("Antal organisationer på hvert niveau pr. princip og tema", "Number of organisations at each level per principle and theme"),
                    columns(tr("Del", "Part"), heads, std::string(heads.size(), 'c')));
    for (const PartStats& p : all.parts) {
        ui::table_row(row_title(p));
        for (std::size_t i = 0; i < q.levels.size(); i++)
            ui::table_cell(std::to_string(i < p.stats.levels.size() ? p.stats.levels[i] : 0), "levels/" + part_key(p.kind, p.id) + "/" + q.levels[i].id);
    }
    ui::end_table();
}

static void groups_section(const Aggregate& a) {
    View& v = view();
    const Questionnaire& q = questionnaire();
    ui::subheading(tr("Opdelt på sektor og størrelse", "By sector and size"));
    if (ui::choice(tr("Efter sektor", "By sector"), "muni-by-sector", v.breakdown == 0, true)) v.breakdown = 0;
    if (ui::choice(tr("Efter størrelse (antal ansatte)", "By size (number of employees)"), "muni-by-size", v.breakdown == 1, true)) v.breakdown = 1;
    const std::string dimension = v.breakdown == 0 ? "sector" : "size";
    ImGui::Spacing();
    ui::muted(tr("Gennemsnitlig samlet score pr. gruppe (antal organisationer i parentes):",
                 "Mean overall score per group (number of organisations in brackets):"));
    for (const GroupStats& g : a.groups) {
        if (g.dimension != dimension || g.parts.empty() || g.organisations == 0) continue; // empty groups: in the table
        const Stats& s = g.parts.front().stats;
        ui::percent_bar(group_title(g) + "  (" + std::to_string(g.organisations) + ")", s.mean ? std::optional<double>(round1(*s.mean)) : std::nullopt,
                        std::nullopt, pct(s.mean));
    }
    ImGui::Spacing();
    // Table: organisations, overall n/mean/median, then the mean per principle (numbered; the
    // principles' titles are long, a key follows the table).
    std::vector<std::string> heads = {tr("Org.", "Orgs"), "n", tr("Gns.", "Mean"), "Median"};
    for (std::size_t i = 0; i < q.principles.size(); i++) heads.push_back("P" + std::to_string(i + 1));
    ui::begin_table("muni-groups",
                    v.breakdown == 0 ? tr("Efter sektor: organisationer, samlet score (antal, gennemsnit, median) og gennemsnit pr. princip (P1–P3, se nøglen under tabellen)",
                                          "By sector: organisations, overall score (number, mean, median) and mean per principle (P1–P3, see the key under the table)")
                                     : tr("Efter størrelse: organisationer, samlet score (antal, gennemsnit, median) og gennemsnit pr. princip (P1–P3, se nøglen under tabellen)",
                                          "By size: organisations, overall score (number, mean, median) and mean per principle (P1–P3, see the key under the table)"),
                    columns(tr("Gruppe", "Group"), heads, "ccpp" + std::string(q.principles.size(), 'p')));
    for (const GroupStats& g : a.groups) {
        if (g.dimension != dimension || g.parts.empty()) continue;
        const std::string key = g.dimension + "/" + g.group + "/";
        ui::table_row(group_title(g));
        ui::table_cell(std::to_string(g.organisations), key + "organisations");
        const Stats& s = g.parts.front().stats;
        ui::table_cell(std::to_string(s.n), key + "overall/n");
        ui::table_cell(pct(s.mean), key + "overall/mean");
        ui::table_cell(pct(s.median), key + "overall/median");
        for (const PartStats& p : g.parts)
            if (p.kind == PartKind::Principle) ui::table_cell(pct(p.stats.mean), key + part_key(p.kind, p.id) + "/mean");
    }
    ui::end_table();
    for (std::size_t i = 0; i < q.principles.size(); i++)
        ui::muted("P" + std::to_string(i + 1) + ": " + q.principles[i].title.in(lang()) + tr(" (gennemsnit)", " (mean)"));
}

static void change_section(const Aggregate& a) {
    ui::subheading(tr("Udvikling over tid", "Change over time"));
    if (a.organisations_with_change == 0) {
        ui::muted(tr("Ingen organisation har besvarelser fra flere år blandt filerne.", "No organisation has assessments from several years among the files."));
        return;
    }
    ui::muted(std::to_string(a.organisations_with_change) +
              tr(" organisationer har besvarelser fra flere år. Ændringen er i procentpoint fra den første til den nyeste besvarelse.",
                 " organisations have assessments from several years. The change is in percentage points from the first to the newest assessment."));
    ui::begin_table("muni-change", tr("Ændring i procentpoint fra første til nyeste besvarelse, og hvor mange organisationer der blev bedre, var uændrede eller dårligere",
                                      "Change in percentage points from the first to the newest assessment, and how many organisations did better, the same or worse"),
                    columns(tr("Del", "Part"), {"n", tr("Gns.", "Mean"), "Median", tr("Bedre", "Better"), tr("Uændret", "Same"), tr("Dårligere", "Worse")}, "cppccc"));
    for (const ChangeStats& c : a.changes) {
        if (c.kind == PartKind::Theme) continue;
        ui::table_row(part_title(PartStats{c.kind, c.id, {}}));
        const std::string key = "change/" + part_key(c.kind, c.id) + "/";
        ui::table_cell(std::to_string(c.stats.n), key + "n");
        ui::table_cell(pts(c.stats.mean), key + "mean");
        ui::table_cell(pts(c.stats.median), key + "median");
        ui::table_cell(std::to_string(c.improved), key + "improved");
        ui::table_cell(std::to_string(c.unchanged), key + "unchanged");
        ui::table_cell(std::to_string(c.declined), key + "declined");
    }
    ui::end_table();
}

static void problems_section() {
    View& v = view();
    ui::subheading(tr("Afviste filer", "Rejected files"));
    if (v.rejected_lines.empty()) {
        ui::muted(tr("Ingen – alle filer kunne bruges.", "None – every file could be used."));
    } else {
        ui::muted(tr("Fil, sted i filen (JSON-pointer) og hvad der er galt. Afviste filer indgår ikke i tallene.",
                     "File, place in the file (JSON pointer) and what is wrong. Rejected files are not in the figures."));
        line_list("##muni-rejected", v.rejected_lines);
    }
    if (!v.superseded.empty()) {
        ui::subheading(tr("Ikke talt med", "Not counted"));
        static std::vector<std::string> lines; // rebuilt when the list or the language changes
        static std::string built_for;
        const std::string key = lang() + std::to_string(v.superseded.size()) + (v.superseded.empty() ? "" : v.superseded.front().first);
        if (key != built_for || lines.size() != v.superseded.size()) {
            lines.clear();
            for (const auto& s : v.superseded)
                lines.push_back(s.first + tr(": ikke talt med – nyere besvarelse fra samme CVR-nummer i ", ": not counted – newer assessment of the same CVR number in ") + s.second);
            built_for = key;
        }
        line_list("##muni-superseded", lines);
    }
}

static void save(const std::string& name, const std::string& bytes, const char* mime) {
    View& v = view();
    std::string where;
    const std::string path = platform::has_file_picker() ? name : platform::documents_folder() + "/" + name;
    if (platform::save_file(path, bytes, mime, where)) {
        v.export_done = where;
        v.export_error.clear();
        show_notice("Gemt: ", "Saved: ", where);
    } else {
        v.export_error = where;
    }
}

static void export_section(const Aggregate& a) {
    View& v = view();
    const Questionnaire& q = questionnaire();
    ui::subheading(tr("Eksport", "Export"));
    ui::muted(tr("Samme filer som kommandolinjeværktøjet mf-aggregate skriver. CSV-filerne åbner i dansk Excel "
                 "(UTF-8 med BOM, semikolon).",
                 "The same files the command-line tool mf-aggregate writes. The CSV files open in Danish Excel "
                 "(UTF-8 with BOM, semicolons)."));
    if (ui::choice(tr("Decimalkomma (52,5) – til dansk Excel", "Decimal comma (52,5) – for Danish Excel"), "muni-decimal-comma",
                   v.csv.decimal_comma, false))
        v.csv.decimal_comma = !v.csv.decimal_comma;
    const std::string date = today_date();
    if (ui::primary_button(tr("Eksporter CSV (én række pr. organisation)", "Export CSV (one row per organisation)"), "muni-export-rows"))
        save("mangfoldighedstjek-organisationer-" + date + ".csv", rows_csv(q, a, v.csv), "text/csv");
    if (ui::secondary_button(tr("Eksporter tallene (CSV)", "Export the figures (CSV)"), "muni-export-summary-csv"))
        save("mangfoldighedstjek-tal-" + date + ".csv", summary_csv(q, a, v.csv), "text/csv");
    ImGui::SameLine();
    if (ui::secondary_button(tr("Eksporter tallene og filproblemer (JSON)", "Export the figures and file problems (JSON)"), "muni-export-summary-json"))
        save("mangfoldighedstjek-tal-" + date + ".json", summary_json(q, a, v.options).dump(2) + "\n", "application/json");
    if (!v.export_error.empty()) ui::notice(ui::Tone::Error, v.export_error);
    if (!v.export_done.empty()) ui::muted(std::string(tr("Senest gemt: ", "Last saved: ")) + v.export_done);
}

// ---------------------------------------------------------------------------------------------
// The screen
// ---------------------------------------------------------------------------------------------
void screen_municipality() {
    View& v = view();
    recompute(); // no extra frames while loading: each batch of files wakes the app, and so does the last file

    if (ui::small_button(tr("‹ Tilbage til selvtjekket", "‹ Back to the self-assessment"), "muni-back")) {
        leave_municipality();
        return;
    }
    ui::heading(tr("Kommunens overblik", "Municipality overview"));
    ui::paragraph(tr("Indlæs de resultatfiler, organisationerne har sendt, og se tallene samlet: pr. princip og tema, "
                     "fordelt på niveauer, sektorer og størrelser, og udviklingen over tid.",
                     "Read the result files the organisations have sent and see the figures together: per principle and "
                     "theme, over the levels, sectors and sizes, and the change over time."));
    ui::notice(ui::Tone::Info, tr("Filerne læses kun her i browseren. Intet sendes eller gemmes; når siden lukkes, er de væk igen.",
                                  "The files are only read here in the browser. Nothing is sent or stored; when the page is closed they are gone."));
    input_section();
    if (!v.checks.empty() && ui::small_button(tr("Fjern alle filer", "Remove all files"), "muni-clear")) {
        const bool open = v.open;
        const CsvOptions csv = v.csv;
        v = View();
        v.open = open;
        v.csv = csv;
        return;
    }
    if (!v.result || v.result->files.empty()) return;
    const Aggregate& a = *v.result;
    ImGui::Spacing();
    files_section(a);
    ImGui::Spacing();
    duplicates_section();
    ImGui::Spacing();
    export_section(a);
    if (!a.groups.empty() && a.counted > 0) {
        ImGui::Spacing();
        figures_section(a.groups.front());
        ImGui::Spacing();
        levels_section(a.groups.front());
        ImGui::Spacing();
        groups_section(a);
        ImGui::Spacing();
        change_section(a);
    }
    ImGui::Spacing();
    problems_section();
}

// For tests (mfTest.state().municipality): the lists as shown. The figures as drawn are the tables'
// cells, in mfTest.state().cells (app.cpp), from the same record as the accessible layer's tables.
void municipality_state(nlohmann::json& j) {
    const View& v = view();
    j["loading"] = loading();
    j["announced"] = v.announced;
    j["arrived"] = v.arrived;
    j["files"] = v.checks.size();
    j["keepDuplicates"] = v.options.keep_duplicates;
    j["decimalComma"] = v.csv.decimal_comma;
    j["stale"] = v.stale;
    j["rejected"] = v.rejected_lines;
    nlohmann::json superseded = nlohmann::json::array();
    for (const auto& s : v.superseded) superseded.push_back({{"file", s.first}, {"supersededBy", s.second}});
    j["superseded"] = superseded;
    j["lastExport"] = v.export_done;
    j["exportError"] = v.export_error;
}

} // namespace mf
