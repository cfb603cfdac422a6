package cn.cqs.server.reports;

import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.cube.CubeConclusion;
import cn.cqs.server.db.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
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
                                            status, tester_name, reviewer_name, approver_name, version, pdf_sha256)
                        values (:id, :type, :issuer, :number, :project, :projectName, :part, :sampleName, :sampleId,
                                :grade, :strength, :conclusion, cast(:content as jsonb), :token, :issuedAt, :receivedAt,
                                :late, :flag, :status, :tester, :reviewer, :approver, :version, :pdf)""")
                .bind("id", r.id()).bind("type", r.type().name()).bind("issuer", r.issuerOrganisationId())
                .bind("number", r.reportNumber()).bind("project", r.projectId()).bind("projectName", r.projectName())
                .bind("part", r.projectPart()).bind("sampleName", r.sampleName()).bind("sampleId", r.cube().sampleId())
                .bind("grade", r.designGrade()).bind("strength", r.representativeStrengthMpa())
                .bind("conclusion", r.conclusion().name()).bind("content", json(r.cube())).bind("token", r.qrToken())
                .bind("issuedAt", Sql.ts(r.issuedAt())).bind("receivedAt", Sql.ts(r.receivedAt()))
                .bind("late", r.late()).bind("flag", r.issuedAtFlag()).bind("status", r.status().name())
                .bind("tester", r.testerName()).bind("reviewer", r.reviewerName()).bind("approver", r.approverName())
                .bind("version", r.version()).bind("pdf", r.pdfSha256()).execute();
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

    /** Maps a row of {@link #SELECT}. */
    public ReportRecord row(ResultSet rs) throws SQLException {
        CubeStrengthReport cube;
        try {
            cube = mapper.readValue(rs.getString("content"), CubeStrengthReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report " + rs.getString("id") + " holds content that is not a cube report", e);
        }
        return new ReportRecord(Sql.uuid(rs, "id"), ReportType.valueOf(rs.getString("type")),
                rs.getString("report_number"), Sql.uuid(rs, "issuer_organisation_id"), rs.getString("issuer_name"),
                rs.getString("issuer_uscc"), Sql.uuid(rs, "project_id"), rs.getString("project_name"),
                rs.getString("project_part"), rs.getString("sample_name"), rs.getString("design_grade"),
                rs.getBigDecimal("representative_strength_mpa"), CubeConclusion.valueOf(rs.getString("conclusion")),
                Sql.instant(rs, "issued_at"), Sql.instant(rs, "received_at"), rs.getBoolean("late"),
                rs.getString("issued_at_flag"), ReportStatus.valueOf(rs.getString("status")),
                rs.getString("tester_name"), rs.getString("reviewer_name"), rs.getString("approver_name"),
                rs.getLong("version"), cube, rs.getString("qr_token"),
                rs.getString("pdf_sha256"));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise report content", e);
        }
    }
}
