package cn.cqs.server.orgs;

import cn.cqs.contract.orgs.CreateOrganisationRequest;
import cn.cqs.contract.orgs.Organisation;
import cn.cqs.contract.orgs.OrganisationCreated;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Region;
import cn.cqs.contract.orgs.RegionLevel;
import cn.cqs.contract.orgs.Uscc;
import cn.cqs.contract.orgs.Warning;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Organisations: regulators in the province > city > county tree and enterprises identified by
 * their unified social credit code. A regulator administrator registers organisations in its
 * jurisdiction; everybody else sees only their own organisation.
 */
public final class OrganisationService {
    private final Jdbi jdbi;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    public OrganisationService(Jdbi jdbi, Regions regions, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Organisations the principal may see: its own, and for a regulator those in its jurisdiction. */
    public List<Organisation> visible(Principal p) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from organisation o
                        where o.id = :org or (:regulator and o.region_code in (select code from region_subtree(:region)))
                        order by o.region_code, o.name""")
                .bind("org", p.organisationId()).bind("regulator", p.isRegulator())
                .bind("region", p.organisationRegionCode())
                .map((rs, c) -> organisation(rs)).list());
    }

    /** One organisation, or 404 when it does not exist or the principal may not see it. */
    public Organisation get(Principal p, UUID id) {
        return jdbi.withHandle(h -> findVisible(h, p, id)).orElseThrow(() -> ApiException.notFound("Organisation"));
    }

    Optional<Organisation> findVisible(Handle h, Principal p, UUID id) {
        return h.createQuery("""
                        select * from organisation o
                        where o.id = :id and (o.id = :org
                              or (:regulator and o.region_code in (select code from region_subtree(:region))))""")
                .bind("id", id).bind("org", p.organisationId()).bind("regulator", p.isRegulator())
                .bind("region", p.organisationRegionCode())
                .map((rs, c) -> organisation(rs)).findOne();
    }

    public Optional<Organisation> findByUscc(Handle h, String uscc) {
        return h.createQuery("select * from organisation where uscc = :u").bind("u", uscc)
                .map((rs, c) -> organisation(rs)).findOne();
    }

    public OrganisationCreated create(Principal p, CreateOrganisationRequest request) {
        if (!p.isRegulator()) {
            throw ApiException.forbidden("Only a regulator registers organisations");
        }
        p.requireUser();
        p.requireAdministrator();
        return jdbi.inTransaction(h -> {
            Validation v = new Validation().text("name", request.name(), 200).required("kind", request.kind())
                    .required("regionCode", request.regionCode());
            Optional<Region> region = Optional.empty();
            if (request.regionCode() != null) {
                region = regions.find(h, request.regionCode());
                if (region.isEmpty()) {
                    v.add("regionCode", "unknown", "Region code " + request.regionCode() + " is not known");
                } else if (!regions.within(h, request.regionCode(), p.organisationRegionCode())) {
                    v.add("regionCode", "outside_jurisdiction", "Region " + request.regionCode()
                            + " is outside your jurisdiction");
                } else if (request.kind() == OrganisationKind.REGULATOR
                        && request.regionCode().equals(p.organisationRegionCode())) {
                    v.add("regionCode", "not_below", "A new regulator must be for a region below yours");
                }
            }
            List<Warning> warnings = new ArrayList<>();
            String uscc = null;
            if (request.uscc() != null || (request.kind() != null && request.kind().isEnterprise())) {
                Uscc.Check check = Uscc.check(request.uscc());
                if (check.status() == Uscc.Status.INVALID) {
                    v.add("uscc", check.reason(), check.message());
                } else {
                    uscc = check.code();
                    if (check.status() == Uscc.Status.CHECK_DIGIT_MISMATCH) {
                        warnings.add(new Warning("uscc", check.reason(), check.message()));
                    }
                }
            }
            v.throwIfInvalid();
            if (uscc != null && findByUscc(h, uscc).isPresent()) {
                throw new ApiException(409, ProblemTypes.CONFLICT, "An organisation with this code is already registered",
                        List.of(new Problem.FieldError("uscc", "duplicate", "Already registered")), Map.of());
            }
            UUID parent = null;
            if (request.kind() == OrganisationKind.REGULATOR) {
                boolean exists = h.createQuery("select exists (select 1 from organisation where kind = 'REGULATOR' and region_code = :r)")
                        .bind("r", request.regionCode()).mapTo(Boolean.class).one();
                if (exists) {
                    throw new ApiException(409, ProblemTypes.CONFLICT, "A regulator for region " + request.regionCode()
                            + " already exists", List.of(new Problem.FieldError("regionCode", "duplicate",
                            "This region already has a regulator")), Map.of());
                }
                String parentRegion = region.map(Region::parentCode).orElse(null);
                parent = h.createQuery("select id from organisation where kind = 'REGULATOR' and region_code = :r")
                        .bind("r", parentRegion).mapTo(UUID.class).findOne().orElse(p.organisationId());
            }
            Instant now = clock.instant();
            Organisation org = new Organisation(UUID.randomUUID(), request.name().strip(), request.kind(), uscc,
                    request.regionCode(), parent, now, 1);
            insert(h, org);
            audit.record(h, p, now, "organisation.create", "organisation", org.id(), null, null, org);
            return new OrganisationCreated(org, warnings);
        });
    }

    /** Inserts without checks; for the service above and the demo seed. */
    public static void insert(Handle h, Organisation org) {
        h.createUpdate("""
                        insert into organisation (id, name, kind, uscc, region_code, parent_id, created_at, updated_at, version)
                        values (:id, :name, :kind, :uscc, :region, cast(:parent as uuid), :now, :now, :version)""")
                .bind("id", org.id()).bind("name", org.name()).bind("kind", org.kind().name())
                .bind("uscc", org.uscc()).bind("region", org.regionCode()).bind("parent", org.parentId())
                .bind("now", Sql.ts(org.createdAt())).bind("version", org.version()).execute();
    }

    /** Whether the principal may manage the users of {@code org} (which it can see). */
    boolean administers(Handle h, Principal p, Organisation org) {
        if (!p.isAdministrator() || p.userId() == null) {
            return false;
        }
        if (org.id().equals(p.organisationId())) {
            return true;
        }
        if (!p.isRegulator()) {
            return false;
        }
        if (org.kind() == OrganisationKind.REGULATOR) {
            // R3: regulator administrators are maintained by the province.
            return regions.find(h, p.organisationRegionCode()).map(r -> r.level() == RegionLevel.PROVINCE).orElse(false);
        }
        // Until single sign-on creates enterprise administrators (R4), the regulator registers them.
        return true;
    }

    static Organisation organisation(ResultSet rs) throws SQLException {
        return new Organisation(Sql.uuid(rs, "id"), rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("uscc"), Sql.trimmedChar(rs, "region_code"), Sql.uuid(rs, "parent_id"),
                Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
