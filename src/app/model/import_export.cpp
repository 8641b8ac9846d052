// import_export.cpp - one result file in or out: the import and its choice (continue or compare),
// the export, the printable report (see model.h).
//
// Index
//   - import     choosing a file, what arrives, continuing with it or comparing with it
//   - export     the result file as it would be written now, saving it
//   - report     core's report page through the host (a tab, or a file)
#include "app/model/model.h"

#include "core/clock.h"
#include "core/report.h"
#include "core/scoring.h"

namespace mf {

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------
std::string& AppModel::import_path() {
    if (import_path_.empty() && !host_.has_file_picker()) import_path_ = host_.documents_folder() + "/";
    return import_path_;
}

void AppModel::choose_import(ImportPurpose purpose) {
    import_purpose_ = purpose;
    std::string error;
    if (!host_.choose_file(import_path(), error)) {
        PendingImport p;
        p.file = import_path_;
        p.problems.push_back(Diagnostic{Diagnostic::Severity::Error, import_path_, "", error});
        pending_import_ = std::move(p);
        import_purpose_ = ImportPurpose::Ask;
    }
}

void AppModel::adopt_import(ImportPurpose purpose) {
    if (!pending_import_ || !pending_import_->result) return;
    const ImportedResult& r = *pending_import_->result;
    const std::string file = pending_import_->file;
    if (purpose == ImportPurpose::Continue || purpose == ImportPurpose::NextRound) {
        const std::string kept_language = session_.assessment.language;
        session_.assessment = r.assessment;
        session_.assessment.language = kept_language; // the user's choice of language stays
        session_.drafts.clear();
        if (purpose == ImportPurpose::NextRound) {
            // A new round: its own created time, and the plan is made anew after the follow-up.
            session_.assessment.created.clear();
            session_.assessment.action_plan = {};
            session_.assessment.follow_up.reset();
        }
        answers_changed();
    }
    if (purpose == ImportPurpose::Compare || purpose == ImportPurpose::NextRound) {
        EarlierResult e;
        e.file = file;
        e.created = r.assessment.created;
        e.organisation = organisation_name(questionnaire(), r.assessment.answers);
        e.scores = r.stored_scores;
        session_.earlier = e;
        // Its plan is followed up, unless this assessment already follows that very file up.
        const std::optional<FollowUp>& f = session_.assessment.follow_up;
        if (!r.stored_plan.areas.empty() && !(f && f->earlier_checksum == r.content_checksum)) {
            session_.assessment.follow_up = start_follow_up(r.stored_plan, r.assessment.created, r.content_checksum);
            answers_changed();
        }
    }
    if (purpose == ImportPurpose::Continue) {
        go_to(profile_complete(questionnaire(), answers()) ? Screen::Results : Screen::Profile);
        notify("notice.loaded", {{"file", file}});
    } else {
        // A new round goes on to the follow-up; a comparison shows the results, where last year's goals
        // are listed with the way to the follow-up.
        go_to(purpose == ImportPurpose::NextRound && follow_up() ? Screen::FollowUp : Screen::Results);
        notify("notice.comparing", {{"file", file}});
    }
    pending_import_.reset();
}

void AppModel::dismiss_import() { pending_import_.reset(); }

void AppModel::remove_comparison() {
    session_.earlier.reset();
    session_changed();
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------
std::string AppModel::export_file_name_now() const {
    return export_file_name(organisation_name(questionnaire(), answers()), host_.today());
}

std::string AppModel::export_file_name_ending(const std::string& ending) const {
    std::string file = export_file_name_now();
    if (file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0) file.resize(file.size() - 5);
    return file + ending;
}

ExportOutcome AppModel::prepare_export() const {
    // An assessment nobody has touched yet has no times; they are not the respondent's to fix, so
    // the export page lists only what is: the file would be made now.
    Assessment a = session_.assessment;
    if (a.created.empty()) a.created = host_.now_timestamp();
    if (a.updated.empty()) a.updated = a.created;
    return export_result(questionnaire(), a, export_file_name_now());
}

std::string& AppModel::export_path() {
    if (export_path_.empty() || export_path_.back() == '/') export_path_ = host_.documents_folder() + "/" + export_file_name_now();
    return export_path_;
}

void AppModel::save_export(const std::string& path) {
    const ExportOutcome outcome = prepare_export();
    if (!outcome.ok()) return;
    std::string where;
    if (host_.save_file(host_.has_file_picker() ? export_file_name_now() : path, outcome.text, "application/json", where)) {
        last_export_ = where;
        export_error_.clear();
        notify(host_.has_file_picker() ? "notice.result_downloaded" : "notice.saved", {{"where", where}});
    } else {
        export_error_ = where;
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------
std::string AppModel::statement_url() const { return language() == "en" ? "tilgaengelighed.html#en" : "tilgaengelighed.html"; }

void AppModel::open_statement() {
    if (!host_.open_page(statement_url())) notify("statement.not_opened");
}

void AppModel::open_report() {
    const Questionnaire& q = questionnaire();
    ReportOptions options;
    options.date = host_.today();
    if (session_.earlier) options.earlier = ReportEarlier{session_.earlier->created, session_.earlier->scores};
    const std::string html = report_html(q, session_.assessment, compute_scores(q, answers()), options);
    const std::string file = export_file_name_ending("-rapport.html");
    std::string where;
    if (!host_.show_html(file, html, where)) notify("notice.report_failed", {{"reason", where}});
    else if (where == "tab") notify("notice.report_tab");
    else notify("notice.report_saved", {{"where", where}});
}

} // namespace mf
