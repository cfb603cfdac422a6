package cn.cqs.server.projects;

import cn.cqs.contract.orgs.Organisation;
import cn.cqs.contract.projects.Project;
import cn.cqs.contract.projects.ProjectLinkRequest;
import cn.cqs.contract.projects.ProjectRequest;
import cn.cqs.contract.orgs.Uscc;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Validation;
import cn.cqs.server.orgs.OrganisationService;
import cn.cqs.server.orgs.Regions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Projects (工程). An enterprise sees the projects it created or is linked to; a regulator sees the
 * projects located in its region and below. Anything else is a 404, so existence does not leak.
 * Changes need the version the client read (optimistic concurrency) and are audited.
 */
public final class ProjectService {
    /** The visibility rule as SQL over alias {@code p}, binding :org, :regulator and :region. */
    public static final String VISIBLE = """
            ((:regulator and p.region_code in (select code from region_subtree(:region)))
             or (not :regulator and (p.created_by_organisation_id = :org
                 or exists (select 1 from project_organisation po where po.project_id = p.id and po.organisation_id = :org))))""";
    private final Jdbi jdbi;
    private final Regions regions;
    private final OrganisationService organisations;
    private final AuditLog audit;
    private final Clock clock;

    public ProjectService(Jdbi jdbi, Regions regions, OrganisationService organisations, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.regions = regions;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Project> list(Principal p) {
        return jdbi.withHandle(h -> scoped(h.createQuery("select * from project p where " + VISIBLE
                + " order by p.created_at desc, p.id"), p).map((rs, c) -> project(rs)).list());
    }

    public Project get(Principal p, UUID id) {
        return jdbi.withHandle(h -> findVisible(h, p, id)).orElseThrow(() -> ApiException.notFound("Project"));
    }

    /** Creates a project inside the caller's transaction (so an idempotent POST stores it atomically). */
    public Project create(Handle h, Principal p, ProjectRequest request) {
        validate(h, p, request);
        Instant now = clock.instant();
        Project project = new Project(UUID.randomUUID(), request.name().strip(), request.regionCode(),
                request.address().strip(), Validation.trim(request.ownerParty()), Validation.trim(request.contractorParty()),
                Validation.trim(request.supervisorParty()), p.organisationId(), now, now, 1);
        insert(h, project);
        audit.record(h, p, now, "project.create", "project", project.id(), project.id(), null, project);
        return project;
    }

    public Project update(Principal p, UUID id, long expectedVersion, ProjectRequest request) {
        return jdbi.inTransaction(h -> {
            Project before = findVisible(h, p, id).orElseThrow(() -> ApiException.notFound("Project"));
            requireMayEdit(p, before);
            validate(h, p, request);
            if (before.version() != expectedVersion) {
                throw Etags.conflict("project", before.version());
            }
            Instant now = clock.instant();
            Project after = new Project(id, request.name().strip(), request.regionCode(), request.address().strip(),
                    Validation.trim(request.ownerParty()), Validation.trim(request.contractorParty()),
                    Validation.trim(request.supervisorParty()), before.createdByOrganisationId(), before.createdAt(),
                    now, expectedVersion + 1);
            int changed = h.createUpdate("""
                            update project set name = :name, region_code = :region, address = :address, owner_party = :owner,
                                   contractor_party = :contractor, supervisor_party = :supervisor, updated_at = :now,
                                   version = version + 1
                             where id = :id and version = :version""")
                    .bind("name", after.name()).bind("region", after.regionCode()).bind("address", after.address())
                    .bind("owner", after.ownerParty()).bind("contractor", after.contractorParty())
                    .bind("supervisor", after.supervisorParty()).bind("now", Sql.ts(now)).bind("id", id)
                    .bind("version", expectedVersion).execute();
            if (changed == 0) {
                throw Etags.conflict("project", expectedVersion + 1);
            }
            audit.record(h, p, now, "project.update", "project", id, id, before, after);
            return after;
        });
    }

    /** Links an organisation (e.g. the commissioned testing agency) to a project it may then see. */
    public Organisation link(Principal p, UUID id, ProjectLinkRequest request) {
        return jdbi.inTransaction(h -> {
            Project project = findVisible(h, p, id).orElseThrow(() -> ApiException.notFound("Project"));
            requireMayEdit(p, project);
            Uscc.Check check = Uscc.check(request.uscc());
            if (check.status() == Uscc.Status.INVALID) {
                throw ApiException.validation("uscc", check.reason(), check.message());
            }
            Organisation org = organisations.findByUscc(h, check.code()).filter(o -> o.kind().isEnterprise())
                    .orElseThrow(() -> ApiException.validation("uscc", "unknown",
                            "No enterprise is registered with this code"));
            Instant now = clock.instant();
            int added = h.createUpdate("""
                            insert into project_organisation (project_id, organisation_id, linked_at) values (:p, :o, :now)
                            on conflict do nothing""")
                    .bind("p", id).bind("o", org.id()).bind("now", Sql.ts(now)).execute();
            if (added > 0) {
                audit.record(h, p, now, "project.link", "project_organisation", id + "/" + org.id(), id, null,
                        java.util.Map.of("projectId", id, "organisationId", org.id(), "uscc", org.uscc()));
            }
            return org;
        });
    }

    private void requireMayEdit(Principal p, Project project) {
        if (!p.isRegulator() && !project.createdByOrganisationId().equals(p.organisationId())) {
            throw ApiException.forbidden("Only the organisation that registered the project (or its regulator) may change it");
        }
    }

    private void validate(Handle h, Principal p, ProjectRequest r) {
        Validation v = new Validation().text("name", r.name(), ProjectRequest.MAX_TEXT)
                .text("address", r.address(), ProjectRequest.MAX_TEXT)
                .optionalText("ownerParty", r.ownerParty(), ProjectRequest.MAX_TEXT)
                .optionalText("contractorParty", r.contractorParty(), ProjectRequest.MAX_TEXT)
                .optionalText("supervisorParty", r.supervisorParty(), ProjectRequest.MAX_TEXT)
                .required("regionCode", r.regionCode());
        if (r.regionCode() != null) {
            if (regions.find(h, r.regionCode()).isEmpty()) {
                v.add("regionCode", "unknown", "Region code " + r.regionCode() + " is not known");
            } else if (p.isRegulator() && !regions.within(h, r.regionCode(), p.organisationRegionCode())) {
                v.add("regionCode", "outside_jurisdiction", "Region " + r.regionCode() + " is outside your jurisdiction");
            }
        }
        v.throwIfInvalid();
    }

    /** The project if the principal may see it (an enterprise: created or linked; a regulator: in its jurisdiction). */
    public Optional<Project> findVisible(Handle h, Principal p, UUID id) {
        return scoped(h.createQuery("select * from project p where p.id = :id and " + VISIBLE), p).bind("id", id)
                .map((rs, c) -> project(rs)).findOne();
    }

    /** Binds :org, :regulator and :region of {@link #VISIBLE} for the principal. */
    public static <S extends SqlStatement<S>> S scoped(S statement, Principal p) {
        return statement.bind("org", p.organisationId()).bind("regulator", p.isRegulator())
                .bind("region", p.organisationRegionCode());
    }

    /** Inserts without checks; for the service above and the demo seed. */
    public static void insert(Handle h, Project project) {
        h.createUpdate("""
                        insert into project (id, name, region_code, address, owner_party, contractor_party, supervisor_party,
                                             created_by_organisation_id, created_at, updated_at, version)
                        values (:id, :name, :region, :address, :owner, :contractor, :supervisor, :org, :created, :updated, :version)""")
                .bind("id", project.id()).bind("name", project.name()).bind("region", project.regionCode())
                .bind("address", project.address()).bind("owner", project.ownerParty())
                .bind("contractor", project.contractorParty()).bind("supervisor", project.supervisorParty())
                .bind("org", project.createdByOrganisationId()).bind("created", Sql.ts(project.createdAt()))
                .bind("updated", Sql.ts(project.updatedAt())).bind("version", project.version()).execute();
    }

    public static void linkUnchecked(Handle h, UUID projectId, UUID organisationId, Instant at) {
        h.createUpdate("insert into project_organisation (project_id, organisation_id, linked_at) values (:p, :o, :at)")
                .bind("p", projectId).bind("o", organisationId).bind("at", Sql.ts(at)).execute();
    }

    /** Maps a {@code project} row. */
    public static Project project(ResultSet rs) throws SQLException {
        return new Project(Sql.uuid(rs, "id"), rs.getString("name"), Sql.trimmedChar(rs, "region_code"),
                rs.getString("address"), rs.getString("owner_party"), rs.getString("contractor_party"),
                rs.getString("supervisor_party"), Sql.uuid(rs, "created_by_organisation_id"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
