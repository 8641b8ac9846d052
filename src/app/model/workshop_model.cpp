// workshop_model.cpp - the consultant's list of organisations (see workshop_model.h).
//
// Index
//   - start-up and saving
//   - the list          names, rows (read from storage only when an entry changed)
//   - switching         open, continue, add, rename, remove; the untouched first entry
//   - presentation mode
//   - export all, the calendar of every organisation, batch import
//   - comparison choices
#include "app/model/workshop_model.h"

#include "app/model/model.h"
#include "core/bundle.h"
#include "core/calendar.h"
#include "core/scoring.h"

#include <algorithm>

namespace mf {

namespace {
// Presentation mode enlarges everything by this factor (on top of the text size), at most kMaxScale.
constexpr float kPresentationScale = 1.5f;
constexpr float kMaxScale = 2.0f;
} // namespace

// ---------------------------------------------------------------------------------------------
// Start-up and saving
// ---------------------------------------------------------------------------------------------
void WorkshopModel::start() {
    WorkshopLoad load = load_workshop(app_.host().store(), app_.questionnaire(), app_.host().now_timestamp(), app_.language());
    workshop_ = std::move(load.workshop);
    Session& s = app_.session_for_workshop();
    const std::string language = s.assessment.language;
    s = std::move(load.session);
    if (s.assessment.language.empty()) s.assessment.language = language;
    if (!load.problems.empty()) app_.notify("notice.storage_problem", {{"problem", load.problems.front()}});
}

bool WorkshopModel::save() {
    Store& store = app_.host().store();
    if (workshop_.current.empty()) add_entry(workshop_, "", app_.host().now_timestamp());
    const Session& s = app_.session();
    workshop_.text_size = s.text_size;
    follow_profile_name(workshop_.current, s.assessment.answers);
    bool ok = save_entry(store, workshop_, workshop_.current, s);
    const std::string index = workshop_text(workshop_);
    if (index != saved_index_) {
        if (save_workshop(store, workshop_)) saved_index_ = index;
        else ok = false;
    }
    return ok;
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------
std::string WorkshopModel::name_of(const std::string& id) const {
    const std::size_t i = workshop_.index_of(id);
    if (i == workshop_.entries.size()) return "";
    // The open one's profile is in memory and wins over the index (typed this frame, not saved yet);
    // the others' names are in the index, which follows their profiles (follow_profile_name).
    if (id == workshop_.current) {
        const std::string org = clean_name(organisation_name(app_.questionnaire(), app_.answers()));
        if (!org.empty()) return org;
    }
    return display_name(workshop_.entries[i], i, "");
}

// Names as stored: an entry is called what its profile says (an imported file, a name typed into the
// profile after adding), so the list and the opened assessment never disagree. True when it changed.
bool WorkshopModel::follow_profile_name(const std::string& id, const Answers& answers) {
    WorkshopEntry* e = workshop_.find(id);
    const std::string org = clean_name(organisation_name(app_.questionnaire(), answers));
    if (!e || org.empty() || e->name == org) return false;
    e->name = org;
    return true;
}

std::vector<WorkshopModel::ListRow> WorkshopModel::rows() {
    const Questionnaire& q = app_.questionnaire();
    std::vector<ListRow> out;
    for (const WorkshopEntry& e : workshop_.entries) {
        if (e.id == workshop_.current) {
            ListRow row;
            row.id = e.id;
            row.answers = app_.answers();
            row.progress = total_progress(q, row.answers);
            row.overall = summarise(q, compute_scores(q, row.answers)).overall;
            row.updated = e.updated;
            out.push_back(std::move(row));
            continue;
        }
        auto cached = rows_.find(e.id);
        if (cached == rows_.end()) {
            ListRow row;
            row.id = e.id;
            Session s;
            switch (read_entry(app_.host().store(), q, e.id, s, row.problems)) {
            case EntryRead::Read:
            case EntryRead::Absent: // added, nothing answered: an empty session
                row.answers = std::move(s.assessment.answers);
                follow_profile_name(e.id, row.answers); // a list saved before names followed the profile
                row.progress = total_progress(q, row.answers);
                row.overall = summarise(q, compute_scores(q, row.answers)).overall;
                break;
            case EntryRead::Unreadable: row.readable = false; break;
            }
            cached = rows_.emplace(e.id, std::move(row)).first;
        }
        cached->second.updated = e.updated;
        out.push_back(cached->second);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Switching, adding, renaming, removing
// ---------------------------------------------------------------------------------------------
// Opens a session as the current one: the language and text size stay the consultant's.
void WorkshopModel::adopt_session(const std::string& id, Session session) {
    Session& open = app_.session_for_workshop();
    session.assessment.language = open.assessment.language;
    session.text_size = open.text_size;
    invalidate(workshop_.current); // the one left: its row is read again when the list is drawn
    open = std::move(session);
    workshop_.current = id;
    invalidate(id);
    app_.reset_transient();
}

bool WorkshopModel::open(const std::string& id) {
    if (id == workshop_.current) return true;
    if (!workshop_.find(id)) return false;
    if (!save()) app_.set_storage_failed(true); // the answers are still in memory: saved again at the next change
    Session s;
    Diagnostics d;
    switch (read_entry(app_.host().store(), app_.questionnaire(), id, s, d)) {
    case EntryRead::Read: break;
    case EntryRead::Absent: s.assessment.language = app_.language(); break; // added, never answered
    case EntryRead::Unreadable:
        app_.notify("notice.open_failed", {{"reason", d.empty() ? std::string() : diagnostic_text(app_.texts(), d.front())}});
        return false;
    }
    adopt_session(id, std::move(s));
    // Where it left off, unless that was the list itself (or the start): then its results or profile.
    Session& open = app_.session_for_workshop();
    if (open.screen == Screen::Workshop || open.screen == Screen::Compare || open.screen == Screen::Start)
        open.screen = profile_complete(app_.questionnaire(), open.assessment.answers) ? Screen::Results : Screen::Profile;
    app_.session_changed();
    app_.notify("notice.opened", {{"name", name_of(id)}});
    return true;
}

void WorkshopModel::continue_current() {
    app_.go_to(profile_complete(app_.questionnaire(), app_.answers()) ? Screen::Results : Screen::Profile);
}

// The untouched entry every first visit has (no name, nothing answered) becomes the organisation
// being added or imported: no empty "Organisation 1" is left before it.
bool WorkshopModel::adopt_untouched_entry(const std::string& name, const Session& session) {
    WorkshopEntry* open = workshop_.find(workshop_.current);
    if (!open || !open->name.empty() || !app_.answers().empty()) return false;
    rename_entry(workshop_, open->id, name);
    adopt_session(open->id, session);
    return true;
}

// A fresh session for an organisation added by hand: its name is also the profile's organisation
// name, so the consultant need not type it twice.
static Session fresh_session(const Questionnaire& q, const std::string& name, const std::string& language) {
    Session s;
    s.assessment.language = language;
    const Question* field = q.profile_field("name");
    if (field && !clean_name(name).empty()) s.assessment.answers[field->id] = clean_name(name);
    s.screen = Screen::Profile;
    return s;
}

void WorkshopModel::add(const std::string& name) {
    const Session fresh = fresh_session(app_.questionnaire(), name, app_.language());
    if (adopt_untouched_entry(name, fresh)) {
        app_.answers_changed();
        app_.notify("notice.added", {{"name", name_of(workshop_.current)}});
        return;
    }
    if (!save()) app_.set_storage_failed(true);
    const std::string previous = workshop_.current;
    const std::string id = add_entry(workshop_, name, app_.host().now_timestamp());
    if (id.empty()) {
        app_.notify("notice.list_full");
        return;
    }
    workshop_.current = previous;
    adopt_session(id, fresh);
    app_.answers_changed();
    app_.notify("notice.added", {{"name", name_of(id)}});
}

void WorkshopModel::start_rename(const std::string& id) {
    renaming = id;
    rename_text = name_of(id);
}

// The new name is the entry's and its profile's organisation name (one name, see follow_profile_name).
void WorkshopModel::rename(const std::string& id, const std::string& name) {
    renaming.clear();
    if (!rename_entry(workshop_, id, name)) return;
    const std::string cleaned = clean_name(name);
    const Question* field = app_.questionnaire().profile_field("name");
    if (field && !cleaned.empty()) {
        if (id == workshop_.current) {
            app_.set_answer(*field, cleaned);
        } else {
            Session s;
            Diagnostics problems;
            if (read_entry(app_.host().store(), app_.questionnaire(), id, s, problems) != EntryRead::Unreadable) {
                s.assessment.answers[field->id] = cleaned;
                s.assessment.updated = app_.host().now_timestamp();
                if (!save_entry(app_.host().store(), workshop_, id, s)) app_.set_storage_failed(true);
                invalidate(id);
            }
        }
    }
    app_.session_changed();
}

void WorkshopModel::remove(const std::string& id) {
    const std::string shown = name_of(id);
    const bool was_current = id == workshop_.current;
    if (!remove_entry(workshop_, id)) return;
    app_.host().store().remove(assessment_key(id));
    invalidate(id);
    unchosen_.erase(id);
    confirm_delete.clear();
    if (was_current) {
        if (workshop_.entries.empty()) add_entry(workshop_, "", app_.host().now_timestamp());
        const std::string next = workshop_.current;
        workshop_.current.clear(); // nothing open: the removed one is not saved again
        Session s;
        Diagnostics d;
        if (read_entry(app_.host().store(), app_.questionnaire(), next, s, d) != EntryRead::Read) {
            s = Session{};
            s.assessment.language = app_.language();
        }
        s.screen = Screen::Workshop;
        adopt_session(next, std::move(s));
    }
    app_.session_changed();
    app_.notify("notice.deleted", {{"name", shown}});
}

// ---------------------------------------------------------------------------------------------
// Presentation mode
// ---------------------------------------------------------------------------------------------
// Switched on from the list (with something to compare) or on the comparison, it opens on the
// comparison's chart: the comparison draws its chart first in presentation mode, from the top.
void WorkshopModel::set_presentation(bool on) {
    workshop_.presentation = on;
    const Screen screen = app_.screen();
    if (on && ((screen == Screen::Workshop && workshop_.entries.size() > 1) || screen == Screen::Compare)) {
        app_.go_to(Screen::Compare);
        app_.scroll_to_top();
    }
    app_.session_changed();
    app_.host().request_frames();
}

bool WorkshopModel::enough_to_compare(const Progress& progress) {
    return progress.visible > 0 && progress.answered >= kMinCoverageToCompare * progress.visible;
}

float WorkshopModel::presentation_scale(float text_scale) const {
    if (!workshop_.presentation || text_scale <= 0) return 1.0f;
    const float s = text_scale * kPresentationScale;
    return (s > kMaxScale ? kMaxScale : s) / text_scale;
}

// ---------------------------------------------------------------------------------------------
// Export all, batch import
// ---------------------------------------------------------------------------------------------
// One entry's result file for the bundle, or (false) why it cannot be exported yet. `names` holds
// the files taken so far: two organisations of the same name get "<name> 2".
bool WorkshopModel::export_entry(const WorkshopEntry& e, std::set<std::string>& names, BundleMember& member,
                                 Progress& progress, Diagnostics& missing) const {
    const Questionnaire& q = app_.questionnaire();
    Session s;
    if (!entry_session(e, s, missing)) return false;
    const std::string organisation = organisation_name(q, s.assessment.answers);
    std::string file = export_file_name(organisation, app_.host().today());
    for (int n = 2; names.count(file); n++)
        file = export_file_name(organisation + " " + std::to_string(n), app_.host().today());
    ExportOutcome out = export_result(q, s.assessment, file);
    if (!out.ok()) {
        for (Diagnostic& d : out.diagnostics)
            if (d.severity == Diagnostic::Severity::Error) missing.push_back(std::move(d));
        return false;
    }
    names.insert(file);
    progress = total_progress(q, s.assessment.answers);
    member = {file, std::move(out.text), !progress.complete()};
    return true;
}

WorkshopModel::ExportAllReport WorkshopModel::gather_export(std::vector<BundleMember>& members) const {
    ExportAllReport report;
    std::set<std::string> names;
    for (const WorkshopEntry& e : workshop_.entries) {
        BundleMember member;
        Progress progress;
        Diagnostics problems;
        if (export_entry(e, names, member, progress, problems)) {
            if (member.unfinished) report.unfinished.push_back({name_of(e.id), progress});
            members.push_back(std::move(member));
        } else {
            report.skipped.push_back({name_of(e.id), std::move(problems)});
        }
    }
    return report;
}

void WorkshopModel::check_export() {
    std::vector<BundleMember> members;
    ExportAllReport report = gather_export(members);
    export_check_ = std::move(report.skipped);
    export_check_unfinished_ = std::move(report.unfinished);
}

void WorkshopModel::export_all() {
    std::vector<BundleMember> members;
    ExportAllReport report = gather_export(members);
    export_check_.reset(); // the report says it now
    export_check_unfinished_.clear();
    report.exported = members.size();
    if (!members.empty()) {
        const std::string file = "mangfoldighedstjek-workshop-" + app_.host().today() + ".json";
        const std::string target = app_.host().has_file_picker() ? file : app_.host().documents_folder() + "/" + file;
        report.saved = app_.host().save_file(target, bundle_text(members, app_.host().now_timestamp()), "application/json", report.where);
    }
    export_report_ = std::move(report);
}

bool WorkshopModel::entry_session(const WorkshopEntry& e, Session& s, Diagnostics& problems) const {
    if (e.id == workshop_.current) {
        s = app_.session();
        return true;
    }
    return read_entry(app_.host().store(), app_.questionnaire(), e.id, s, problems) != EntryRead::Unreadable;
}

void WorkshopModel::save_calendar() {
    const Questionnaire& q = app_.questionnaire();
    std::vector<CalendarOrganisation> organisations;
    for (const WorkshopEntry& e : workshop_.entries) {
        Session s;
        Diagnostics problems;
        if (entry_session(e, s, problems)) organisations.push_back(calendar_organisation(q, s.assessment));
    }
    app_.save_calendar_of(organisations, "mangfoldighedstjek-opfoelgning-" + app_.host().today() + ".ics");
}

bool WorkshopModel::takes_files() const { return app_.screen() == Screen::Workshop; }

void WorkshopModel::import_refused(const std::string& file, Diagnostics reasons) {
    BatchLine line;
    line.file = file;
    line.problems = std::move(reasons);
    batch_.push_back(std::move(line));
}

std::size_t WorkshopModel::max_file_bytes() const { return kMaxBundleBytes; }

void WorkshopModel::file_refused(const std::string& name, std::size_t, Diagnostic why) { import_refused(name, {std::move(why)}); }

void WorkshopModel::file_received(const std::string& file, std::string_view bytes) {
    std::vector<BundleMember> members;
    Diagnostics d;
    if (read_bundle(bytes, file, members, d) == BundleRead::NotBundle) return import_one(file, bytes);
    Diagnostics errors;
    for (Diagnostic& x : d)
        if (x.severity == Diagnostic::Severity::Error) errors.push_back(std::move(x));
    if (!errors.empty()) import_refused(file, std::move(errors));
    for (const BundleMember& m : members) import_one(m.file, m.text);
}

// One result file (or one member of a bundle) becomes a new entry; the open one stays open.
void WorkshopModel::import_one(const std::string& file, std::string_view bytes) {
    const Questionnaire& q = app_.questionnaire();
    ImportOutcome in = import_result(bytes, file, q);
    if (!in.result) {
        Diagnostics errors;
        for (Diagnostic& d : in.diagnostics)
            if (d.severity == Diagnostic::Severity::Error) errors.push_back(std::move(d));
        import_refused(file, std::move(errors));
        return;
    }
    const Assessment& a = in.result->assessment;
    const std::string name = clean_name(organisation_name(q, a.answers));
    BatchLine line;
    line.file = file;
    for (const WorkshopEntry& e : workshop_.entries)
        if (!name.empty() && e.name == name && e.updated == a.updated) {
            line.key = "workshop.batch.already_listed";
            batch_.push_back(std::move(line));
            return;
        }
    line.added = true;
    line.name = name;
    line.dropped = in.result->dropped.size();

    Session s;
    s.assessment = a;
    s.screen = profile_complete(q, a.answers) ? Screen::Results : Screen::Profile;
    Session listed = s;
    listed.screen = Screen::Workshop; // the list stays on screen
    if (adopt_untouched_entry(name, listed)) {
        batch_.push_back(std::move(line));
        app_.session_changed(); // saves it and the index at the end of the frame
        return;
    }
    const std::string current = workshop_.current;
    const std::string id = add_entry(workshop_, name, a.created.empty() ? app_.host().now_timestamp() : a.created);
    workshop_.current = current;
    if (id.empty()) {
        line.added = false;
        line.key = "workshop.batch.list_full";
        batch_.push_back(std::move(line));
        return;
    }
    if (!save_entry(app_.host().store(), workshop_, id, s)) {
        remove_entry(workshop_, id);
        workshop_.current = current;
        line.added = false;
        line.key = "workshop.batch.not_saved";
        batch_.push_back(std::move(line));
        app_.set_storage_failed(true);
        return;
    }
    batch_.push_back(std::move(line));
    app_.session_changed(); // writes the index
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------
bool WorkshopModel::chosen(const std::string& id) const { return unchosen_.count(id) == 0; }

void WorkshopModel::toggle_chosen(const std::string& id) {
    if (!unchosen_.erase(id)) unchosen_.insert(id);
}

} // namespace mf
