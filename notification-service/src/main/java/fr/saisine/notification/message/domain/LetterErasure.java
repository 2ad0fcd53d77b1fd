package fr.saisine.notification.message.domain;

import java.util.Map;

/** Where a complaint's letters are erased from: the messages, their queue entries and their clock. */
public interface LetterErasure {

    /**
     * What an erasure did: how many records of each kind it erased (kinds with none left out), and
     * the complaint's letters counted by kind and outcome ({@code ACKNOWLEDGEMENT/SENT}), which is
     * all that is kept of them.
     */
    record ErasedLetters(Map<String, Long> erased, Map<String, Long> letters) {
    }

    /** Erases the complaint's letters, the queue first, so that none still queued leaves. */
    ErasedLetters eraseAll(String reference);
}
