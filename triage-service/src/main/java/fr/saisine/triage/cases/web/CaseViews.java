package fr.saisine.triage.cases.web;

import java.util.List;
import java.util.stream.IntStream;

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
        List<CaseLetters.Letter> sent = letters.of(current.state().reference());
        List<CaseLetters.Letter> shown = !current.state().isAnonymised() ? sent
                // as the erasure leaves them, even before its order has reached the letters' store
                : IntStream.range(0, sent.size()).mapToObj(i -> new CaseLetters.Letter("erased-" + (i + 1),
                        sent.get(i).kind(), null, null, sent.get(i).status(), sent.get(i).at(), null)).toList();
        return CaseView.of(current, reading.related(current.state(), MAX_RELATED), shown);
    }
}
