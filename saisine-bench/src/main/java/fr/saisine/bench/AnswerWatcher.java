package fr.saisine.bench;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import fr.saisine.events.EventType;
import fr.saisine.events.Topics;

/**
 * Reads complaint-events from its current end and counts, by retention run, the services' answers
 * to its orders ({@code PersonalDataErased}, one per reference and service): the benchmark then
 * reads the run's record once they are all out, rather than over and over, for each reading reads
 * every answer (three a case), which would cost triage and the database a share of the time measured.
 */
final class AnswerWatcher extends TopicWatcher {

    private final Map<String, Set<String>> answers = new ConcurrentHashMap<>();

    AnswerWatcher(String bootstrap) {
        super(bootstrap, Topics.COMPLAINT_EVENTS);
    }

    /** complaint-events carries every event of every complaint: only an answer's is parsed. */
    @Override
    boolean wanted(String value) {
        return value.contains(EventType.PERSONAL_DATA_ERASED.typeName());
    }

    @Override
    void seen(String key, JsonNode event) {
        String runId = runOfAnswer(event);
        if (runId != null) {
            answers.computeIfAbsent(runId, run -> ConcurrentHashMap.newKeySet())
                    .add(key + "/" + event.at("/payload/service").asString());
        }
    }

    /** The run an event answers: a PersonalDataErased of a retention run; null for any other event. */
    static String runOfAnswer(JsonNode event) {
        if (!EventType.PERSONAL_DATA_ERASED.typeName().equals(event.path("type").asString())) {
            return null;
        }
        String runId = event.at("/payload/runId").asString("");
        return runId.isEmpty() ? null : runId;
    }

    /** Answers published for the run so far, each reference and service once. */
    int answered(String runId) {
        Set<String> run = answers.get(runId);
        return run == null ? 0 : run.size();
    }
}
