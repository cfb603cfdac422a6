package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plant import's optional report QR columns (检验报告二维码, 试配报告二维码): a report code's text
 * (URL or bare token) is sent as the canonical token, with the number taken from the code when the
 * number column is empty; a text that is not a report code, or a number naming another report, is a
 * bad row naming the column (by the file's heading). (The server verifies the code itself when the row is sent.)
 */
class PlantImportReportCodeTest {
    static QrToken report;
    static QrToken batch;

    @BeforeAll
    static void tokens() {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.createPlatformCa("CQS Test Platform CA", "测试平台",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        OrganisationCredential lab = ca.issueOrganisationCredential(new OrganisationIdentity("厦门某检测有限公司",
                "91350200MA2XYQ1234"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        KeyFields fields = KeyFields.builder().add("reportNumber", "2026-WB-000123").build();
        report = TokenSigner.of(lab).sign(TokenKind.REPORT, "2026-WB-000123", fields, now.minusSeconds(60));
        batch = TokenSigner.of(lab).sign(TokenKind.BATCH, "20261124-M0001TGQX-000005", fields, now.minusSeconds(60));
    }

    static final List<String> LOT_HEADER = List.of("进厂编号", "材料种类", "品种规格", "供应商", "生产厂家", "出厂批号",
            "进厂数量(t)", "进厂时间", "检验报告编号", "检验报告二维码");

    static ImportTable lots(List<List<String>> rows) {
        List<ImportTable.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            lines.add(new ImportTable.Line(i + 2, rows.get(i)));
        }
        return new ImportTable(LOT_HEADER, lines);
    }

    static List<String> lot(String id, String number, String code) {
        return List.of(id, "水泥", "P·O 42.5", "福建炼石水泥有限公司", "福建炼石水泥有限公司", "LS-1", "100",
                "2026-11-24 08:00", number, code);
    }

    @Test
    void aReportCodeColumnIsSentAsTheTokenAndBadCodesAreBadRows() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        try (PlantFixture f = new PlantFixture(Runnable::run, Runnable::run, Duration.ofSeconds(5))) {
            f.clock.set(Instant.parse("2026-11-24T01:00:00Z"));
            PlantImport importer = new PlantImport(f.cache, f.clock, PlantFixture.CHINA);
            PlantImport.Preview p = importer.preview(lots(List.of(
                    lot("L1", "", "https://cqs.example.cn/v/" + report.encode()),
                    lot("L2", "2026-WB-000123", report.encode()),
                    lot("L3", "", "https://example.com/not-ours"),
                    lot("L4", "", batch.encode()),
                    lot("L5", "2026-OTHER-1", report.encode()),
                    lot("L6", "2026-OWN-1", ""))), List.of());
            assertThat(p.kind()).isEqualTo(ImportKind.LOTS);
            List<ImportRow> rows = p.rows();
            MaterialIntakeRequest first = (MaterialIntakeRequest) rows.get(0).request();
            assertThat(first.testReportToken()).isEqualTo(report.encode());
            assertThat(first.testReportNumber()).as("the server takes the code's number").isNull();
            assertThat(((MaterialIntakeRequest) rows.get(1).request()).testReportToken()).isEqualTo(report.encode());
            assertThat(rows.get(2).ok()).isFalse();
            assertThat(rows.get(2).column()).isEqualTo("检验报告二维码");
            assertThat(rows.get(2).reason()).contains("不是本系统检测报告的二维码");
            assertThat(rows.get(3).ok()).isFalse();
            assertThat(rows.get(3).column()).isEqualTo("检验报告二维码");
            assertThat(rows.get(4).ok()).isFalse();
            assertThat(rows.get(4).column()).isEqualTo("检验报告编号");
            assertThat(rows.get(4).reason()).contains("2026-WB-000123");
            MaterialIntakeRequest own = (MaterialIntakeRequest) rows.get(5).request();
            assertThat(own.testReportNumber()).isEqualTo("2026-OWN-1");
            assertThat(own.testReportToken()).isNull();

            PlantImport.Preview mix = importer.preview(new ImportTable(List.of("配合比编号", "混凝土标记", "水泥", "水",
                    "试配报告编号", "试配报告二维码", "生效日期"), List.of(new ImportTable.Line(2, List.of("PB-1",
                    "A-C30-180(S4)-GB/T 14902", "300", "170", "", report.encode(), "2026-11-01")))), List.of());
            assertThat(mix.kind()).isEqualTo(ImportKind.MIX_DESIGNS);
            assertThat(((MixDesignRequest) mix.rows().get(0).request()).trialReportToken()).isEqualTo(report.encode());
        }
    }
}
