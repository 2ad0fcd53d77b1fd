package fr.saisine.intake.complaint.domain;

/**
 * Proposes the year's next reference. A proposal is only a candidate: the complaint's insert,
 * unique on its reference, is what makes it taken; when another instance got there first,
 * {@link #resync} catches up with what is stored and the next proposal is fresh.
 */
public interface ReferenceAllocator {

    Reference next(int year);

    /** The reference is now a complaint's: later proposals, on any instance, start above it. */
    void taken(Reference reference, int year);

    void resync(int year);
}
