package fr.saisine.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The complaints the benchmark files. The pipeline's are alike (a company, marketing: sector ECO);
 * the staff views' are routed to APSF (a public body: triage's rule {@code public-bodies}) and varied,
 * with names and organisations drawn from a seed, so that a search has something to find and the same
 * seed and index always give the same complaint.
 */
final class Complaints {

    /** A complaint routed to APSF, with what a search for it would type. */
    record Seeded(String json, String complainant, String organisation) {
    }

    private static final List<String> FIRST = List.of("Hélène", "Jean", "Amélie", "François", "Chloé", "Mohamed",
            "Léa", "Jérôme", "Inès", "Noël", "Zoé", "Gaëlle", "Théo", "Anaïs", "Loïc", "Maëlle", "Rémi", "Aïcha",
            "Benoît", "Céline");
    private static final List<String> LAST = List.of("Lefèvre", "Martin", "Bénard", "Dupré", "Nguyen", "Garnier",
            "Hébert", "Rousseau", "Bouchard", "Lemaître", "Fontaine", "Chevalier", "Mercier", "Girard", "Benali",
            "Perrin", "Moreau", "Duval", "Leclerc", "Kervella", "Faure", "Brun", "Gauthier", "Roche", "Dufour");
    private static final List<String> BODIES = List.of("Mairie de %s", "Caisse primaire d'assurance maladie de %s",
            "Préfecture de %s", "Centre hospitalier de %s", "Lycée Jules Ferry de %s",
            "Caisse d'allocations familiales de %s", "Commissariat de police de %s", "Université de %s",
            "Centre des finances publiques de %s", "Conseil départemental de %s");
    private static final List<String> ACTIVITIES = List.of("commune", "sécurité sociale", "préfecture", "hôpital",
            "lycée", "prestations sociales", "police", "université", "impôts", "collectivité territoriale");
    private static final List<String> TOWNS = List.of("Amiens", "Besançon", "Brest", "Caen", "Dijon", "Grenoble",
            "Le Mans", "Lille", "Limoges", "Lyon", "Metz", "Montpellier", "Nancy", "Nantes", "Nîmes", "Orléans",
            "Pau", "Perpignan", "Poitiers", "Reims", "Rennes", "Rouen", "Saint-Étienne", "Strasbourg", "Toulon",
            "Toulouse", "Tours", "Valence", "Vannes", "Villeurbanne");
    private static final List<String> CATEGORIES = List.of("ACCESS_RIGHT", "ERASURE_RIGHT", "VIDEO_SURVEILLANCE",
            "DATA_BREACH", "OTHER");
    private static final List<String> SUBJECTS = List.of("Demande d'accès restée sans réponse",
            "Refus d'effacer mes données", "Caméras filmant la voie publique", "Mes données envoyées à un tiers",
            "Conservation excessive de mon dossier", "Fichier transmis sans mon accord");

    private Complaints() {
    }

    /** Complaint i of the APSF seeding with this seed. */
    static Seeded apsf(long seed, int i) {
        Random random = new Random(seed * 1_000_003L + i);
        String complainant = pick(FIRST, random) + " " + pick(LAST, random);
        int body = random.nextInt(BODIES.size());
        String organisation = BODIES.get(body).formatted(pick(TOWNS, random));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("complainant", Map.of("type", "PERSON", "name", complainant,
                "email", "seed-%d-%d@bench.saisine.example".formatted(seed, i),
                "postalAddress", Map.of("street", (i % 200 + 1) + " rue de la République", "postalCode", "75011",
                        "city", "Paris", "country", "FR"),
                "residence", "METROPOLITAN_FRANCE"));
        json.put("respondent", Map.of("name", organisation, "type", "PUBLIC_BODY", "activity", ACTIVITIES.get(body)));
        json.put("category", pick(CATEGORIES, random));
        json.put("subject", pick(SUBJECTS, random) + " (banc d'essai " + i % 97 + ")");
        json.put("facts", "J'ai écrit à l'organisme à deux reprises sans obtenir de réponse satisfaisante ; "
                + "je demande l'intervention de l'autorité (banc d'essai, plainte " + i + ").");
        return new Seeded(Http.JSON.writeValueAsString(json), complainant, organisation);
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * The erasure's complaint: a commune (a public body: triage's rule {@code public-bodies} routes it
     * to APSF, whose agents close it), one of {@link #TOWNS}, one person written to.
     */
    static String erasable(String tag, int i) {
        return """
                {"complainant": {"type": "PERSON", "name": "Effacement %2$d",
                   "email": "erase-%1$s-%2$d@bench.saisine.example",
                   "postalAddress": {"street": "%2$d rue de l'Oubli", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Mairie de %3$s", "type": "PUBLIC_BODY", "activity": "commune"},
                 "category": "ACCESS_RIGHT",
                 "subject": "Demande d'accès restée sans réponse (banc d'essai)",
                 "facts": "J'ai demandé à la mairie la copie des données qu'elle tient sur moi, sans réponse \
                depuis deux mois."}""".formatted(tag, i, TOWNS.get(i % TOWNS.size()));
    }

    /** The pipeline's complaint: a company, marketing, one person written to. */
    static String pipeline(String tag, int i) {
        return """
                {"complainant": {"type": "PERSON", "name": "Banc d'essai %2$d",
                   "email": "bench-%1$s-%2$d@bench.saisine.example",
                   "postalAddress": {"street": "%2$d rue du Banc", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Banc d'essai SARL", "type": "COMPANY", "activity": "commerce en ligne"},
                 "category": "MARKETING",
                 "subject": "Prospection sans consentement (banc d'essai)",
                 "facts": "Je reçois chaque semaine des courriels publicitaires que je n'ai jamais acceptés, \
                malgré deux demandes d'opposition restées sans réponse."}""".formatted(tag, i);
    }
}
