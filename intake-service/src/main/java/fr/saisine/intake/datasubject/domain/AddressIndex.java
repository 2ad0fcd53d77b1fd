package fr.saisine.intake.datasubject.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which complaints name an email address, by the address's hash ({@link Addresses#hash}): what the
 * DPO's data-subject requests need to find a person's complaints without reading them all. Written
 * when a complaint is filed, emptied of a complaint when it is erased. An entry is a hint, never
 * proof: whoever reads it checks that the complaint names the address.
 */
public interface AddressIndex {

    /** Lists the complaint under each address; listing it again changes nothing. */
    void index(String reference, Collection<String> addresses);

    /** The complaints listed under the address. */
    Set<String> references(String address);

    /** Takes each complaint off the lists of its addresses, all at once: how many entries went. */
    long removeAll(Map<String, ? extends Collection<String>> addressesByReference);
}
