package fr.saisine.events;

/** A payload that travels in an {@link EventEnvelope}; every event concerns one complaint. */
public sealed interface Event
        permits ComplaintSubmitted, ComplaintTriaged, ComplaintStatusChanged, CaseAssigned, CaseMovedToSector,
        NotificationDelivered, NotificationFailed, FollowUpLinkIssued, FollowUpLinkRequested, ComplainantAnswered,
        WithdrawalRequested, CaseSummary, ErasureOrdered, PersonalDataErased {

    String reference();
}
