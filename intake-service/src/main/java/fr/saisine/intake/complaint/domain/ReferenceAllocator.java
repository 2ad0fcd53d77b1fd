package fr.saisine.intake.complaint.domain;

/** Hands out each reference once, atomically, across every instance of the service. */
public interface ReferenceAllocator {

    Reference next(int year);
}
