package fr.saisine.notification.message.domain;

import java.util.Collection;
import java.util.Map;

/** Where complaints' letters are erased from: the messages, their queue entries and their clock. */
public interface LetterErasure {

    /**
     * What an erasure did to one complaint: how many records of each kind it erased (kinds with
     * none left out), and the complaint's letters counted by kind and outcome
     * ({@code ACKNOWLEDGEMENT/SENT}), which is all that is kept of them.
     */
    record ErasedLetters(Map<String, Long> erased, Map<String, Long> letters) {
    }

    /**
     * Erases these complaints' letters, the queue first, so that none still queued leaves: each
     * step one command for them all, whatever their number.
     *
     * @return what was erased of each, by reference (every reference given)
     */
    Map<String, ErasedLetters> eraseAll(Collection<String> references);
}
