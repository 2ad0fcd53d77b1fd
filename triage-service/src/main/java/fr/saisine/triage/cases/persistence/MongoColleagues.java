package fr.saisine.triage.cases.persistence;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import fr.saisine.events.StaffActor;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.Colleagues;

/**
 * Staff members seen, one document per subject, written only when what their token says has
 * changed (remembered in memory meanwhile). A few hundred documents at most: read with a filter.
 */
@Component
class MongoColleagues implements Colleagues {

    static final String COLLECTION = "staff_members";

    private static final Logger log = LoggerFactory.getLogger(MongoColleagues.class);

    private final MongoTemplate mongo;
    private final Map<String, StaffMember> written = new ConcurrentHashMap<>();

    MongoColleagues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record StaffDocument(@Id String subject, String username, String name, List<String> roles, List<String> sectors,
            boolean worksCases) {
    }

    /**
     * Best effort, and once per process for a staff member's concurrent requests: the first one
     * writes. Two upserts of one document at once make FerretDB answer a malformed write error
     * (docs/ferretdb.md); a change to a case must never fail for this directory's sake.
     */
    @Override
    public void remember(StaffMember staff) {
        if (staff.equals(written.put(staff.subject(), staff))) {
            return;
        }
        try {
            mongo.save(new StaffDocument(staff.subject(), staff.username(), staff.displayName(), staff.sortedRoles(),
                    staff.sortedSectors(), staff.worksCases()), COLLECTION);
        }
        catch (RuntimeException ex) {
            written.remove(staff.subject(), staff);
            log.warn("colleague {} not remembered this time: {}", staff.username(), LogSafe.describe(ex));
        }
    }

    @Override
    public Optional<StaffActor> inSector(String username, String sector) {
        return of(sector).stream().filter(s -> username.equals(s.username())).findFirst();
    }

    @Override
    public List<StaffActor> of(String sector) {
        Query query = new Query(Criteria.where("sectors").is(sector).and("worksCases").is(true));
        return mongo.find(query, StaffDocument.class, COLLECTION).stream()
                .map(s -> new StaffActor(s.subject(), s.username(), s.name()))
                .sorted(Comparator.comparing(StaffActor::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
