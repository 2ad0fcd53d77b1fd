package fr.saisine.triage.cases.web;

import java.util.Collection;

class UnknownSectorException extends RuntimeException {

    UnknownSectorException(String code, Collection<String> known) {
        super("no sector has the code '" + code + "'; the sectors are " + known);
    }
}
