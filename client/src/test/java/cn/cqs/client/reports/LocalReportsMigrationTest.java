package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.sync.LocalStore;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.RebarReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local reports of every type: a profile written by the client before report types (schema 4,
 * {@code {"cube": ...}} content) is migrated without losing its drafts and issued reports, and
 * reports of the new types are stored with their type and read back as their own record.
 */
class LocalReportsMigrationTest {
    @TempDir
    Path dir;
    final ObjectMapper mapper = Json.newMapper();

    /** The schema as version 4 of the client wrote it; frozen here on purpose. */
    private static final List<String> V4_DDL = List.of(
            """
            CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
              idempotency_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
              payload TEXT NOT NULL, created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
              last_error TEXT, state TEXT NOT NULL, attachment_path TEXT, last_attempt_at INTEGER, receipt TEXT,
              completed_at INTEGER)""",
            """
            CREATE TABLE replica (entity TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
              deleted INTEGER NOT NULL, changed_at INTEGER NOT NULL, data TEXT, title TEXT, search_text TEXT,
              day TEXT, parent_id TEXT, PRIMARY KEY (entity, id))""",
            "CREATE TABLE sync_cursor (feed TEXT PRIMARY KEY, cursor TEXT NOT NULL, updated_at INTEGER NOT NULL)",
            """
            CREATE TABLE local_report (id TEXT PRIMARY KEY, report_number TEXT, state TEXT NOT NULL,
              content TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, issued_at INTEGER,
              qr_token TEXT, pdf_path TEXT, outbox_id TEXT)""",
            "PRAGMA user_version = 4");

    static CubeStrengthReport cube(String number, String grade) {
        return new CubeStrengthReport(number, "WT-1", UUID.randomUUID(), "翔安项目", "3#楼", "混凝土试块", "YP-1",
                new BigDecimal("120"), LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 27), 28, "GB/T 50081-2019", grade,
                150, List.of(new CubeStrengthReport.Specimen(new BigDecimal("815.6"))), null, "林建国", "JZ-1", "监理",
                "王磊");
    }

    @Test
    void schema4CubeReportsSurviveTheMigrationWithTheirContent() throws Exception {
        Path file = dir.resolve("v4.db");
        UUID draft = UUID.randomUUID();
        UUID issued = UUID.randomUUID();
        CubeStrengthReport draftContent = cube("2026-HNT-000001", "C30");
        CubeStrengthReport issuedContent = cube("2026-HNT-000002", "C35");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement st = c.createStatement()) {
                for (String sql : V4_DDL) {
                    st.execute(sql);
                }
            }
            insertV4(c, draft, "DRAFT", draftContent, "李娜", null);
            insertV4(c, issued, "ISSUED", issuedContent, "李娜", "杨主任");
            // the issued report's upload still waiting, in the body shape of schema 4 ("cube")
            java.util.Map<String, Object> oldBody = new java.util.LinkedHashMap<>();
            oldBody.put("type", "CONCRETE_CUBE");
            oldBody.put("cube", issuedContent);
            oldBody.put("qrToken", "token");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, idempotency_key, kind, method, path,"
                    + " payload, created_at, state) VALUES (?, ?, 'report.upload', 'POST', '/api/v1/reports', ?, 1, ?)")) {
                for (String state : List.of("PENDING", "DONE")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, UUID.randomUUID().toString());
                    ps.setString(3, mapper.writeValueAsString(oldBody));
                    ps.setString(4, state);
                    ps.executeUpdate();
                }
            }
        }

        try (LocalStore store = LocalStore.open(file)) {
            LocalReports reports = new LocalReports(store);
            assertThat(reports.all()).hasSize(2);
            LocalReport d = reports.find(draft).orElseThrow();
            assertThat(d.type()).isEqualTo(ReportType.CONCRETE_CUBE);
            assertThat(d.state()).isEqualTo(LocalReportState.DRAFT);
            assertThat(d.cube()).isEqualTo(draftContent);
            assertThat(d.reviewerName()).isEqualTo("李娜");
            LocalReport i = reports.find(issued).orElseThrow();
            assertThat(i.cube()).isEqualTo(issuedContent);
            assertThat(i.approverName()).isEqualTo("杨主任");
            assertThat(i.qrToken()).isEqualTo("token");
            assertThat(reports.isTaken("2026-HNT-000002", null)).isTrue();
        }
        // the waiting upload now reads as a ReportUpload of today's shape; the sent one is left as it was sent
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT state, payload FROM outbox ORDER BY seq")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("PENDING");
            cn.cqs.contract.reports.ReportUpload upload = mapper.readValue(rs.getString(2),
                    cn.cqs.contract.reports.ReportUpload.class);
            assertThat(upload.content()).isEqualTo(issuedContent);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).contains("\"cube\"");
        }
    }

    private void insertV4(Connection c, UUID id, String state, CubeStrengthReport content, String reviewer,
                          String approver) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO local_report (id, report_number, state, content,"
                + " created_at, updated_at, issued_at, qr_token) VALUES (?, ?, ?, ?, 1, 2, ?, ?)")) {
            ps.setString(1, id.toString());
            ps.setString(2, content.reportNumber());
            ps.setString(3, state);
            java.util.Map<String, Object> stored = new java.util.LinkedHashMap<>();
            stored.put("cube", content);
            stored.put("reviewerName", reviewer);
            stored.put("approverName", approver);
            ps.setString(4, mapper.writeValueAsString(stored));
            if (state.equals("ISSUED")) {
                ps.setLong(5, 3);
                ps.setString(6, "token");
            } else {
                ps.setNull(5, java.sql.Types.INTEGER);
                ps.setNull(6, java.sql.Types.VARCHAR);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void aRebarDraftIsStoredWithItsTypeAndReadBackAsARebarReport() {
        try (LocalStore store = LocalStore.open(dir.resolve("new.db"))) {
            LocalReports reports = new LocalReports(store);
            ReportHeader header = new ReportHeader("2026-GJ-000001", "WT-9", null, null, null, "热轧带肋钢筋", null,
                    null, null, "GB/T 1499.2-2018", null, null, null, null);
            RebarReport rebar = new RebarReport(header, "HRB400E", 20, "三钢", "L-1", new BigDecimal("30"),
                    TestRound.INITIAL, List.of(new RebarReport.TensileSpecimen(new BigDecimal("141.5"), null, null, null)),
                    List.of(), new RebarReport.MassSample(5, null, null));
            LocalReport draft = LocalReport.draft(ReportType.REBAR, rebar, null, null, Instant.parse("2026-03-02T00:00:00Z"));
            reports.save(draft);

            LocalReport read = reports.find(draft.id()).orElseThrow();
            assertThat(read.type()).isEqualTo(ReportType.REBAR);
            assertThat(read.content()).isInstanceOf(RebarReport.class).isEqualTo(rebar);
            assertThat(read.reportNumber()).isEqualTo("2026-GJ-000001");
            assertThat(reports.isTaken("2026-GJ-000001", null)).isTrue();
        }
    }
}
