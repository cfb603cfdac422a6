package cn.cqs.client.reports;

import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import com.fasterxml.jackson.databind.JsonNode;
import cn.cqs.contract.reports.ReportNumber;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports authored on this client, kept in the profile database's {@code local_report} table
 * (drafts survive a restart), and the lab's yearly report number sequence as far as this client
 * knows it (its own reports plus the uploaded ones in the replica). No JavaFX; call off the
 * JavaFX thread.
 */
public final class LocalReports {
    /** The series prefix proposed when the lab has no report yet (HNT: 混凝土, concrete). */
    public static final String DEFAULT_PREFIX = "HNT";

    private static final Pattern NUMBER = Pattern.compile(ReportNumber.PATTERN);

    private final LocalStore store;
    private final ObjectMapper mapper = Json.newMapper();

    /**
     * What is stored in the {@code content} column; the {@code report_type} column says which
     * record {@code content} is ({@code ReportTypes.of(type).contentClass()}).
     */
    record StoredContent(JsonNode content, String reviewerName, String approverName) {
    }

    public LocalReports(LocalStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Inserts or replaces {@code report}. */
    public void save(LocalReport report) {
        store.inTransaction(c -> save(c, report));
    }

    /** Inserts or replaces {@code report} on {@code c}, inside the caller's transaction. */
    int save(Connection c, LocalReport report) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO local_report (id, report_number, state, content, created_at, updated_at, issued_at,
                                          qr_token, pdf_path, outbox_id, report_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET report_number = excluded.report_number, state = excluded.state,
                  report_type = excluded.report_type,
                  content = excluded.content, updated_at = excluded.updated_at, issued_at = excluded.issued_at,
                  qr_token = excluded.qr_token, pdf_path = excluded.pdf_path, outbox_id = excluded.outbox_id""")) {
            ps.setString(1, report.id().toString());
            ps.setString(2, report.reportNumber());
            ps.setString(3, report.state().name());
            ps.setString(4, json(new StoredContent(mapper.valueToTree(report.content()), report.reviewerName(),
                    report.approverName())));
            ps.setLong(5, report.createdAt().toEpochMilli());
            ps.setLong(6, report.updatedAt().toEpochMilli());
            if (report.issuedAt() == null) {
                ps.setNull(7, java.sql.Types.INTEGER);
            } else {
                ps.setLong(7, report.issuedAt().toEpochMilli());
            }
            ps.setString(8, report.qrToken());
            ps.setString(9, report.pdf() == null ? null : report.pdf().toString());
            ps.setString(10, report.outboxId() == null ? null : report.outboxId().toString());
            ps.setString(11, report.type().name());
            return ps.executeUpdate();
        }
    }

    public Optional<LocalReport> find(UUID id) {
        List<LocalReport> found = query("WHERE id = ?", id.toString());
        return found.stream().findFirst();
    }

    /** Every local report, most recently changed first. */
    public List<LocalReport> all() {
        return query("ORDER BY updated_at DESC");
    }

    /**
     * The next number in the lab's series for {@code year}: one more than the highest sequence of
     * that year and prefix among the local and the uploaded reports (000001 when there is none).
     * The prefix is that of the lab's most recent report, else {@link #DEFAULT_PREFIX}.
     */
    public ReportNumber proposeNumber(int year) {
        String prefix = latestPrefix().orElse(DEFAULT_PREFIX);
        int highest = 0;
        for (String number : knownNumbers(year + "-" + prefix + "-")) {
            Matcher m = NUMBER.matcher(number);
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(3)));
            }
        }
        return new ReportNumber(year, prefix, Math.min(highest + 1, 999_999));
    }

    /** Whether {@code reportNumber} is used by another local report or an uploaded one. */
    public boolean isTaken(String reportNumber, UUID exceptLocalId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM local_report WHERE report_number = ? AND id <> ?")) {
                ps.setString(1, reportNumber);
                ps.setString(2, exceptLocalId == null ? "" : exceptLocalId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return true;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM replica WHERE entity = ? AND deleted = 0 AND title = ?")) {
                ps.setString(1, SessionWorkspace.REPORT);
                ps.setString(2, reportNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        });
    }

    private Optional<String> latestPrefix() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT report_number FROM local_report WHERE report_number IS NOT NULL
                    UNION ALL
                    SELECT title FROM replica WHERE entity = ? AND deleted = 0 AND title IS NOT NULL
                    ORDER BY 1 DESC""")) {
                ps.setString(1, SessionWorkspace.REPORT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Matcher m = NUMBER.matcher(rs.getString(1));
                        if (m.matches()) {
                            return Optional.of(m.group(2));
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }

    private List<String> knownNumbers(String startsWith) {
        return store.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT report_number FROM local_report WHERE substr(report_number, 1, ?) = ?
                    UNION ALL
                    SELECT title FROM replica WHERE entity = ? AND deleted = 0 AND substr(title, 1, ?) = ?""")) {
                ps.setInt(1, startsWith.length());
                ps.setString(2, startsWith);
                ps.setString(3, SessionWorkspace.REPORT);
                ps.setInt(4, startsWith.length());
                ps.setString(5, startsWith);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private List<LocalReport> query(String tail, String... args) {
        return store.read(c -> {
            List<LocalReport> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, state, report_type, content, created_at, updated_at, "
                    + "issued_at, qr_token, pdf_path, outbox_id FROM local_report " + tail)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(toReport(rs));
                    }
                }
            }
            return out;
        });
    }

    private LocalReport toReport(ResultSet rs) throws SQLException {
        StoredContent content;
        ReportType type;
        Object typed;
        try {
            type = ReportType.valueOf(rs.getString("report_type"));
            content = mapper.readValue(rs.getString("content"), StoredContent.class);
            if (content.content() == null || !content.content().isObject()) {
                throw new SQLException("local report " + rs.getString("id") + ": no content object");
            }
            typed = mapper.treeToValue(content.content(), ReportTypes.of(type).contentClass());
        } catch (JsonProcessingException e) {
            throw new SQLException("local report " + rs.getString("id") + ": unreadable content: "
                    + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SQLException("local report " + rs.getString("id") + ": unknown report type '"
                    + rs.getString("report_type") + "'", e);
        }
        long issued = rs.getLong("issued_at");
        Instant issuedAt = rs.wasNull() ? null : Instant.ofEpochMilli(issued);
        String pdf = rs.getString("pdf_path");
        String outbox = rs.getString("outbox_id");
        return new LocalReport(UUID.fromString(rs.getString("id")), LocalReportState.valueOf(rs.getString("state")),
                type, typed, content.reviewerName(), content.approverName(),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                issuedAt, rs.getString("qr_token"), pdf == null ? null : Path.of(pdf),
                outbox == null ? null : UUID.fromString(outbox));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report content cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
