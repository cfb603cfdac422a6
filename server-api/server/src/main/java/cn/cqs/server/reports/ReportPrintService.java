package cn.cqs.server.reports;

import cn.cqs.contract.reports.ReportPrint;
import cn.cqs.contract.reports.ReportPrintRequest;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import cn.cqs.server.projects.ProjectService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 打印记录 (print records): each print of a report the client makes is recorded here, with who
 * printed it (the caller), on which printer, how many copies, the client's time and the server's.
 * Recording and reading are scoped like the report itself: the issuing lab and the regulators whose
 * jurisdiction holds the report's project; anyone else gets a 404. Any status may be printed and
 * recorded (a print made offline may arrive after the report was superseded). Append-only.
 */
public final class ReportPrintService {
    private static final String COLUMNS = """
            select pr.*, o.name as organisation_name from report_print pr
              join organisation o on o.id = pr.organisation_id""";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public ReportPrintService(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records one print inside the caller's transaction (the idempotent POST stores its response in
     * the same one) and writes the audit entry {@code report.print}.
     */
    public ReportPrint record(Handle h, Principal p, UUID reportId, ReportPrintRequest request) {
        UUID projectId = visibleReportProject(h, p, reportId);
        Validation v = new Validation();
        if (request.copies() == null) {
            v.add("copies", "required", "copies is required");
        } else if (request.copies() < ReportPrintRequest.MIN_COPIES || request.copies() > ReportPrintRequest.MAX_COPIES) {
            v.add("copies", "out_of_range", "copies must be " + ReportPrintRequest.MIN_COPIES + " to "
                    + ReportPrintRequest.MAX_COPIES + ", was " + request.copies());
        }
        v.text("printerName", request.printerName(), ReportPrintRequest.MAX_PRINTER_NAME);
        v.required("printedAt", request.printedAt());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (request.printedAt() != null && request.printedAt().isAfter(now.plus(1, ChronoUnit.DAYS))) {
            v.add("printedAt", "in_future", "printedAt " + request.printedAt() + " is more than a day after the "
                    + "server's time " + now + ": check the computer's clock");
        }
        v.throwIfInvalid();
        String printedBy = p.userId() != null
                ? h.createQuery("select display_name from app_user where id = :id").bind("id", p.userId())
                        .mapTo(String.class).one()
                : h.createQuery("select name from api_key where id = :id").bind("id", p.apiKeyId())
                        .mapTo(String.class).one();
        UUID id = UUID.randomUUID();
        h.createUpdate("""
                        insert into report_print (id, report_id, organisation_id, user_id, api_key_id, printed_by, copies,
                                                  printer_name, printed_at, recorded_at)
                        values (:id, :report, :org, cast(:user as uuid), cast(:key as uuid), :by, :copies, :printer,
                                :printedAt, :recordedAt)""")
                .bind("id", id).bind("report", reportId).bind("org", p.organisationId()).bind("user", p.userId())
                .bind("key", p.apiKeyId()).bind("by", printedBy).bind("copies", request.copies())
                .bind("printer", Validation.trim(request.printerName()))
                .bind("printedAt", Sql.ts(request.printedAt().truncatedTo(ChronoUnit.MICROS)))
                .bind("recordedAt", Sql.ts(now)).execute();
        ReportPrint print = h.createQuery(COLUMNS + " where pr.id = :id").bind("id", id).map((rs, c) -> row(rs)).one();
        audit.record(h, p, now, "report.print", "report", reportId, projectId, null, print);
        return print;
    }

    /** The prints of a visible report, oldest first (404 when the report is not visible). */
    public List<ReportPrint> list(Principal p, UUID reportId) {
        return jdbi.withHandle(h -> {
            visibleReportProject(h, p, reportId);
            return h.createQuery(COLUMNS + " where pr.report_id = :report order by pr.recorded_at, pr.id")
                    .bind("report", reportId).map((rs, c) -> row(rs)).list();
        });
    }

    /** The project of a report the principal may see; a 404 otherwise. */
    private static UUID visibleReportProject(Handle h, Principal p, UUID reportId) {
        return ProjectService.scoped(h.createQuery("select r.project_id from report r where r.id = :id and "
                        + ReportStore.VISIBLE), p).bind("id", reportId).mapTo(UUID.class).findOne()
                .orElseThrow(() -> ApiException.notFound("Report"));
    }

    private static ReportPrint row(ResultSet rs) throws SQLException {
        return new ReportPrint(Sql.uuid(rs, "id"), Sql.uuid(rs, "report_id"), rs.getInt("copies"),
                rs.getString("printer_name"), Sql.instant(rs, "printed_at"), Sql.instant(rs, "recorded_at"),
                Sql.uuid(rs, "organisation_id"), rs.getString("organisation_name"), rs.getString("printed_by"));
    }
}
