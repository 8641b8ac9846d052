// screen_municipality.cpp - the municipality's overview: many result files in, the same figures as
// mf-aggregate out (tables and simple charts), the rejected files with their reasons, CSV/JSON export.
//
// Index
//   - View                 the files received (one FileCheck per file name) and the view's choices
//   - receiving            app_takes_many_files, app_files_announced, app_file_received's branch
//   - recompute            aggregate() over the checks, in file-name order, when something changed
//   - drawing helpers      figure cells (recorded for tests), the IQR bar, the level bar
//   - sections             files, duplicates, export, figures, levels, groups, change, problems
//   - screen_municipality, municipality_state
//
// One implementation: every file goes through check_result, every figure through aggregate(), every
// exported byte through rows_csv / summary_csv / summary_json (src/core/aggregate*.h), exactly as in
// mf-aggregate. What is drawn is formatted from those figures (round1, like the CSV).
//
// Privacy: the files' contents (the per-organisation rows) live in memory only. Nothing of them is
// written to localStorage or sent anywhere; closing or reloading the page forgets them. Only the
// respondent's own session is saved, as before. A file name seen again replaces the earlier file
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
    std::vector<std::pair<std::string, std::string>> figures; // id -> text as drawn this frame (tests)
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
bool municipality_open() { return view().open; }

void open_municipality(bool open) {
    view().open = open;
    g_app.scroll_to_top = true;
}

bool app_takes_many_files() { return g_app.questionnaire && (view().open || workshop_takes_files()); }

void app_files_announced(std::size_t count) {
    View& v = view();
    if (!v.open) return; // the workshop list counts nothing ahead
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

void app_file_unreadable(const std::string& name, const std::string& reason) {
    if (!view().open) {
        workshop_file_refused(name, reason.empty() ? "the file could not be read" : reason);
        return;
    }
    FileCheck c;
    c.file = name;
    c.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, name, "", reason.empty() ? "the file could not be read" : reason});
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

// A table cell whose text is a figure: drawn, and recorded under `id` for the tests.
void figure(const std::string& id, const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
    view().figures.emplace_back(id, text);
}

void label_cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f); // the cell's edge (the column's wrap position is further right)
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

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

// A bar from 0 to 100 filled to the mean (like the respondent's percent_bar), and under it a line
// across the middle half (q1..q3) with a mark at the median. The mean is written at the right.
void spread_bar(const Stats& s, float width) {
    const float fs = ImGui::GetFontSize();
    const float value_w = ImGui::CalcTextSize("100,0 %").x + ImGui::GetStyle().ItemSpacing.x;
    const float bar_w = width - value_w;
    const float h = std::round(fs * 0.7f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto x_of = [&](double v) { return p.x + (float)(bar_w * std::clamp(v, 0.0, 100.0) / 100.0); };
    dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), colours::kPanel, 4.0f);
    dl->AddRect(p, ImVec2(p.x + bar_w, p.y + h), colours::kBorder, 4.0f);
    if (s.mean && x_of(*s.mean) - p.x > 0.5f) dl->AddRectFilled(p, ImVec2(x_of(*s.mean), p.y + h), colours::kAccent, 4.0f);
    dl->AddText(ImVec2(p.x + bar_w + ImGui::GetStyle().ItemSpacing.x, p.y + (h - fs) * 0.5f), colours::kText, pct(s.mean).c_str());
    const float ym = p.y + h + fs * 0.45f;
    if (s.q1 && s.q3 && s.median) {
        const float t = fs * 0.25f;
        dl->AddLine(ImVec2(x_of(*s.q1), ym), ImVec2(x_of(*s.q3), ym), colours::kText, 2.0f);
        dl->AddLine(ImVec2(x_of(*s.q1), ym - t), ImVec2(x_of(*s.q1), ym + t), colours::kText, 2.0f);
        dl->AddLine(ImVec2(x_of(*s.q3), ym - t), ImVec2(x_of(*s.q3), ym + t), colours::kText, 2.0f);
        dl->AddCircleFilled(ImVec2(x_of(*s.median), ym), fs * 0.28f, colours::kText);
    }
    ImGui::Dummy(ImVec2(width, h + fs * 0.9f));
}

// The level colours: light to dark accent, so the order reads without a legend too.
ImU32 level_colour(std::size_t i, std::size_t n) {
    const float t = n > 1 ? (float)i / (float)(n - 1) : 1.0f;
    auto mix = [&](int a, int b) { return (unsigned)(a + (b - a) * t); };
    return colours::rgb(mix(0xc9, 0x12), mix(0xd9, 0x3b), mix(0xee, 0x70));
}

// A 100 % bar of how many values fall in each level, with the count in each piece that has room.
void level_bar(const Stats& s, float width) {
    const float fs = ImGui::GetFontSize();
    const float h = fs * 1.1f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), colours::kPanel);
    float x = p.x;
    const std::size_t n = s.levels.size();
    for (std::size_t i = 0; i < n && s.n > 0; i++) {
        const float w = width * (float)s.levels[i] / (float)s.n;
        if (w <= 0) continue;
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + h), level_colour(i, n));
        const std::string count = std::to_string(s.levels[i]);
        const ImVec2 ts = ImGui::CalcTextSize(count.c_str());
        if (ts.x + 4 < w)
            dl->AddText(ImVec2(x + (w - ts.x) * 0.5f, p.y + (h - ts.y) * 0.5f),
                        i * 2 >= n ? colours::rgb(0xff, 0xff, 0xff) : colours::kText, count.c_str());
        x += w;
    }
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), colours::kBorder);
    ImGui::Dummy(ImVec2(width, h));
}

bool begin_table(const char* id, int columns) {
    return ImGui::BeginTable(id, columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX,
                             ImVec2(ui::column_width(), 0));
}

// `kinds` has a letter per number column: 'c' a count (narrow), 'p' a percentage or points.
void setup_columns(const char* first, const std::vector<const char*>& numbers, const char* kinds) {
    ImGui::TableSetupColumn(first, ImGuiTableColumnFlags_WidthStretch);
    const float pad = ImGui::GetFontSize() * 0.6f;
    const float wide = ImGui::CalcTextSize("100,0 %").x + pad, narrow = ImGui::CalcTextSize("00000").x + pad;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        const float w = kinds[i] == 'c' ? narrow : wide;
        ImGui::TableSetupColumn(numbers[i], ImGuiTableColumnFlags_WidthFixed, std::max(w, ImGui::CalcTextSize(numbers[i]).x + pad * 0.5f));
    }
    ImGui::TableHeadersRow();
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
    if (begin_table("##muni-files", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("1000000").x);
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
            ImGui::TableNextRow();
            label_cell(tr(labels[i][0], labels[i][1]));
            figure(std::string("files/") + rows[i].first, std::to_string(rows[i].second));
        }
        ImGui::EndTable();
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
    const float w = ui::column_width();
    for (const PartStats& p : all.parts) {
        if (p.kind == PartKind::Theme) continue;
        ui::bold(part_title(p));
        spread_bar(p.stats, w);
    }
    ImGui::Spacing();
    if (begin_table("##muni-parts", 6)) {
        setup_columns(tr("Del", "Part"), {"n", tr("Gns.", "Mean"), "Q1", "Median", "Q3"}, "cpppp");
        for (const PartStats& p : all.parts) {
            ImGui::TableNextRow();
            label_cell((p.kind == PartKind::Theme ? std::string(tr("Tema: ", "Theme: ")) : std::string()) + part_title(p));
            const std::string key = "all/" + part_key(p.kind, p.id) + "/";
            figure(key + "n", std::to_string(p.stats.n));
            figure(key + "mean", pct(p.stats.mean));
            figure(key + "q1", pct(p.stats.q1));
            figure(key + "median", pct(p.stats.median));
            figure(key + "q3", pct(p.stats.q3));
        }
        ImGui::EndTable();
    }
}

static void levels_section(const GroupStats& all) {
    const Questionnaire& q = questionnaire();
    ui::subheading(tr("Fordeling på niveauer", "Distribution over the levels"));
    ui::muted(tr("Antal organisationer på hvert niveau, for den samlede score og hvert princip.",
                 "Number of organisations at each level, for the overall score and each principle."));
    // Legend: a coloured square and the level's name.
    for (std::size_t i = 0; i < q.levels.size(); i++) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float fs = ImGui::GetFontSize();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + fs * 0.2f), ImVec2(p.x + fs * 0.8f, p.y + fs), level_colour(i, q.levels.size()));
        ImGui::Dummy(ImVec2(fs, fs));
        ImGui::SameLine();
        ImGui::TextUnformatted(q.levels[i].title.in(lang()).c_str());
        if (i + 1 < q.levels.size()) ImGui::SameLine(0, fs);
    }
    const float w = ui::column_width();
    for (const PartStats& p : all.parts) {
        if (p.kind == PartKind::Theme) continue;
        ui::bold(part_title(p));
        level_bar(p.stats, w);
    }
    ImGui::Spacing();
    std::vector<const char*> heads;
    for (const Level& l : q.levels) heads.push_back(l.title.in(lang()).c_str());
    if (begin_table("##muni-levels", 1 + (int)q.levels.size())) {
        setup_columns(tr("Del", "Part"), heads, std::string(heads.size(), 'c').c_str());
        for (const PartStats& p : all.parts) {
            ImGui::TableNextRow();
            label_cell((p.kind == PartKind::Theme ? std::string(tr("Tema: ", "Theme: ")) : std::string()) + part_title(p));
            for (std::size_t i = 0; i < q.levels.size(); i++)
                figure("levels/" + part_key(p.kind, p.id) + "/" + q.levels[i].id, std::to_string(i < p.stats.levels.size() ? p.stats.levels[i] : 0));
        }
        ImGui::EndTable();
    }
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
    std::vector<std::string> heads_s = {tr("Org.", "Orgs"), "n", tr("Gns.", "Mean"), "Median"};
    for (std::size_t i = 0; i < q.principles.size(); i++) heads_s.push_back("P" + std::to_string(i + 1));
    std::vector<const char*> heads;
    for (const std::string& h : heads_s) heads.push_back(h.c_str());
    if (begin_table("##muni-groups", 1 + (int)heads.size())) {
        setup_columns(tr("Gruppe", "Group"), heads, ("ccpp" + std::string(q.principles.size(), 'p')).c_str());
        for (const GroupStats& g : a.groups) {
            if (g.dimension != dimension || g.parts.empty()) continue;
            const std::string key = g.dimension + "/" + g.group + "/";
            ImGui::TableNextRow();
            label_cell(group_title(g));
            figure(key + "organisations", std::to_string(g.organisations));
            const Stats& s = g.parts.front().stats;
            figure(key + "overall/n", std::to_string(s.n));
            figure(key + "overall/mean", pct(s.mean));
            figure(key + "overall/median", pct(s.median));
            for (const PartStats& p : g.parts)
                if (p.kind == PartKind::Principle) figure(key + part_key(p.kind, p.id) + "/mean", pct(p.stats.mean));
        }
        ImGui::EndTable();
    }
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
    if (begin_table("##muni-change", 7)) {
        setup_columns(tr("Del", "Part"), {"n", tr("Gns.", "Mean"), "Median", tr("Bedre", "Better"), tr("Uændret", "Same"), tr("Dårligere", "Worse")}, "cppccc");
        for (const ChangeStats& c : a.changes) {
            if (c.kind == PartKind::Theme) continue;
            PartStats p{c.kind, c.id, {}};
            ImGui::TableNextRow();
            label_cell(part_title(p));
            const std::string key = "change/" + part_key(c.kind, c.id) + "/";
            figure(key + "n", std::to_string(c.stats.n));
            figure(key + "mean", pts(c.stats.mean));
            figure(key + "median", pts(c.stats.median));
            figure(key + "improved", std::to_string(c.improved));
            figure(key + "unchanged", std::to_string(c.unchanged));
            figure(key + "declined", std::to_string(c.declined));
        }
        ImGui::EndTable();
    }
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
        show_notice(std::string(tr("Gemt: ", "Saved: ")) + where);
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
    v.figures.clear();
    recompute(); // no extra frames while loading: each batch of files wakes the app, and so does the last file

    if (ui::small_button(tr("‹ Tilbage til selvtjekket", "‹ Back to the self-assessment"), "muni-back")) {
        open_municipality(false);
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

// For tests (mfTest.state().municipality): the figures as drawn, and the lists as shown.
void municipality_state(nlohmann::json& j) {
    const View& v = view();
    j["open"] = v.open;
    j["loading"] = loading();
    j["announced"] = v.announced;
    j["arrived"] = v.arrived;
    j["files"] = v.checks.size();
    j["keepDuplicates"] = v.options.keep_duplicates;
    j["decimalComma"] = v.csv.decimal_comma;
    j["stale"] = v.stale;
    nlohmann::json figures = nlohmann::json::object();
    for (const auto& f : v.figures) figures[f.first] = f.second;
    j["figures"] = figures;
    j["rejected"] = v.rejected_lines;
    nlohmann::json superseded = nlohmann::json::array();
    for (const auto& s : v.superseded) superseded.push_back({{"file", s.first}, {"supersededBy", s.second}});
    j["superseded"] = superseded;
    j["lastExport"] = v.export_done;
    j["exportError"] = v.export_error;
}

} // namespace mf
