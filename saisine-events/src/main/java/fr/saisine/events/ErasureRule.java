package fr.saisine.events;

/** Why a complaint's personal data is erased: the line of the retention schedule (docs/retention.md). */
public enum ErasureRule {
    /** the case was closed longer ago than {@code saisine.retention.after-closing} and not reopened */
    AFTER_CLOSING,
    /** the filer never confirmed their address within {@code saisine.retention.unconfirmed} */
    UNCONFIRMED,
    /** the authority's DPO granted a data subject's request for erasure (GDPR art. 17) */
    DATA_SUBJECT_REQUEST
}
