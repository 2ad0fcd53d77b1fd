package fr.saisine.triage.retention.domain;

import org.springframework.stereotype.Service;

import fr.saisine.events.PersonalDataErased;

/** Each service's answer to an order, kept with the run that ordered it (its elimination record). */
@Service
public class ErasureAnswers {

    private final Eliminations eliminations;

    ErasureAnswers(Eliminations eliminations) {
        this.eliminations = eliminations;
    }

    public void record(PersonalDataErased answer) {
        if (answer.runId() != null) {
            eliminations.recordAnswer(answer);
        }
    }
}
