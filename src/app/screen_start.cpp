// screen_start.cpp - the first screen: what this is, how long it takes, the privacy promise, and the
// ways in (start, continue where you left off, load an earlier result).
#include "app/app_internal.h"
#include "app/style.h"

#include "imgui.h"

namespace mf {

// Where "Continue" leads: the profile while it is incomplete, else the first theme with unanswered
// questions, else the results.
static void resume() {
    const Questionnaire& q = questionnaire();
    const Answers& a = g_app.session.assessment.answers;
    if (!profile_complete(q, a)) return go_to(Screen::Profile);
    for (std::size_t t = 0; t < q.themes.size(); t++)
        if (!theme_progress(q, a, t).complete()) return go_to_theme(t);
    go_to(Screen::Results);
}

void screen_start() {
    const Questionnaire& q = questionnaire();
    ImGui::Spacing();
    ImGui::PushFont(g_fonts.title);
    ImGui::TextWrapped("Mangfoldighedstjek");
    ImGui::PopFont();
    ui::note_text("heading", "Mangfoldighedstjek", 1);
    ImGui::Spacing();
    ui::paragraph(tr("Bland dig i byen – et selvtjek for virksomheder og organisationer i København: "
                     "mangfoldighed, inklusion og medborgerskab på arbejdspladsen.",
                     "Bland dig i byen – a self-assessment for companies and organisations in Copenhagen: "
                     "diversity, inclusion and citizenship at the workplace."));
    ImGui::Spacing();
    ui::paragraph(q.intro.in(lang()));
    ImGui::Spacing();

    const std::size_t questions = total_progress(q, {}).visible;
    ui::subheading(tr("Sådan foregår det", "How it works"));
    const std::string how = std::string(tr("Du beskriver kort jeres organisation og svarer derefter på omkring ",
                                           "You briefly describe your organisation and then answer about ")) +
                            std::to_string(questions) + tr(" spørgsmål i ", " questions in ") + std::to_string(q.themes.size()) +
                            tr(" temaer. Bagefter ser du jeres resultat, konkrete anbefalinger, "
                               "og du kan lægge en handlingsplan med op til tre fokusområder.",
                               " themes. Afterwards you see your result and concrete "
                               "recommendations, and you can make an action plan with up to three focus areas.");
    ui::paragraph(how);
    ImGui::Spacing();
    ui::notice(ui::Tone::Info,
               tr("Dine svar forlader ikke denne computer. De gemmes kun her i browseren, mens du arbejder, "
                  "og sendes ingen steder hen – før du selv vælger at eksportere en resultatfil.",
                  "Your answers do not leave this computer. They are only kept here in the browser while you work, "
                  "and are sent nowhere – until you choose to export a result file yourself."));
    ImGui::Spacing();

    const Answers& a = g_app.session.assessment.answers;
    if (!a.empty()) {
        const Progress p = total_progress(q, a);
        ui::bold(tr("Du er allerede i gang", "You have already started"));
        ui::muted(std::to_string(p.answered) + tr(" af ", " of ") + std::to_string(p.visible) +
                  tr(" spørgsmål besvaret.", " questions answered."));
        if (ui::primary_button(tr("Fortsæt hvor du slap ›", "Continue where you left off ›"), "continue")) resume();
    } else {
        if (ui::primary_button(tr("Start selvtjekket ›", "Start the self-assessment ›"), "start")) go_to(Screen::Profile);
    }
    ImGui::Spacing();
    ui::subheading(tr("Har du et tidligere resultat?", "Do you have an earlier result?"));
    ui::muted(tr("Indlæs en resultatfil, du har eksporteret før, for at fortsætte med den eller sammenligne.",
                 "Load a result file you exported before, to continue with it or to compare."));
    import_controls(ImportPurpose::Ask);

    // The municipality's side, kept apart from the respondent's flow.
    ImGui::Spacing();
    ImGui::Spacing();
    ui::subheading(tr("For Københavns Kommune", "For the City of Copenhagen"));
    ui::muted(tr("Saml mange organisationers resultatfiler og se tallene samlet.",
                 "Collect many organisations' result files and see the figures together."));
    if (ui::secondary_button(tr("Kommunens overblik ›", "Municipality overview ›"), "municipality")) enter_municipality();
}

} // namespace mf
