package fr.saisine.notification.message.domain;

/**
 * Who handles a case, as the letters say it: its sector (whose signatory signs), and the member of
 * staff it is assigned to, null until then (then no "N/Réf." nor "Instruction du dossier").
 */
public record CaseHandling(String sectorCode, String sectorName, String assignee) {

    public static CaseHandling of(CorrespondenceClock.CaseState state) {
        return new CaseHandling(state.sectorCode(), state.sectorName(), state.assignee());
    }
}
