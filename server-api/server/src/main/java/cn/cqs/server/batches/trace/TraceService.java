package cn.cqs.server.batches.trace;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.trace.BatchTrace;
import cn.cqs.contract.batches.trace.CubeReportCandidate;
import cn.cqs.contract.batches.trace.TracedBatch;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import cn.cqs.contract.batches.trace.TracedLot;
import cn.cqs.contract.batches.trace.TracedMixDesign;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 质量追溯: the trace of a batch (mix design, material lots and their test reports, linked cube
 * reports) and the links between a batch and the cube reports of specimens taken from it.
 *
 * <p>Why a link table and not a derived rule: a cube report names its project, its part (工程部位)
 * and its design grade, but nothing that identifies the truck or the batch the specimens came
 * from; several batches of one plant (and of other plants) pour the same grade into the same part
 * on the same day. Deriving would guess; the lab that made the specimens or the plant knows.
 *
 * <p>Who may link: the batch's plant ({@link Permission#BATCHES_REGISTER}) or the lab that issued
 * the report ({@link Permission#REPORTS_AUTHOR} or {@link Permission#REPORTS_APPROVE}). The report
 * must be a concrete cube report of the batch's project. Linking twice changes nothing.
 */
public final class TraceService {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public TraceService(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** The trace; for the plant, the batch's regulators and the labs whose cube reports are linked. */
    public BatchTrace trace(Principal p, String serialNumber) {
        return jdbi.withHandle(h -> {
            BatchAccess.BatchRef ref = BatchAccess.find(h, serialNumber)
                    .filter(b -> BatchAccess.plantOrRegulator(h, p, b) || linkedLab(h, p, b))
                    .orElseThrow(() -> ApiException.notFound("Batch " + serialNumber));
            return new BatchTrace(batch(h, ref), mixDesign(h, ref), lots(h, ref), cubeReports(h, ref.id()));
        });
    }

    /** The most candidates one answer lists (the newest). */
    public static final int MAX_CANDIDATES = 500;

    /**
     * The cube reports the batch's plant may link to the batch: current (status VALID: neither
     * superseded nor withdrawn) CONCRETE_CUBE reports of the batch's project, newest issue first, at
     * most {@value #MAX_CANDIDATES}, each saying whether it is linked already. Only the batch's plant
     * ({@link Permission#BATCHES_REGISTER}) asks; anyone else gets 404 as if there were no such batch.
     */
    public List<CubeReportCandidate> candidates(Principal p, String serialNumber) {
        return jdbi.withHandle(h -> {
            BatchAccess.BatchRef ref = BatchAccess.find(h, serialNumber)
                    .filter(b -> p.organisationId().equals(b.plantId()))
                    .orElseThrow(() -> ApiException.notFound("Batch " + serialNumber));
            if (!p.has(Permission.BATCHES_REGISTER)) {
                throw ApiException.forbidden("Only the batch's plant with " + Permission.BATCHES_REGISTER
                        + " links cube reports to it");
            }
            return h.createQuery("""
                            select r.id, r.report_number, lab.name as lab_name, r.project_part, r.design_grade,
                                   r.representative_strength_mpa, r.conclusion, r.content->>'samplingDate' as sampling_date,
                                   r.issued_at,
                                   exists (select 1 from batch_cube_report l
                                            where l.batch_id = :batch and l.report_id = r.id) as linked
                              from report r join organisation lab on lab.id = r.issuer_organisation_id
                             where r.project_id = :project and r.type = :type and r.status = 'VALID'
                             order by r.issued_at desc, r.received_at desc, r.report_number desc
                             limit :limit""")
                    .bind("batch", ref.id()).bind("project", ref.projectId())
                    .bind("type", ReportType.CONCRETE_CUBE.name()).bind("limit", MAX_CANDIDATES)
                    .map((rs, c) -> new CubeReportCandidate(Sql.uuid(rs, "id"), rs.getString("report_number"),
                            rs.getString("lab_name"), rs.getString("project_part"), rs.getString("design_grade"),
                            rs.getBigDecimal("representative_strength_mpa"), rs.getString("conclusion"),
                            day(rs.getString("sampling_date")), Sql.instant(rs, "issued_at"), rs.getBoolean("linked")))
                    .list();
        });
    }

    /** The cube content's ISO sampling date (written by the contract's mapper), or null when absent. */
    private static java.time.LocalDate day(String text) {
        return text == null || text.isBlank() ? null : java.time.LocalDate.parse(text);
    }

    /** Records that the specimens of cube report {@code reportId} were taken from the batch. */
    public LinkResult link(Principal p, String serialNumber, UUID reportId) {
        return jdbi.inTransaction(h -> {
            Target t = target(h, p, serialNumber, reportId);
            Instant now = clock.instant();
            int inserted = h.createUpdate("""
                            insert into batch_cube_report (batch_id, report_id, linked_at, linked_by_organisation_id,
                                                           linked_by_user_id, linked_by_api_key_id)
                            values (:batch, :report, :at, :org, cast(:user as uuid), cast(:key as uuid))
                            on conflict (batch_id, report_id) do nothing""")
                    .bind("batch", t.batch().id()).bind("report", reportId).bind("at", Sql.ts(now))
                    .bind("org", p.organisationId()).bind("user", p.userId()).bind("key", p.apiKeyId())
                    .execute();
            if (inserted == 1) {
                audit.record(h, p, now, "BATCH_CUBE_REPORT_LINKED", "production_batch", t.batch().id(),
                        t.batch().projectId(), null, Map.of("serialNumber", t.batch().serialNumber(),
                                "reportId", reportId, "reportNumber", t.reportNumber()));
            }
            TracedCubeReport linked = cubeReports(h, t.batch().id()).stream()
                    .filter(r -> r.reportId().equals(reportId)).findFirst().orElseThrow();
            return new LinkResult(linked, inserted == 1);
        });
    }

    /** Removes a link recorded in error; the same callers as {@link #link}. Removing twice is harmless. */
    public void unlink(Principal p, String serialNumber, UUID reportId) {
        jdbi.useTransaction(h -> {
            Target t = target(h, p, serialNumber, reportId);
            int deleted = h.createUpdate("delete from batch_cube_report where batch_id = :batch and report_id = :report")
                    .bind("batch", t.batch().id()).bind("report", reportId).execute();
            if (deleted == 1) {
                audit.record(h, p, clock.instant(), "BATCH_CUBE_REPORT_UNLINKED", "production_batch", t.batch().id(),
                        t.batch().projectId(), Map.of("serialNumber", t.batch().serialNumber(), "reportId", reportId,
                                "reportNumber", t.reportNumber()), null);
            }
        });
    }

    /** The answer of a link: the linked report and whether this call created the link. */
    public record LinkResult(TracedCubeReport report, boolean created) {
    }

    private record Target(BatchAccess.BatchRef batch, String reportNumber) {
    }

    private static Target target(Handle h, Principal p, String serialNumber, UUID reportId) {
        BatchAccess.BatchRef batch = BatchAccess.find(h, serialNumber)
                .orElseThrow(() -> ApiException.notFound("Batch " + serialNumber));
        record ReportRow(UUID issuer, UUID projectId, String type, String number) {
        }
        ReportRow report = h.createQuery("select issuer_organisation_id, project_id, type, report_number from report where id = :id")
                .bind("id", reportId)
                .map((rs, c) -> new ReportRow(Sql.uuid(rs, "issuer_organisation_id"), Sql.uuid(rs, "project_id"),
                        rs.getString("type"), rs.getString("report_number")))
                .findOne().orElse(null);
        boolean plantOrg = p.organisationId().equals(batch.plantId());
        boolean issuerOrg = report != null && p.organisationId().equals(report.issuer());
        if (!plantOrg && !issuerOrg) {
            // neither the batch's plant nor the report's lab: neither may as well exist
            throw ApiException.notFound("Batch " + serialNumber);
        }
        if (report == null) {
            throw ApiException.notFound("Report " + reportId);
        }
        boolean mayLink = (plantOrg && p.has(Permission.BATCHES_REGISTER))
                || (issuerOrg && (p.has(Permission.REPORTS_AUTHOR) || p.has(Permission.REPORTS_APPROVE)));
        if (!mayLink) {
            throw ApiException.forbidden("Only the batch's plant (" + Permission.BATCHES_REGISTER
                    + ") or the report's lab (" + Permission.REPORTS_AUTHOR + " or " + Permission.REPORTS_APPROVE
                    + ") may link a cube report to a batch");
        }
        if (!ReportType.CONCRETE_CUBE.name().equals(report.type())) {
            throw ApiException.validation("reportId", "not_a_cube_report", "Report " + report.number() + " is a "
                    + report.type() + " report; only concrete cube reports (CONCRETE_CUBE) are linked to batches");
        }
        if (!report.projectId().equals(batch.projectId())) {
            throw ApiException.validation("reportId", "other_project", "Report " + report.number()
                    + " belongs to another project than batch " + batch.serialNumber());
        }
        return new Target(batch, report.number());
    }

    private static boolean linkedLab(Handle h, Principal p, BatchAccess.BatchRef b) {
        return h.createQuery("""
                        select exists (select 1 from batch_cube_report l join report r on r.id = l.report_id
                                        where l.batch_id = :batch and r.issuer_organisation_id = :org)""")
                .bind("batch", b.id()).bind("org", p.organisationId()).mapTo(Boolean.class).one();
    }

    private static TracedBatch batch(Handle h, BatchAccess.BatchRef ref) {
        return h.createQuery("""
                        select b.*, o.name as plant_name, p.name as project_name
                          from production_batch b join organisation o on o.id = b.organisation_id
                          join project p on p.id = b.project_id
                         where b.id = :id""")
                .bind("id", ref.id())
                .map((rs, c) -> new TracedBatch(Sql.uuid(rs, "id"), rs.getString("serial_number"), rs.getString("plant_batch_id"),
                        Sql.uuid(rs, "organisation_id"), rs.getString("plant_name"), Sql.uuid(rs, "project_id"),
                        rs.getString("project_name"), rs.getString("pour_location"), rs.getString("marking"),
                        rs.getBigDecimal("volume_m3"), Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at"),
                        DosingState.valueOf(rs.getString("dosing_state"))))
                .one();
    }

    private static TracedMixDesign mixDesign(Handle h, BatchAccess.BatchRef ref) {
        return h.createQuery("select * from mix_design where id = :id").bind("id", ref.mixDesignId())
                .map((rs, c) -> new TracedMixDesign(Sql.uuid(rs, "id"), rs.getString("plant_mix_design_id"),
                        rs.getString("marking"), rs.getString("strength_class"), rs.getString("trial_report_number"),
                        Sql.uuid(rs, "trial_report_id")))
                .one();
    }

    private static List<TracedLot> lots(Handle h, BatchAccess.BatchRef ref) {
        return h.createQuery("""
                        select l.*, r.conclusion as report_conclusion
                          from production_batch_lot bl join material_lot l on l.id = bl.lot_id
                          left join report r on r.id = l.test_report_id
                         where bl.batch_id = :batch
                         order by bl.position""")
                .bind("batch", ref.id())
                .map((rs, c) -> new TracedLot(Sql.uuid(rs, "id"), rs.getString("plant_lot_id"),
                        MaterialKind.valueOf(rs.getString("kind")), rs.getString("specification"),
                        rs.getString("manufacturer"), rs.getString("lot_number"), rs.getString("test_report_number"),
                        Sql.uuid(rs, "test_report_id"), rs.getString("report_conclusion")))
                .list();
    }

    static List<TracedCubeReport> cubeReports(Handle h, UUID batchId) {
        return h.createQuery("""
                        select r.id, r.report_number, lab.name as lab_name, r.project_part, r.design_grade,
                               r.representative_strength_mpa, r.conclusion, r.status, r.issued_at,
                               l.linked_at, l.linked_by_organisation_id, lo.name as linker_name
                          from batch_cube_report l join report r on r.id = l.report_id
                          join organisation lab on lab.id = r.issuer_organisation_id
                          join organisation lo on lo.id = l.linked_by_organisation_id
                         where l.batch_id = :batch
                         order by r.issued_at desc, r.report_number""")
                .bind("batch", batchId)
                .map((rs, c) -> cubeReport(rs))
                .list();
    }

    private static TracedCubeReport cubeReport(ResultSet rs) throws SQLException {
        return new TracedCubeReport(Sql.uuid(rs, "id"), rs.getString("report_number"), rs.getString("lab_name"),
                rs.getString("project_part"), rs.getString("design_grade"), rs.getBigDecimal("representative_strength_mpa"),
                rs.getString("conclusion"), rs.getString("status"), Sql.instant(rs, "issued_at"),
                Sql.instant(rs, "linked_at"), Sql.uuid(rs, "linked_by_organisation_id"), rs.getString("linker_name"));
    }
}
