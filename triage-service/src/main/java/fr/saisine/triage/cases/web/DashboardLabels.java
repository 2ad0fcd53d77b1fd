package fr.saisine.triage.cases.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import fr.saisine.events.Category;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.MessageKind;
import fr.saisine.events.Priority;
import fr.saisine.triage.cases.domain.CaseStatus;

/** The French words staff read on the dashboard for each code; templates call it as {@code @dashboardLabels}. */
@Component
class DashboardLabels {

    /** The statuses a case in a queue can have: every one but déposée (before routing) and clôturée. */
    static final List<CaseStatus> OPEN_STATUSES = Arrays.stream(CaseStatus.values())
            .filter(s -> s != CaseStatus.SUBMITTED && s != CaseStatus.CLOSED).toList();

    public List<CaseStatus> openStatuses() {
        return OPEN_STATUSES;
    }

    public List<Category> categories() {
        return List.of(Category.values());
    }

    public List<ClosureOutcome> outcomes() {
        return List.of(ClosureOutcome.values());
    }

    public String category(Category category) {
        return category == null ? "—" : switch (category) {
            case VIDEO_SURVEILLANCE -> "vidéosurveillance";
            case ACCESS_RIGHT -> "droit d'accès";
            case ERASURE_RIGHT -> "droit à l'effacement";
            case MARKETING -> "prospection commerciale";
            case DELISTING -> "déréférencement";
            case EMPLOYEE_MONITORING -> "surveillance au travail";
            case HEALTH_DATA -> "données de santé";
            case DATA_BREACH -> "violation de données";
            case OTHER -> "autre";
        };
    }

    /** A status as the staff views hold it, by name: its label, or the name if this build knows no such status. */
    public String status(String name) {
        try {
            return CaseStatus.valueOf(name).label();
        }
        catch (IllegalArgumentException | NullPointerException unknown) {
            return name;
        }
    }

    public String priority(Priority priority) {
        return priority == Priority.HIGH ? "haute" : "normale";
    }

    public String outcome(ClosureOutcome outcome) {
        return outcome == null ? "" : switch (outcome) {
            case REMINDER_OF_OBLIGATIONS -> "rappel aux obligations";
            case FORMAL_NOTICE -> "mise en demeure";
            case SANCTION_PROCEDURE -> "procédure de sanction";
            case NO_BREACH -> "absence de manquement";
            case INADMISSIBLE -> "irrecevable";
            case REFERRED_TO_OTHER_AUTHORITY -> "transmise à une autre autorité";
            case WITHDRAWN -> "désistement du plaignant";
        };
    }

    /** What the button that moves a case to {@code status} says: the action, in words. */
    public String action(CaseStatus status) {
        return switch (status) {
            case UNDER_REVIEW -> "Passer la saisine en cours d'instruction";
            case INFORMATION_REQUESTED -> "Demander un complément au plaignant";
            case INTERVENTION -> "Engager une intervention auprès de l'organisme";
            case CLOSED -> "Clôturer la saisine";
            case REOPENED -> "Rouvrir la saisine";
            case SUBMITTED, TRIAGED -> "Passer au statut « " + status.label() + " »";
        };
    }

    public String letterKind(MessageKind kind) {
        return kind == null ? "courrier" : switch (kind) {
            case ACKNOWLEDGEMENT -> "accusé de réception";
            case UNDER_REVIEW -> "mise en instruction";
            case INFORMATION_REQUESTED -> "demande de complément";
            case INTERVENTION -> "intervention auprès de l'organisme";
            case CLOSED -> "clôture";
            case REOPENED -> "réouverture";
            case PROGRESS -> "point d'étape (trois mois sans nouvelles)";
            case ANSWER_RECEIVED -> "accusé de réception de sa réponse";
            case FOLLOW_UP_LINK -> "nouveau lien de suivi, à sa demande";
        };
    }

    public String letterStatus(String status) {
        return switch (status == null ? "" : status) {
            case "SENT" -> "envoyé";
            case "FAILED" -> "échec de l'envoi";
            default -> status == null ? "inconnu" : status;
        };
    }
}
