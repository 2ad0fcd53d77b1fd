package fr.saisine.triage.retention.domain;

import java.util.List;

import org.springframework.stereotype.Service;

import fr.saisine.events.PersonalDataErased;

/** Each service's answer to an order, kept with the run that ordered it (its elimination record). */
@Service
public class ErasureAnswers {

    private final Eliminations eliminations;

    ErasureAnswers(Eliminations eliminations) {
        this.eliminations = eliminations;
    }

    /** Answers without a run (a service's own erasure, outside any run) are no run's to keep. */
    public void recordAll(List<PersonalDataErased> answers) {
        List<PersonalDataErased> ofRuns = answers.stream().filter(answer -> answer.runId() != null).toList();
        if (!ofRuns.isEmpty()) {
            eliminations.recordAnswers(ofRuns);
        }
    }
}
