// screen_workshop.cpp - the consultant's side: several organisations in one session.
//
// Index
//   - storage             the platform's storage as a core Store; start-up and saving (one key per
//                         assessment plus the index, core/workshop.h)
//   - switching           open another organisation, add, rename, delete
//   - presentation mode   F2 or a button: large text and the high-contrast theme, saved
//   - workshop_bar        the line under the header: which organisation is open, the way to the list
//   - screen_workshop     the list, export all, import a batch
//   - screen_compare      chosen organisations side by side: grouped bars and a table, anonymised on request
//   - workshop_state      the workshop's part of window.mfTest.state()
//
// The list, ids, names and storage layout live in core (workshop.h, bundle.h); this file only
// draws them and calls the platform. Scores come from compute_scores/summarise, as on the results
// screen, so the numbers are the same.
#include "app/app_internal.h"
#include "app/style.h"
#include "core/bundle.h"
#include "core/result.h"
#include "core/scoring.h"
#include "core/workshop.h"
#include "platform/platform.h"

#include "imgui.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace mf {

// ---------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------
namespace {

struct PlatformStore : Store {
    bool get(const std::string& key, std::string& value) override { return platform::storage_get(key, value); }
    bool set(const std::string& key, const std::string& value) override { return platform::storage_set(key, value); }
    void remove(const std::string& key) override { platform::storage_remove(key); }
};

PlatformStore g_store;
std::string g_saved_index;         // the index text last written (written again only when it changed)

// What only lives while the screens are open.
struct WorkshopUi {
    std::string new_name;
    std::string renaming;          // id of the entry being renamed
    std::string rename_text;
    std::string confirm_delete;    // id of the entry waiting for confirmation
    std::set<std::string> chosen;  // compared organisations
    bool chosen_init = false;
    bool anonymise = false;
    struct BatchLine { std::string file; bool ok; std::string text; };
    std::vector<BatchLine> batch;  // what the last imports did, newest last
    std::string export_message;
    std::vector<std::string> export_skipped;
};
WorkshopUi g_ui;

// Presentation mode enlarges everything by this factor (on top of the text size), at most kMaxScale.
constexpr float kPresentationScale = 1.5f;
constexpr float kMaxScale = 2.0f;

} // namespace

void workshop_init() {
    WorkshopLoad load = load_workshop(g_store, questionnaire(), now_timestamp(), g_app.session.assessment.language);
    g_app.workshop = std::move(load.workshop);
    g_app.session = std::move(load.session);
    if (g_app.workshop.presentation) style_set_high_contrast(true);
    if (!load.problems.empty()) {
        show_notice("Noget af det gemte kunne ikke læses og er lagt til side: ",
                    "Some saved data could not be read and was put aside: ", load.problems.front());
    }
}

bool workshop_save() {
    Workshop& w = g_app.workshop;
    if (w.current.empty()) add_entry(w, "", now_timestamp());
    w.text_size = g_app.session.text_size;
    bool ok = save_entry(g_store, w, w.current, g_app.session);
    const std::string index = workshop_text(w);
    if (index != g_saved_index) {
        if (save_workshop(g_store, w)) g_saved_index = index;
        else ok = false;
    }
    return ok;
}

float workshop_ui_scale() {
    if (!g_app.workshop.presentation) return 1.0f;
    const float s = text_scale(g_app.session) * kPresentationScale;
    return (s > kMaxScale ? kMaxScale : s) / text_scale(g_app.session);
}

// ---------------------------------------------------------------------------------------------
// Switching, adding, renaming, deleting
// ---------------------------------------------------------------------------------------------
static std::string entry_name(const WorkshopEntry& e, std::size_t position) {
    // The open one's profile is in memory; the others' names are in the index.
    const std::string org = e.id == g_app.workshop.current ? organisation_name(questionnaire(), g_app.session.assessment.answers) : "";
    return display_name(e, position, org);
}

static void reset_transient() {
    g_app.touched.clear();
    g_app.help_open.clear();
    g_app.last_export.clear();
    g_app.export_error.clear();
    g_app.scroll_to_top = true;
}

// Opens a freshly read session as the current one: the language and text size stay the
// consultant's, the screen is where that organisation left off.
static void adopt_session(const std::string& id, Session s) {
    s.assessment.language = g_app.session.assessment.language;
    s.text_size = g_app.session.text_size;
    g_app.session = std::move(s);
    g_app.workshop.current = id;
    reset_transient();
}

// Saves the open assessment, then reads and opens another. On failure the open one stays open.
static bool open_entry(const std::string& id) {
    Workshop& w = g_app.workshop;
    if (id == w.current) return true;
    if (!w.find(id)) return false;
    if (!workshop_save()) g_app.storage_failed = true; // the answers are still in memory: saved again at the next change
    Session s;
    Diagnostics d;
    std::string probe;
    if (!platform::storage_get(assessment_key(id), probe)) {
        s.assessment.language = lang(); // never saved yet (added, not answered)
    } else if (!read_entry(g_store, questionnaire(), id, s, d)) {
        show_notice("Besvarelsen kunne ikke åbnes: ", "The assessment could not be opened: ",
                    d.empty() ? std::string() : d.front().to_string());
        return false;
    }
    adopt_session(id, std::move(s));
    session_changed();
    return true;
}

static void add_organisation(const std::string& name) {
    Workshop& w = g_app.workshop;
    const Question* field = questionnaire().profile_field("name");
    WorkshopEntry* open = w.find(w.current);
    if (open && open->name.empty() && g_app.session.assessment.answers.empty()) {
        // The untouched entry every first visit has: it becomes this organisation (no empty
        // "Organisation 1" left behind in the list).
        rename_entry(w, open->id, name);
        if (field && !clean_name(name).empty()) g_app.session.assessment.answers[field->id] = clean_name(name);
        g_app.session.screen = Screen::Profile;
        reset_transient();
        answers_changed();
        show_notice("Tilføjet: ", "Added: ", entry_name(*open, w.index_of(open->id)));
        return;
    }
    if (!workshop_save()) g_app.storage_failed = true;
    const std::string previous = w.current;
    const std::string id = add_entry(w, name, now_timestamp());
    if (id.empty()) {
        show_notice("Listen er fuld.", "The list is full.");
        return;
    }
    Session fresh;
    fresh.assessment.language = lang();
    // The name is also the profile's organisation name, so the consultant need not type it twice.
    if (field && !clean_name(name).empty())
        fresh.assessment.answers[field->id] = clean_name(name);
    fresh.screen = Screen::Profile;
    w.current = previous;
    adopt_session(id, std::move(fresh));
    answers_changed();
    show_notice("Tilføjet: ", "Added: ", entry_name(*w.find(id), w.index_of(id)));
}

static void delete_entry(const std::string& id) {
    Workshop& w = g_app.workshop;
    const bool was_current = id == w.current;
    if (!remove_entry(w, id)) return;
    platform::storage_remove(assessment_key(id));
    g_ui.chosen.erase(id);
    if (was_current) {
        if (w.entries.empty()) add_entry(w, "", now_timestamp());
        const std::string next = w.current;
        w.current.clear(); // nothing open: open_entry must not save the deleted one again
        Session s;
        Diagnostics d;
        std::string probe;
        if (!platform::storage_get(assessment_key(next), probe) || !read_entry(g_store, questionnaire(), next, s, d)) {
            s = Session{};
            s.assessment.language = lang();
        }
        s.screen = Screen::Workshop;
        adopt_session(next, std::move(s));
    }
    session_changed();
}

// ---------------------------------------------------------------------------------------------
// Presentation mode
// ---------------------------------------------------------------------------------------------
static void set_presentation(bool on) {
    g_app.workshop.presentation = on;
    style_set_high_contrast(on);
    session_changed();
    platform::request_frames();
}

void workshop_keys() {
    // F2 types nothing, in a text field or elsewhere, and browsers give it no meaning of their own.
    if (ImGui::IsKeyPressed(ImGuiKey_F2, false)) set_presentation(!g_app.workshop.presentation);
}

static std::string presentation_label() {
    return g_app.workshop.presentation ? tr("Afslut præsentation (F2)", "Leave presentation (F2)")
                                       : tr("Præsentation (F2)", "Presentation (F2)");
}

// ---------------------------------------------------------------------------------------------
// The bar under the header
// ---------------------------------------------------------------------------------------------
void workshop_bar() {
    const Screen s = g_app.session.screen;
    if (s == Screen::Workshop || s == Screen::Compare) return;
    const Workshop& w = g_app.workshop;
    if (w.entries.size() <= 1 && !w.presentation) {
        // One organisation: nothing but a quiet way in, on the start screen only.
        if (s != Screen::Start) return;
        if (ui::small_button(tr("Workshop med flere organisationer ›", "Workshop with several organisations ›"), "workshop"))
            go_to(Screen::Workshop);
        return;
    }
    const std::size_t i = w.index_of(w.current);
    const std::string name = i < w.entries.size() ? entry_name(w.entries[i], i) : "";
    ImGui::AlignTextToFramePadding();
    ui::bold(std::string(tr("Organisation: ", "Organisation: ")) + name);
    if (ui::small_button(tr("Alle organisationer", "All organisations"), "workshop")) go_to(Screen::Workshop);
    ImGui::SameLine();
    if (w.entries.size() > 1 && ui::small_button(tr("Sammenlign", "Compare"), "compare")) go_to(Screen::Compare);
    if (w.entries.size() > 1) ImGui::SameLine();
    if (ui::small_button(presentation_label(), "presentation")) set_presentation(!w.presentation);
    ImGui::Spacing();
}

// ---------------------------------------------------------------------------------------------
// Export all, import a batch
// ---------------------------------------------------------------------------------------------
// Every organisation's session: the open one from memory, the others from storage.
struct Loaded {
    const WorkshopEntry* entry = nullptr;
    std::size_t position = 0;
    bool ok = false;
    Session session;
    std::string problem;
};

static std::vector<Loaded> load_all() {
    std::vector<Loaded> all;
    const Workshop& w = g_app.workshop;
    for (std::size_t i = 0; i < w.entries.size(); i++) {
        Loaded l;
        l.entry = &w.entries[i];
        l.position = i;
        if (w.entries[i].id == w.current) {
            l.session = g_app.session;
            l.ok = true;
        } else {
            Diagnostics d;
            std::string probe;
            if (!platform::storage_get(assessment_key(w.entries[i].id), probe)) l.ok = true; // added, nothing answered
            else l.ok = read_entry(g_store, questionnaire(), w.entries[i].id, l.session, d);
            if (!l.ok) l.problem = d.empty() ? "" : d.front().message;
        }
        all.push_back(std::move(l));
    }
    return all;
}

static void export_all() {
    const Questionnaire& q = questionnaire();
    std::vector<BundleMember> members;
    g_ui.export_skipped.clear();
    std::set<std::string> names;
    for (const Loaded& l : load_all()) {
        const std::string name = entry_name(*l.entry, l.position);
        if (!l.ok) {
            g_ui.export_skipped.push_back(name + ": " + l.problem);
            continue;
        }
        std::string file = export_file_name(organisation_name(q, l.session.assessment.answers), today_date());
        for (int n = 2; names.count(file); n++) // two organisations of the same name
            file = export_file_name(organisation_name(q, l.session.assessment.answers) + " " + std::to_string(n), today_date());
        const ExportOutcome out = export_result(q, l.session.assessment, file);
        if (!out.ok()) {
            std::string why;
            for (const Diagnostic& d : out.diagnostics)
                if (d.severity == Diagnostic::Severity::Error) why += (why.empty() ? "" : "; ") + d.message;
            g_ui.export_skipped.push_back(name + ": " + why);
            continue;
        }
        names.insert(file);
        members.push_back({file, out.text});
    }
    if (members.empty()) {
        g_ui.export_message = tr("Ingen besvarelse er klar til eksport endnu.", "No assessment is ready to export yet.");
        return;
    }
    const std::string file = "mangfoldighedstjek-workshop-" + today_date() + ".json";
    std::string where = platform::has_file_picker() ? file : platform::documents_folder() + "/" + file;
    if (platform::save_file(where, bundle_text(members, now_timestamp()), "application/json", where)) {
        g_app.last_export = where;
        g_ui.export_message = std::string(tr("Eksporteret ", "Exported ")) + std::to_string(members.size()) +
                              tr(" resultater i én fil: ", " results in one file: ") + where;
    } else {
        g_ui.export_message = where;
    }
}

// One result file (or one member of a bundle) becomes a new entry; the open one stays open.
static void import_one(const std::string& file, std::string_view bytes) {
    const Questionnaire& q = questionnaire();
    ImportOutcome in = import_result(bytes, file, q);
    if (!in.result) {
        std::string why;
        for (const Diagnostic& d : in.diagnostics)
            if (d.severity == Diagnostic::Severity::Error) why += (why.empty() ? "" : "; ") + (d.pointer.empty() ? "" : d.pointer + ": ") + d.message;
        g_ui.batch.push_back({file, false, why});
        return;
    }
    Workshop& w = g_app.workshop;
    const Assessment& a = in.result->assessment;
    const std::string name = clean_name(organisation_name(q, a.answers));
    for (const WorkshopEntry& e : w.entries)
        if (!name.empty() && e.name == name && e.updated == a.updated) {
            g_ui.batch.push_back({file, false, tr("er allerede i listen", "is already in the list")});
            return;
        }
    std::string text = name.empty() ? std::string(tr("(uden navn)", "(no name)")) : name;
    if (!in.result->dropped.empty())
        text += std::string(tr(" – udeladt: ", " – left out: ")) + std::to_string(in.result->dropped.size());
    WorkshopEntry* open = w.find(w.current);
    if (open && open->name.empty() && g_app.session.assessment.answers.empty()) {
        // The untouched entry every first visit has becomes the first imported organisation, as
        // when one is added by hand (add_organisation): no empty "Organisation 1" before the
        // imported ones. The list stays on screen; opening the entry goes to its results.
        rename_entry(w, open->id, name);
        Session s;
        s.assessment = a;
        s.screen = Screen::Workshop;
        adopt_session(open->id, std::move(s));
        g_ui.batch.push_back({file, true, text});
        session_changed(); // saves it and the index at the end of the frame
        return;
    }
    const std::string current = w.current;
    const std::string id = add_entry(w, name, a.created.empty() ? now_timestamp() : a.created);
    w.current = current;
    if (id.empty()) {
        g_ui.batch.push_back({file, false, tr("listen er fuld", "the list is full")});
        return;
    }
    Session s;
    s.assessment = a;
    s.screen = profile_complete(q, a.answers) ? Screen::Results : Screen::Profile;
    if (!save_entry(g_store, w, id, s)) {
        remove_entry(w, id);
        w.current = current;
        g_ui.batch.push_back({file, false, tr("browseren ville ikke gemme den", "the browser refused to save it")});
        g_app.storage_failed = true;
        return;
    }
    g_ui.batch.push_back({file, true, text});
    session_changed(); // writes the index
}

bool workshop_takes_files() { return g_app.session.screen == Screen::Workshop; }

bool workshop_file_refused(const std::string& name, const std::string& reason) {
    if (!workshop_takes_files()) return false;
    g_ui.batch.push_back({name, false, reason});
    return true;
}

bool workshop_file_received(const std::string& name, const std::string& bytes) {
    if (!workshop_takes_files()) return false;
    if (mentions_bundle(bytes)) {
        std::vector<BundleMember> members;
        Diagnostics d;
        const BundleRead read = read_bundle(bytes, name, members, d);
        for (const Diagnostic& x : d)
            if (x.severity == Diagnostic::Severity::Error) g_ui.batch.push_back({name, false, (x.pointer.empty() ? "" : x.pointer + ": ") + x.message});
        if (read != BundleRead::NotBundle) {
            for (const BundleMember& m : members) import_one(m.file, m.text);
            return true;
        }
    }
    import_one(name, bytes);
    return true;
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------
static void delete_dialog() {
    if (!ui::begin_dialog("###delete-organisation", !g_ui.confirm_delete.empty(), 34)) return;
    g_app.modal = "delete-organisation";
    const Workshop& ws = g_app.workshop;
    const std::size_t i = ws.index_of(g_ui.confirm_delete);
    ImGui::PushTextWrapPos(0);
    if (i == ws.entries.size()) {
        g_ui.confirm_delete.clear();
        ImGui::CloseCurrentPopup();
    } else {
        ui::heading(std::string(tr("Slet ", "Delete ")) + entry_name(ws.entries[i], i) + "?");
        ui::paragraph(tr("Organisationens svar, profil og handlingsplan bliver slettet fra denne computer. "
                         "Eksporter først, hvis du vil gemme dem.",
                         "The organisation's answers, profile and action plan will be deleted from this computer. "
                         "Export first if you want to keep them."));
        ImGui::Spacing();
        if (ui::secondary_button(tr("Nej, behold den", "No, keep it"), "delete-cancel")) {
            g_ui.confirm_delete.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        const bool yes = ui::danger_button(tr("Ja, slet", "Yes, delete"), "delete-confirm");
        if (yes) {
            const std::string id = g_ui.confirm_delete;
            const std::string shown = entry_name(ws.entries[i], i);
            g_ui.confirm_delete.clear();
            delete_entry(id);
            show_notice("Slettet: ", "Deleted: ", shown);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

void screen_workshop() {
    const Questionnaire& q = questionnaire();
    Workshop& w = g_app.workshop;
    ui::heading(tr("Workshop: organisationerne", "Workshop: the organisations"));
    ui::paragraph(tr("Her kan flere organisationer lave selvtjekket på samme computer. Hver organisation gemmes for sig, "
                     "og du skifter mellem dem uden at miste svar.",
                     "Here several organisations can take the self-assessment on the same computer. Each is saved on "
                     "its own, and you switch between them without losing answers."));
    if (ui::secondary_button(presentation_label(), "presentation")) set_presentation(!w.presentation);
    ui::muted(tr("F2 skifter præsentation til og fra: stor tekst og høj kontrast til projektor.",
                 "F2 switches presentation on and off: large text and high contrast for a projector."));
    ImGui::Spacing();

    const std::vector<Loaded> all = load_all();
    std::string open_id;
    for (const Loaded& l : all) {
        const WorkshopEntry& e = *l.entry;
        const bool current = e.id == w.current;
        const std::string name = entry_name(e, l.position);
        ImGui::PushID(e.id.c_str());
        ImGui::Separator();
        if (g_ui.renaming == e.id) {
            ui::text_field(tr("Nyt navn", "New name"), "rename-text:" + e.id, g_ui.rename_text, "", "");
            if (ui::primary_button(tr("Gem navnet", "Save the name"), "rename-save:" + e.id)) {
                rename_entry(w, e.id, g_ui.rename_text);
                g_ui.renaming.clear();
                session_changed();
            }
            ImGui::SameLine();
            if (ui::secondary_button(tr("Annuller", "Cancel"), "rename-cancel:" + e.id)) g_ui.renaming.clear();
        } else {
            ui::bold(name + (current ? tr("  (åben)", "  (open)") : ""));
            std::string line;
            if (!l.ok) {
                line = std::string(tr("Kunne ikke læses: ", "Could not be read: ")) + l.problem;
            } else {
                const Progress p = total_progress(q, l.session.assessment.answers);
                const ScoreSummary sum = summarise(q, compute_scores(q, l.session.assessment.answers));
                line = std::to_string(p.answered) + tr(" af ", " of ") + std::to_string(p.visible) + tr(" besvaret", " answered");
                if (sum.overall) line += std::string(" · ") + tr("samlet ", "overall ") + format_percent(sum.overall);
                if (e.updated.size() >= 16) line += " · " + e.updated.substr(0, 10) + " " + e.updated.substr(11, 5) + " UTC";
            }
            ui::muted(line);
            if (!current && ui::primary_button(tr("Åbn", "Open"), "open:" + e.id, l.ok)) open_id = e.id;
            if (current && ui::primary_button(tr("Fortsæt ›", "Continue ›"), "open:" + e.id)) {
                g_app.session.screen = profile_complete(q, g_app.session.assessment.answers) ? Screen::Results : Screen::Profile;
                session_changed();
            }
            ImGui::SameLine();
            if (ui::secondary_button(tr("Omdøb", "Rename"), "rename:" + e.id)) {
                g_ui.renaming = e.id;
                g_ui.rename_text = name;
            }
            ImGui::SameLine();
            if (ui::secondary_button(tr("Slet …", "Delete …"), "delete:" + e.id)) g_ui.confirm_delete = e.id;
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    if (!open_id.empty() && open_entry(open_id)) {
        const Answers& a = g_app.session.assessment.answers;
        if (g_app.session.screen == Screen::Workshop || g_app.session.screen == Screen::Compare || g_app.session.screen == Screen::Start)
            g_app.session.screen = profile_complete(q, a) ? Screen::Results : Screen::Profile;
        show_notice("Åben: ", "Open: ", entry_name(*w.find(open_id), w.index_of(open_id)));
    }

    ui::subheading(tr("Tilføj en organisation", "Add an organisation"));
    ui::text_field(tr("Organisationens navn", "The organisation's name"), "new-name", g_ui.new_name, "", "");
    const bool can_add = w.entries.size() < kMaxAssessments;
    if (ui::primary_button(tr("Tilføj og åbn", "Add and open"), "add", can_add)) {
        add_organisation(g_ui.new_name);
        g_ui.new_name.clear();
    }

    ImGui::Spacing();
    ui::subheading(tr("Sammenlign og del", "Compare and share"));
    if (ui::secondary_button(tr("Sammenlign organisationerne ›", "Compare the organisations ›"), "to-compare", w.entries.size() > 1))
        go_to(Screen::Compare);
    ImGui::SameLine();
    if (ui::secondary_button(tr("Eksporter alle (én fil)", "Export all (one file)"), "export-all")) export_all();
    ui::muted(tr("Alle færdige besvarelser i én samlet fil (mangfoldighedstjek/bundle), som kommunen kan læse, "
                 "og som kan indlæses her igen.",
                 "Every complete assessment in one bundle file (mangfoldighedstjek/bundle) that the municipality can "
                 "read and that can be loaded here again."));
    if (!g_ui.export_message.empty()) ui::notice(ui::Tone::Info, g_ui.export_message);
    for (const std::string& s : g_ui.export_skipped) ui::muted(std::string(tr("Ikke med: ", "Not included: ")) + s);

    ui::subheading(tr("Indlæs resultatfiler", "Load result files"));
    ui::muted(tr("Hver resultatfil – eller hver organisation i en samlet fil – bliver en ny organisation i listen. "
                 "Du kan vælge eller trække flere filer ind på én gang.",
                 "Each result file – or each organisation in a bundle file – becomes a new organisation in the list. "
                 "You can choose or drop several files at once."));
    // Several files at once: the host hands every chosen file to workshop_file_received().
    bool load = false;
    if (platform::has_file_picker()) {
        load = ui::secondary_button(tr("Vælg resultatfiler …", "Choose result files …"), "import-batch");
    } else {
        if (g_app.desktop_path.empty()) g_app.desktop_path = platform::documents_folder() + "/";
        ui::text_field(tr("Stier til resultatfiler eller mapper (adskilt med ;)", "Paths of result files or folders (separated by ;)"),
                       "import-path-batch", g_app.desktop_path, "", "");
        load = ui::secondary_button(tr("Indlæs", "Load"), "import-batch");
    }
    std::string error;
    if (load && !platform::open_files(g_app.desktop_path, false, error)) g_ui.batch.push_back({g_app.desktop_path, false, error});
    for (const WorkshopUi::BatchLine& b : g_ui.batch)
        ui::notice(b.ok ? ui::Tone::Good : ui::Tone::Error,
                   b.file + ": " + (b.ok ? std::string(tr("tilføjet – ", "added – ")) : std::string()) + b.text);
    if (!g_ui.batch.empty() && ui::small_button(tr("Ryd listen over indlæste filer", "Clear the list of loaded files"), "batch-clear"))
        g_ui.batch.clear();
    delete_dialog();
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------
// Told apart without colour: each organisation has a letter key drawn on its bars, a fill pattern
// and its number at the end of the bar; the colours only help.
static const ImU32 kSeriesColours[] = {colours::rgb(0x1d, 0x55, 0x9e), colours::rgb(0xb4, 0x53, 0x09),
                                       colours::rgb(0x1e, 0x6b, 0x3a), colours::rgb(0x6b, 0x2c, 0x91),
                                       colours::rgb(0x4e, 0x57, 0x66)};

static std::string key_letter(std::size_t position) { return anonymous_name(position).substr(13); }

static void pattern_bar(ImDrawList* dl, ImVec2 a, ImVec2 b, std::size_t series) {
    const ImU32 c = kSeriesColours[series % 5];
    const int pattern = (int)(series % 4);
    dl->AddRect(a, b, colours::kText, 0, 0, 1.5f);
    if (b.x - a.x < 2) return;
    dl->PushClipRect(a, b, true);
    const float step = std::max(5.0f, (b.y - a.y) / 3.0f);
    switch (pattern) {
    case 0: dl->AddRectFilled(a, b, c); break;                                  // solid
    case 1:                                                                     // diagonal stripes
        dl->AddRectFilled(a, b, colours::rgb(0xff, 0xff, 0xff));
        for (float x = a.x - (b.y - a.y); x < b.x; x += step) dl->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), c, 2.5f);
        break;
    case 2:                                                                     // vertical stripes
        dl->AddRectFilled(a, b, colours::rgb(0xff, 0xff, 0xff));
        for (float x = a.x + step * 0.5f; x < b.x; x += step) dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), c, 2.5f);
        break;
    default:                                                                    // dots
        dl->AddRectFilled(a, b, colours::rgb(0xff, 0xff, 0xff));
        for (float x = a.x + step * 0.5f; x < b.x; x += step)
            for (float y = a.y + step * 0.5f; y < b.y; y += step) dl->AddCircleFilled(ImVec2(x, y), step * 0.28f, c);
        break;
    }
    dl->PopClipRect();
    dl->AddRect(a, b, colours::kText, 0, 0, 1.5f);
}

struct Column {
    std::string id, name, key;
    std::size_t series = 0;
    ScoreSummary summary;
    Progress progress;
};

// One group of bars: the part's title, then one bar per organisation with its key and number.
static void bar_group(const std::string& title, const std::string& part_id, const std::vector<Column>& cols,
                      const std::vector<std::optional<double>>& values) {
    ui::bold(title);
    const float fs = ImGui::GetFontSize();
    const float w = ui::column_width();
    const float key_w = ImGui::CalcTextSize("WW").x + fs * 0.4f;
    const float value_w = ImGui::CalcTextSize("100,0 %").x + fs * 0.5f;
    const float bar_w = w - key_w - value_w;
    const float h = std::round(fs * 1.1f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < cols.size(); i++) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddText(g_fonts.bold, g_fonts.bold->FontSize, ImVec2(p.x, p.y + (h - fs) * 0.5f), colours::kText, cols[i].key.c_str());
        const ImVec2 a(p.x + key_w, p.y);
        dl->AddRectFilled(a, ImVec2(a.x + bar_w, a.y + h), colours::kPanel);
        if (values[i]) {
            const float fw = (float)(bar_w * std::clamp(*values[i], 0.0, 100.0) / 100.0);
            pattern_bar(dl, a, ImVec2(a.x + fw, a.y + h), cols[i].series);
        }
        const std::string v = format_percent(values[i]);
        dl->AddText(ImVec2(a.x + bar_w + fs * 0.4f, p.y + (h - fs) * 0.5f), colours::kText, v.c_str());
        ImGui::Dummy(ImVec2(w, h));
        ui::note("bar", cols[i].name + ": " + title, "cmp-bar:" + cols[i].id + ":" + part_id, false, v);
        ImGui::Dummy(ImVec2(1, fs * 0.15f));
    }
}

void screen_compare() {
    const Questionnaire& q = questionnaire();
    const Workshop& w = g_app.workshop;
    ui::heading(tr("Sammenlign organisationer", "Compare organisations"));
    if (ui::secondary_button(tr("‹ Tilbage til listen", "‹ Back to the list"), "back")) go_to(Screen::Workshop);
    ImGui::SameLine();
    if (ui::secondary_button(presentation_label(), "presentation")) set_presentation(!w.presentation);

    if (!g_ui.chosen_init) { // the first time: everyone
        for (const WorkshopEntry& e : w.entries) g_ui.chosen.insert(e.id);
        g_ui.chosen_init = true;
    }
    const std::vector<Loaded> all = load_all();
    auto shown_name = [&](const Loaded& l) { return g_ui.anonymise ? anonymous_name(l.position) : entry_name(*l.entry, l.position); };

    if (ui::choice(tr("Anonymiser (skjul navnene, fx til projektor)", "Anonymise (hide the names, e.g. for a projector)"),
                   "anonymise", g_ui.anonymise, false))
        g_ui.anonymise = !g_ui.anonymise;
    ui::subheading(tr("Hvem skal med?", "Who is included?"));
    std::vector<Column> cols;
    for (const Loaded& l : all) {
        const std::string id = l.entry->id;
        const bool on = g_ui.chosen.count(id) > 0;
        const std::string label = key_letter(l.position) + "  " + shown_name(l) + (l.ok ? "" : tr(" (kunne ikke læses)", " (could not be read)"));
        if (ui::choice(label, "cmp-pick:" + id, on, false)) {
            if (on) g_ui.chosen.erase(id);
            else g_ui.chosen.insert(id);
        }
        if (!on || !l.ok) continue;
        Column c;
        c.id = id;
        c.name = shown_name(l);
        c.key = key_letter(l.position);
        c.series = l.position;
        c.summary = summarise(q, compute_scores(q, l.session.assessment.answers));
        c.progress = total_progress(q, l.session.assessment.answers);
        cols.push_back(std::move(c));
    }
    if (cols.empty()) {
        ui::notice(ui::Tone::Info, tr("Vælg mindst én organisation.", "Choose at least one organisation."));
        return;
    }

    // The chart: grouped bars per principle, then per theme.
    auto values = [&](auto get) {
        std::vector<std::optional<double>> v;
        for (const Column& c : cols) v.push_back(get(c.summary));
        return v;
    };
    ui::subheading(tr("Samlet og de tre principper", "Overall and the three principles"));
    bar_group(tr("Samlet", "Overall"), "overall", cols, values([](const ScoreSummary& s) { return s.overall; }));
    for (const Principle& p : q.principles)
        bar_group(p.title.in(lang()), p.id, cols, values([&](const ScoreSummary& s) {
                      auto it = s.principles.find(p.id);
                      return it == s.principles.end() ? std::nullopt : it->second;
                  }));
    ui::subheading(tr("Temaerne", "The themes"));
    for (const Theme& t : q.themes)
        bar_group(t.title.in(lang()), t.id, cols, values([&](const ScoreSummary& s) {
                      auto it = s.themes.find(t.id);
                      return it == s.themes.end() ? std::nullopt : it->second.percent;
                  }));

    // The table: the same numbers, one column per organisation.
    ui::subheading(tr("Tabel", "Table"));
    // No scrolling child: the table is recorded whole (the accessible layer and the tests read every
    // cell), and a scrolled child would hide most of it on a projector.
    std::vector<ui::TableColumn> heads{ui::TableColumn{tr("Del", "Part"), 0, 2.0f}};
    for (const Column& c : cols) heads.push_back(ui::TableColumn{c.key + " " + c.name, 0, 1.0f});
    ui::begin_table("compare", tr("Sammenligning: score pr. del for hver organisation", "Comparison: score per part for each organisation"),
                    heads, ui::TableOptions{true, true});
    {
        auto row = [&](const std::string& title, const std::string& part_id, const std::vector<std::string>& texts) {
            ui::table_row(title);
            for (std::size_t i = 0; i < cols.size(); i++) ui::table_cell(texts[i], "cmp:" + cols[i].id + ":" + part_id);
        };
        auto percents = [&](const std::vector<std::optional<double>>& v) {
            std::vector<std::string> t;
            for (const auto& x : v) t.push_back(format_percent(x));
            return t;
        };
        row(tr("Samlet", "Overall"), "overall", percents(values([](const ScoreSummary& s) { return s.overall; })));
        std::vector<std::string> levels, answered;
        for (const Column& c : cols) {
            const Level* level = nullptr;
            for (const Level& l : q.levels)
                if (c.summary.level && l.id == *c.summary.level) level = &l;
            levels.push_back(level ? level->title.in(lang()) : "–");
            answered.push_back(std::to_string(c.progress.answered) + " / " + std::to_string(c.progress.visible));
        }
        row(tr("Niveau", "Level"), "level", levels);
        row(tr("Besvaret", "Answered"), "answered", answered);
        for (const Principle& p : q.principles)
            row(p.title.in(lang()), p.id, percents(values([&](const ScoreSummary& s) {
                    auto it = s.principles.find(p.id);
                    return it == s.principles.end() ? std::nullopt : it->second;
                })));
        for (const Theme& t : q.themes)
            row(t.title.in(lang()), t.id, percents(values([&](const ScoreSummary& s) {
                    auto it = s.themes.find(t.id);
                    return it == s.themes.end() ? std::nullopt : it->second.percent;
                })));
    }
    ui::end_table();
    ui::muted(tr("Procenter som på hver organisations resultatside. Bogstavet ved hver søjle er organisationens nøgle; "
                 "mønstrene skelner dem også uden farver.",
                 "Percentages as on each organisation's results page. The letter by each bar is the organisation's key; "
                 "the patterns tell them apart without colour too."));
}

// ---------------------------------------------------------------------------------------------
// State for tests
// ---------------------------------------------------------------------------------------------
void workshop_state(nlohmann::json& j) {
    const Workshop& w = g_app.workshop;
    nlohmann::json entries = nlohmann::json::array();
    for (std::size_t i = 0; i < w.entries.size(); i++)
        entries.push_back({{"id", w.entries[i].id}, {"name", entry_name(w.entries[i], i)}, {"updated", w.entries[i].updated}});
    j["workshop"] = {{"entries", entries}, {"current", w.current}, {"presentation", w.presentation},
                     {"highContrast", style_high_contrast()}, {"anonymise", g_ui.anonymise},
                     {"batch", g_ui.batch.size()}, {"exportMessage", g_ui.export_message}};
}

} // namespace mf
