package fr.saisine.events;

import java.util.Arrays;
import java.util.Optional;

/** The registry of event types: the name written in {@code type}, its schema version and its record. */
public enum EventType {

    COMPLAINT_SUBMITTED("ComplaintSubmitted", 1, ComplaintSubmitted.class),
    COMPLAINT_TRIAGED("ComplaintTriaged", 1, ComplaintTriaged.class),
    COMPLAINT_STATUS_CHANGED("ComplaintStatusChanged", 1, ComplaintStatusChanged.class),
    CASE_ASSIGNED("CaseAssigned", 1, CaseAssigned.class),
    CASE_MOVED_TO_SECTOR("CaseMovedToSector", 1, CaseMovedToSector.class),
    NOTIFICATION_DELIVERED("NotificationDelivered", 1, NotificationDelivered.class),
    NOTIFICATION_FAILED("NotificationFailed", 1, NotificationFailed.class),
    FOLLOW_UP_LINK_ISSUED("FollowUpLinkIssued", 1, FollowUpLinkIssued.class),
    FOLLOW_UP_LINK_REQUESTED("FollowUpLinkRequested", 1, FollowUpLinkRequested.class),
    COMPLAINANT_ANSWERED("ComplainantAnswered", 1, ComplainantAnswered.class),
    WITHDRAWAL_REQUESTED("WithdrawalRequested", 1, WithdrawalRequested.class),
    CASE_SUMMARY("CaseSummary", 1, CaseSummary.class),
    ERASURE_ORDERED("ErasureOrdered", 1, ErasureOrdered.class),
    PERSONAL_DATA_ERASED("PersonalDataErased", 1, PersonalDataErased.class);

    private final String typeName;
    private final int schemaVersion;
    private final Class<? extends Event> payloadType;

    EventType(String typeName, int schemaVersion, Class<? extends Event> payloadType) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.payloadType = payloadType;
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends Event> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> named(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }

    static EventType of(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType == payloadType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a registered event: " + payloadType));
    }
}
