package fr.saisine.triage.cases.persistence;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import fr.saisine.events.StaffActor;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.Colleagues;

/**
 * Staff members seen, one document per subject, written only when what their token says has
 * changed (remembered in memory meanwhile). A few hundred documents at most: read with a filter.
 */
@Component
class MongoColleagues implements Colleagues {

    static final String COLLECTION = "staff_members";

    private final MongoTemplate mongo;
    private final Map<String, StaffMember> written = new ConcurrentHashMap<>();

    MongoColleagues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record StaffDocument(@Id String subject, String username, String name, List<String> roles, List<String> sectors,
            boolean worksCases) {
    }

    @Override
    public void remember(StaffMember staff) {
        if (staff.equals(written.get(staff.subject()))) {
            return;
        }
        mongo.save(new StaffDocument(staff.subject(), staff.username(), staff.displayName(), staff.sortedRoles(),
                staff.sortedSectors(), staff.worksCases()), COLLECTION);
        written.put(staff.subject(), staff);
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
