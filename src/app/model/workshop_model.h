// workshop_model.h - the consultant's list of organisations: several assessments on one computer.
//
// Index
//   - ListRow          what the list shows of one organisation (read from storage when it changes,
//                      never per frame)
//   - BatchLine        what one file of a batch import did
//   - ExportAllReport  what "Export all" did
//   - WorkshopModel    start-up and saving, open / add / rename / delete, presentation mode, export
//                      all, the calendar of every organisation, batch import, the comparison's choices
//
// The list, ids, names and the storage layout are core's (core/workshop.h, core/bundle.h); this
// model runs the actions over core's Store (the host's storage) and keeps the open organisation's
// Session in the AppModel. Rules in one place: the untouched first entry every first visit has
// becomes the next organisation added or imported (adopt_untouched_entry), so no empty
// "Organisation 1" is left behind.
#pragma once
#include "app/model/file_intake.h"
#include "core/bundle.h"
#include "core/diagnostics.h"
#include "core/result.h"
#include "core/session.h"
#include "core/texts.h"
#include "core/workshop.h"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

class AppModel;

class WorkshopModel : public FileDestination {
public:
    explicit WorkshopModel(AppModel& app) : app_(app) {}

    // What the list shows of one organisation. The open one's figures come from the live session.
    struct ListRow {
        std::string id;
        bool readable = true;
        Diagnostics problems;  // why it could not be read
        Progress progress;
        std::optional<double> overall;
        std::string updated;   // the entry's timestamp
        Answers answers;       // for the comparison
    };
    // What one file of a batch import did: `added` with the organisation's name (`text`), or not,
    // with a text table key (`key`) or core's reasons (`problems`).
    struct BatchLine {
        std::string file;
        bool added = false;
        std::string name;            // added: the organisation
        std::size_t dropped = 0;     // added: answers left out
        std::string key;             // not added: why, as a text key ("workshop.batch.already_listed", ...)
        Diagnostics problems;        // not added: core's reasons
    };
    // What "Export all" did: how many went into which file, and who was left out and why.
    struct ExportAllReport {
        std::size_t exported = 0;
        std::string where;           // the file (or why saving failed, when `saved` is false)
        bool saved = false;
        struct Skipped {
            std::string name;
            Diagnostics problems;
        };
        std::vector<Skipped> skipped;
        // Exported but not every question answered: marked "unfinished" in the bundle
        // (core/bundle.h), which the municipality counts only when it asks to.
        struct Unfinished {
            std::string name;
            Progress progress;
        };
        std::vector<Unfinished> unfinished;
    };

    // --- Start-up and saving ------------------------------------------------------------------------
    // Reads the list and opens its current assessment into the AppModel's session (first visit: one
    // empty entry; an earlier version's single session is migrated). Problems come back as notices.
    void start();
    // Writes the open assessment and, when it changed, the index. False when storage refused.
    bool save();

    // --- The list ------------------------------------------------------------------------------------
    const Workshop& list() const { return workshop_; }
    const std::string& current() const { return workshop_.current; }
    // The name to show: the profile's organisation name (the entry's name follows it, see
    // follow_profile_name), else the name given when adding or renaming, else "Organisation <n>".
    std::string name_of(const std::string& id) const;
    // One row per entry, in list order (storage is read only for rows that changed since last time).
    std::vector<ListRow> rows();
    bool full() const { return workshop_.entries.size() >= kMaxAssessments; }

    // --- Actions --------------------------------------------------------------------------------------
    // Saves the open assessment, then opens `id` where it left off (results when its profile is
    // complete, else the profile, when coming from the list). False (and a notice) when it cannot be read.
    bool open(const std::string& id);
    // The open one's "Continue": to its results or its profile.
    void continue_current();
    void add(const std::string& name);
    // Renames the entry and writes the name into its profile too (the open one's live, another's stored).
    void rename(const std::string& id, const std::string& name);
    void remove(const std::string& id);

    // The list's text fields and dialogs.
    std::string new_name;
    std::string renaming;          // id of the entry being renamed, "" when none
    std::string rename_text;
    std::string confirm_delete;    // id waiting for confirmation, "" when none
    void start_rename(const std::string& id);
    void ask_delete(const std::string& id) { confirm_delete = id; }

    // --- Presentation mode -------------------------------------------------------------------------
    bool presentation() const { return workshop_.presentation; }
    // On: from the list (more than one organisation) or on the comparison, it opens the comparison
    // at the top, where presentation mode draws the chart first.
    void set_presentation(bool on);
    // The factor presentation mode adds on top of the text size (capped so text stays on screen).
    float presentation_scale(float text_scale) const;

    // --- Export all, batch import ---------------------------------------------------------------------
    void export_all();
    const std::optional<ExportAllReport>& export_report() const { return export_report_; }
    // "What is missing?" before exporting: every organisation that cannot be exported yet, each with
    // its own reasons, and those that would be exported as unfinished (the same check as export_all;
    // run on request, not per frame).
    void check_export();
    const std::optional<std::vector<ExportAllReport::Skipped>>& export_check() const { return export_check_; }
    const std::vector<ExportAllReport::Unfinished>& export_check_unfinished() const { return export_check_unfinished_; }
    // "Tilføj opfølgning til kalenderen" for the whole list: one .ics file with every organisation's
    // follow-up dates (core/calendar.h); unreadable entries are left out. Said in a notice.
    void save_calendar();
    // The list takes many files at once while it is on screen (FileDestination): one file of a batch
    // is a result file, or a bundle whose every member becomes an entry.
    bool takes_files() const;
    std::size_t max_file_bytes() const override;
    void files_announced(std::size_t) override {} // the list counts nothing ahead
    void file_received(const std::string& name, std::string_view bytes) override;
    void file_refused(const std::string& name, std::size_t bytes, Diagnostic why) override;
    // A line of the batch list for a file that was not taken (reasons from core or the host).
    void import_refused(const std::string& file, Diagnostics reasons);
    const std::vector<BatchLine>& batch() const { return batch_; }
    void clear_batch() { batch_.clear(); }

    // --- The comparison's choices ---------------------------------------------------------------------
    bool chosen(const std::string& id) const;
    void toggle_chosen(const std::string& id);
    bool anonymise = false;
    // An organisation with fewer than this share of its visible questions answered is shown apart in
    // the comparison ("for få svar til at sammenligne"), not in its chart and table, unless asked.
    static constexpr double kMinCoverageToCompare = 0.8;
    static bool enough_to_compare(const Progress& progress);
    bool include_few = false; // the comparison shows those with too few answers too (marked)

private:
    void import_one(const std::string& file, std::string_view bytes);
    // The entry's session: the open one live, any other read from storage. False when unreadable.
    bool entry_session(const WorkshopEntry& entry, Session& session, Diagnostics& problems) const;
    // The entry's bundle member (marked unfinished when not every visible question is answered;
    // `progress` says how far), or false with what is missing before it can be exported.
    bool export_entry(const WorkshopEntry& entry, std::set<std::string>& names, BundleMember& member, Progress& progress,
                      Diagnostics& missing) const;
    // Every entry through export_entry: the exportable ones into `members`, the report's skipped and
    // unfinished lists filled (the one pass behind check_export and export_all).
    ExportAllReport gather_export(std::vector<BundleMember>& members) const;
    // The untouched first entry (no name, nothing answered) becomes this organisation. True when it did.
    bool adopt_untouched_entry(const std::string& name, const Session& session);
    void adopt_session(const std::string& id, Session session);
    void invalidate(const std::string& id) { rows_.erase(id); }
    bool follow_profile_name(const std::string& id, const Answers& answers);

    AppModel& app_;
    Workshop workshop_;
    std::string saved_index_;                 // the index text last written
    std::map<std::string, ListRow> rows_;     // rows of entries other than the open one, as last read
    std::vector<BatchLine> batch_;
    std::optional<ExportAllReport> export_report_;
    std::optional<std::vector<ExportAllReport::Skipped>> export_check_;
    std::vector<ExportAllReport::Unfinished> export_check_unfinished_;
    std::set<std::string> unchosen_;          // compared: everyone but these
};

} // namespace mf
