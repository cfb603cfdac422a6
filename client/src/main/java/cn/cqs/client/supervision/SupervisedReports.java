package cn.cqs.client.supervision;

import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.supervision.ReportConformity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The regulators' report search over the locally synced reports (the replica's {@code report}
 * entity: every report of the jurisdiction the server sent), filtered in SQLite so a jurisdiction's
 * tens of thousands of reports stay fast. Newest issue day first. No JavaFX; call off the JavaFX
 * thread.
 */
public final class SupervisedReports {
    /** The most rows one search returns; the summary tells when there are more. */
    public static final int MAX_ROWS = 2000;

    private static final String FROM = " FROM replica WHERE entity = '" + SessionWorkspace.REPORT + "' AND deleted = 0";
    private final LocalStore store;
    private final ObjectMapper mapper = Json.newMapper();

    /** One search's rows and how many reports match in all. */
    public record Result(List<SupervisedReport> rows, long total) {
        public Result {
            rows = List.copyOf(rows);
        }

        public boolean truncated() {
            return total > rows.size();
        }
    }

    public SupervisedReports(LocalStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The reports matching {@code c}, at most {@code limit} (1..{@value #MAX_ROWS}). */
    public Result search(ReportSearchCriteria c, int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new IllegalArgumentException("limit: must be 1.." + MAX_ROWS + ", was " + limit);
        }
        StringBuilder where = new StringBuilder(FROM);
        List<Object> args = new ArrayList<>();
        if (c.text() != null) {
            String like = "%" + c.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" AND (lower(json_extract(data, '$.projectName')) LIKE ? ESCAPE '\\'"
                    + " OR lower(json_extract(data, '$.projectPart')) LIKE ? ESCAPE '\\'"
                    + " OR lower(json_extract(data, '$.reportNumber')) LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        if (c.labId() != null) {
            where.append(" AND json_extract(data, '$.issuerOrganisationId') = ?");
            args.add(c.labId().toString());
        }
        if (c.type() != null) {
            where.append(" AND json_extract(data, '$.type') = ?");
            args.add(c.type());
        }
        if (c.from() != null) {
            where.append(" AND day >= ?");
            args.add(c.from().toString());
        }
        if (c.to() != null) {
            where.append(" AND day <= ?");
            args.add(c.to().toString());
        }
        if (c.conclusion() != ConclusionFilter.ANY) {
            List<String> qualified = List.copyOf(ReportConformity.QUALIFIED_CONCLUSIONS);
            String marks = String.join(", ", java.util.Collections.nCopies(qualified.size(), "?"));
            where.append(c.conclusion() == ConclusionFilter.QUALIFIED
                    ? " AND json_extract(data, '$.conclusion') IN (" + marks + ")"
                    : " AND (json_extract(data, '$.conclusion') IS NULL OR json_extract(data, '$.conclusion') NOT IN ("
                    + marks + "))");
            args.addAll(qualified);
        }
        if (c.lateOnly()) {
            where.append(" AND json_extract(data, '$.late') = 1");
        }
        return store.read(conn -> {
            long total;
            try (PreparedStatement ps = conn.prepareStatement("SELECT count(*)" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<SupervisedReport> rows = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, data, day" + where
                    + " ORDER BY day DESC, json_extract(data, '$.issuedAt') DESC, id LIMIT ?")) {
                bind(ps, args);
                ps.setInt(args.size() + 1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return new Result(rows, total);
        });
    }

    /** The labs that issued the cached reports, by name. */
    public List<LabChoice> labs() {
        return store.read(conn -> {
            List<LabChoice> labs = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT json_extract(data, '$.issuerOrganisationId') AS lab,"
                    + " max(json_extract(data, '$.issuerName')) AS name, max(json_extract(data, '$.issuerUscc')) AS uscc"
                    + FROM + " AND json_extract(data, '$.issuerOrganisationId') IS NOT NULL GROUP BY lab ORDER BY name, lab");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labs.add(new LabChoice(UUID.fromString(rs.getString("lab")), rs.getString("name"),
                            rs.getString("uscc")));
                }
            }
            return labs;
        });
    }

    private SupervisedReport row(ResultSet rs) throws SQLException {
        String day = rs.getString("day");
        try {
            return SupervisedReport.from(UUID.fromString(rs.getString("id")), mapper.readTree(rs.getString("data")),
                    day == null ? null : LocalDate.parse(day));
        } catch (JsonProcessingException e) {
            throw new SQLException("cached report " + rs.getString("id") + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i).toString());
        }
    }
}
