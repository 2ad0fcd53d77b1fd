package fr.saisine.triage.cases.web;

import org.springframework.stereotype.Component;

import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseLetters;
import fr.saisine.triage.cases.domain.CaseReading;

/** Puts together what the case API answers: the case, its related cases, its letters. */
@Component
class CaseViews {

    static final int MAX_RELATED = 100;

    private final CaseReading reading;
    private final CaseLetters letters;

    CaseViews(CaseReading reading, CaseLetters letters) {
        this.reading = reading;
        this.letters = letters;
    }

    CaseView of(Case current) {
        return CaseView.of(current, reading.related(current.state(), MAX_RELATED),
                letters.of(current.state().reference()));
    }
}
