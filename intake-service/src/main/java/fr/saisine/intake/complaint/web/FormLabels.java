package fr.saisine.intake.complaint.web;

import java.util.Map;

/** The French wording of each choice on the form. */
final class FormLabels {

    static final Map<String, String> FRENCH = Map.ofEntries(
            Map.entry("PERSON", "Une personne"),
            Map.entry("ORGANISATION", "Un organisme (association, groupe d'élus, entreprise…)"),
            Map.entry("METROPOLITAN_FRANCE", "France métropolitaine"),
            Map.entry("OVERSEAS", "Outre-mer (Guadeloupe, Guyane, Martinique, La Réunion, Mayotte, collectivités d'outre-mer)"),
            Map.entry("ABROAD", "À l'étranger"),
            Map.entry("PUBLIC_BODY", "Organisme public (administration, collectivité, hôpital, école…)"),
            Map.entry("COMPANY", "Entreprise"),
            Map.entry("ASSOCIATION", "Association"),
            Map.entry("INDIVIDUAL", "Particulier"),
            Map.entry("VIDEO_SURVEILLANCE", "Vidéosurveillance"),
            Map.entry("ACCESS_RIGHT", "Droit d'accès à mes données"),
            Map.entry("ERASURE_RIGHT", "Droit à l'effacement"),
            Map.entry("MARKETING", "Prospection commerciale"),
            Map.entry("DELISTING", "Déréférencement d'un moteur de recherche"),
            Map.entry("EMPLOYEE_MONITORING", "Surveillance au travail"),
            Map.entry("HEALTH_DATA", "Données de santé"),
            Map.entry("DATA_BREACH", "Violation de données"),
            Map.entry("OTHER", "Autre"));

    private FormLabels() {
    }
}
