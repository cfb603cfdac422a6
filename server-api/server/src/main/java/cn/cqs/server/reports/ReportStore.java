package cn.cqs.server.reports;

import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportVersion;
import cn.cqs.contract.reports.SignOff;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.server.db.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The {@code report} table: the uploaded content as JSON plus key columns for search and scoping.
 * Reads join the issuing organisation for its name and USCC.
 */
public final class ReportStore {
    /** Select list for {@link #row}: the report with its issuer's name and code. */
    public static final String SELECT = """
            select r.*, o.name as issuer_name, o.uscc as issuer_uscc
              from report r join organisation o on o.id = r.issuer_organisation_id""";
    /** Visibility over alias {@code r}, binding :org, :regulator and :region (as for projects). */
    public static final String VISIBLE = """
            ((not :regulator and r.issuer_organisation_id = :org)
             or (:regulator and r.project_id in (select p.id from project p
                                                  where p.region_code in (select code from region_subtree(:region)))))""";
    private final ObjectMapper mapper;

    public ReportStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void insert(Handle h, ReportRecord r) {
        h.createUpdate("""
                        insert into report (id, type, issuer_organisation_id, report_number, project_id, project_name,
                                            project_part, sample_name, sample_id, design_grade, representative_strength_mpa,
                                            conclusion, content, qr_token, issued_at, received_at, late, issued_at_flag,
                                            status, tester_name, reviewer_name, approver_name, version, pdf_sha256,
                                            sign_off, draft_id, supersedes_id, correction_reason)
                        values (:id, :type, :issuer, :number, :project, :projectName, :part, :sampleName, :sampleId,
                                :grade, :strength, :conclusion, cast(:content as jsonb), :token, :issuedAt, :receivedAt,
                                :late, :flag, :status, :tester, :reviewer, :approver, :version, :pdf,
                                :signOff, cast(:draft as uuid), cast(:supersedes as uuid), :correctionReason)""")
                .bind("id", r.id()).bind("type", r.type().name()).bind("issuer", r.issuerOrganisationId())
                .bind("number", r.reportNumber()).bind("project", r.projectId()).bind("projectName", r.projectName())
                .bind("part", r.projectPart()).bind("sampleName", r.sampleName()).bind("sampleId", ReportTypes.of(r.type()).headerOf(r.content()).sampleId())
                .bind("grade", r.designGrade()).bind("strength", r.representativeStrengthMpa())
                .bind("conclusion", r.conclusion().name()).bind("content", json(r.content())).bind("token", r.qrToken())
                .bind("issuedAt", Sql.ts(r.issuedAt())).bind("receivedAt", Sql.ts(r.receivedAt()))
                .bind("late", r.late()).bind("flag", r.issuedAtFlag()).bind("status", r.status().name())
                .bind("tester", r.testerName()).bind("reviewer", r.reviewerName()).bind("approver", r.approverName())
                .bind("version", r.version()).bind("pdf", r.pdfSha256()).bind("signOff", r.signOff().name())
                .bind("draft", r.draftId()).bind("supersedes", r.supersedesId())
                .bind("correctionReason", r.correctionReason()).execute();
    }

    /** Any report of an issuer with that number, whoever asks (for uniqueness and verification). */
    public Optional<ReportRecord> findByIssuerAndNumber(Handle h, UUID issuerOrganisationId, String reportNumber) {
        return h.createQuery(SELECT + " where r.issuer_organisation_id = :issuer and r.report_number = :number")
                .bind("issuer", issuerOrganisationId).bind("number", reportNumber)
                .map((rs, c) -> row(rs)).findOne();
    }

    /** Any report of the issuer with that USCC and number (for verification of a token). */
    public Optional<ReportRecord> findByIssuerUsccAndNumber(Handle h, String uscc, String reportNumber) {
        return h.createQuery(SELECT + " where o.uscc = :uscc and r.report_number = :number")
                .bind("uscc", uscc).bind("number", reportNumber)
                .map((rs, c) -> row(rs)).findOne();
    }

    /** The issuer's report with that id, locked for a status change (none when another organisation's). */
    public Optional<ReportRecord> findOwnForUpdate(Handle h, UUID issuerOrganisationId, UUID id) {
        return h.createQuery(SELECT + " where r.id = :id and r.issuer_organisation_id = :issuer for update of r")
                .bind("id", id).bind("issuer", issuerOrganisationId).map((rs, c) -> row(rs)).findOne();
    }

    /**
     * Ends a VALID report's validity: {@code SUPERSEDED} (with the correction's id) or {@code WITHDRAWN},
     * with the reason; bumps its version, so the sync feed carries the change.
     */
    public void endValidity(Handle h, UUID id, ReportStatus status, String reason, UUID supersededBy, Instant at) {
        int changed = h.createUpdate("""
                        update report set status = :status, status_reason = :reason, superseded_by_id = cast(:by as uuid),
                                          status_changed_at = :at, version = version + 1
                         where id = :id and status = 'VALID'""")
                .bind("status", status.name()).bind("reason", reason).bind("by", supersededBy)
                .bind("at", Sql.ts(at)).bind("id", id).execute();
        if (changed != 1) {
            throw new IllegalStateException("report " + id + " was not VALID when its validity was to end");
        }
    }

    /** The correction chain {@code record} belongs to, oldest first. */
    public List<ReportVersion> history(Handle h, ReportRecord record) {
        List<ReportVersion> all = new ArrayList<>();
        UUID previous = record.supersedesId();
        while (previous != null) {
            ReportRecord r = byId(h, previous);
            all.add(0, version(r));
            previous = r.supersedesId();
        }
        all.add(version(record));
        UUID next = record.supersededById();
        while (next != null) {
            ReportRecord r = byId(h, next);
            all.add(version(r));
            next = r.supersededById();
        }
        return all;
    }

    private ReportRecord byId(Handle h, UUID id) {
        return h.createQuery(SELECT + " where r.id = :id").bind("id", id).map((rs, c) -> row(rs)).one();
    }

    private static ReportVersion version(ReportRecord r) {
        return new ReportVersion(r.id(), r.reportNumber(), r.status(), r.receivedAt(), r.correctionReason(),
                r.statusReason());
    }

    /** Maps a row of {@link #SELECT}. */
    public ReportRecord row(ResultSet rs) throws SQLException {
        ReportType type = ReportType.valueOf(rs.getString("type"));
        Object content;
        try {
            content = mapper.readValue(rs.getString("content"), ReportTypes.of(type).contentClass());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report " + rs.getString("id") + " holds content that is not a " + type
                    + " report", e);
        }
        return new ReportRecord(Sql.uuid(rs, "id"), type,
                rs.getString("report_number"), Sql.uuid(rs, "issuer_organisation_id"), rs.getString("issuer_name"),
                rs.getString("issuer_uscc"), Sql.uuid(rs, "project_id"), rs.getString("project_name"),
                rs.getString("project_part"), rs.getString("sample_name"), rs.getString("design_grade"),
                rs.getBigDecimal("representative_strength_mpa"), Conclusion.valueOf(rs.getString("conclusion")),
                Sql.instant(rs, "issued_at"), Sql.instant(rs, "received_at"), rs.getBoolean("late"),
                rs.getString("issued_at_flag"), ReportStatus.valueOf(rs.getString("status")),
                rs.getString("tester_name"), rs.getString("reviewer_name"), rs.getString("approver_name"),
                rs.getLong("version"), content, rs.getString("qr_token"),
                rs.getString("pdf_sha256"), SignOff.valueOf(rs.getString("sign_off")), Sql.uuid(rs, "draft_id"),
                Sql.uuid(rs, "supersedes_id"), Sql.uuid(rs, "superseded_by_id"), rs.getString("correction_reason"),
                rs.getString("status_reason"), Sql.instant(rs, "status_changed_at"), null);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise report content", e);
        }
    }
}
