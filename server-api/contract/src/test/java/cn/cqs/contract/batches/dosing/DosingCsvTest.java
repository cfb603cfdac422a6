package cn.cqs.contract.batches.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DosingCsvTest {
    private static final String HEADER =
            "serialNumber,plateNo,time,volumeM3,cement,flyAsh,slagPowder,sand,stone,admixture,water";
    private static final String S1 = "20261124-776049653-000017";
    private static final String S2 = "20261124-776049653-000018";

    private static String row(String serial, int plate, String time) {
        return serial + "," + plate + "," + time + ",2.0,600,120,80,1520,2100,16.0,340";
    }

    private static DosingCsv.Parsed parse(String... lines) {
        return DosingCsv.parse(String.join("\n", lines));
    }

    private static List<String> where(DosingCsv.Parsed parsed) {
        return parsed.errors().stream().map(e -> e.row() + ":" + e.column()).toList();
    }

    @Test
    void readsTheDocumentedFormat() {
        DosingCsv.Parsed p = parse(HEADER, row(S1, 1, "2026-11-24T08:15:30"), row(S1, 2, "2026-11-24 08:17:30"));
        assertThat(p.valid()).isTrue();
        assertThat(p.plates()).hasSize(2);
        DosingRecord first = p.plates().get(0);
        assertThat(first.serialNumber()).isEqualTo(S1);
        assertThat(first.plateNo()).isEqualTo(1);
        // 08:15:30 China time is 00:15:30 UTC
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-24T00:15:30Z"));
        assertThat(p.plates().get(1).time()).isEqualTo(Instant.parse("2026-11-24T00:17:30Z"));
        assertThat(first.volumeM3()).isEqualByComparingTo("2.0");
        assertThat(first.kg(MaterialKind.SLAG_POWDER)).isEqualByComparingTo("80");
        assertThat(first.kg(MaterialKind.ADMIXTURE)).isEqualByComparingTo("16.0");
        assertThat(first.weighedKg()).hasSize(7);
    }

    @Test
    void acceptsABomCrLfQuotesAnyColumnOrderAndAnOffsetTime() throws Exception {
        String text = "\uFEFFWATER,serialnumber,plateNo,time,volumeM3,cement\r\n"
                + "170,\"" + S1 + "\",\"1\",2026-11-24T08:15:30+08:00,1.0,300\r\n";
        DosingCsv.Parsed p = DosingCsv.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(p.errors()).isEmpty();
        assertThat(p.plates().get(0).time()).isEqualTo(Instant.parse("2026-11-24T00:15:30Z"));
        assertThat(p.plates().get(0).weighedKg()).containsOnlyKeys(MaterialKind.WATER, MaterialKind.CEMENT);
    }

    @Test
    void binsOfOneMaterialAreSummed() {
        DosingCsv.Parsed p = parse("serialNumber,plateNo,time,volumeM3,stone_1,stone_2,sand",
                S1 + ",1,2026-11-24T08:15:30,2.0,1000.5,1099.5,1520");
        assertThat(p.errors()).isEmpty();
        assertThat(p.plates().get(0).kg(MaterialKind.STONE)).isEqualByComparingTo("2100.0");
    }

    @Test
    void anEmptyMaterialCellIsNotWeighedAndZeroIsZero() {
        DosingCsv.Parsed p = parse(HEADER, S1 + ",1,2026-11-24T08:15:30,2.0,600,,0,1520,2100,16,340");
        assertThat(p.errors()).isEmpty();
        assertThat(p.plates().get(0).kg(MaterialKind.FLY_ASH)).isNull();
        assertThat(p.plates().get(0).kg(MaterialKind.SLAG_POWDER)).isEqualByComparingTo("0");
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumn() {
        DosingCsv.Parsed p = parse(HEADER,
                row(S1, 1, "2026-11-24T08:15:30"),
                "20261124-ABC-1,2,2026-11-24T08:17:30,2.0,600,120,80,1520,2100,16.0,340",
                S1 + ",x,2026-11-24T08:19:30,2.0,600,120,80,1520,2100,16.0,340",
                S1 + ",4,24/11/2026 08:21,2.0,600,120,80,1520,2100,16.0,340",
                S1 + ",5,2026-11-24T08:23:30,0,600,120,80,1,520,2100,16.0,340",
                S1 + ",6,2026-11-24T08:25:30,12.5,-600,120,80,1520,2100,16.0,340",
                S1 + ",7,2026-11-24T08:27:30,2.0,600,120,80,\"1,520\",2100,16.0,340",
                row(S1, 1, "2026-11-24T08:29:30"),
                S1 + ",0,,,600,120,80,1520,2100,16.0,340",
                row(S1, 10, "2026-11-24T08:31:30"));
        assertThat(where(p)).containsExactly(
                "3:serialNumber",
                "4:plateNo",
                "5:time",
                "6:null",
                "7:volumeM3", "7:cement",
                "8:sand",
                "9:plateNo",
                "10:plateNo", "10:time", "10:volumeM3");
        assertThat(p.errors().get(3).message()).contains("Expected 11 fields").contains("got 12");
        assertThat(p.errors().get(7).message()).contains("Plate 1 of " + S1 + " appears twice");
        assertThat(p.errors().get(8).code()).isEqualTo("out_of_range");
        assertThat(p.errors().get(9).code()).isEqualTo("required");
        assertThat(p.plates()).extracting(DosingRecord::plateNo).containsExactly(1, 10);
        assertThat(p.valid()).isFalse();
        assertThat(p.errors().get(0).toFieldError().field()).isEqualTo("rows[3].serialNumber");
        assertThat(p.errors().get(0).toString()).startsWith("row 3, column serialNumber: ");
    }

    @Test
    void theHeaderIsRequiredAndChecked() {
        assertThat(where(parse(row(S1, 1, "2026-11-24T08:15:30"))))
                .contains("1:serialNumber", "1:plateNo", "1:time", "1:volumeM3");
        DosingCsv.Parsed unknown = parse("serialNumber,plateNo,time,volumeM3,cement,cement,gravel,", row(S1, 1, "x"));
        assertThat(where(unknown)).containsExactly("1:cement", "1:gravel", "1:#8");
        assertThat(unknown.errors().get(1).message()).contains("Unknown column 'gravel'").contains("flyAsh");
        assertThat(where(parse("serialNumber,plateNo,time,volumeM3", S1 + ",1,2026-11-24T08:15:30,2.0")))
                .containsExactly("1:null");
        assertThat(parse("").errors().get(0).message()).contains("header row is required");
        assertThat(parse(HEADER).errors().get(0).message()).contains("no plates");
    }

    @Test
    void blankLinesAreSkippedAndRowNumbersStayPhysical() {
        DosingCsv.Parsed p = parse(HEADER, "", row(S1, 1, "2026-11-24T08:15:30"), "", S1 + ",2,bad,2.0,1,1,1,1,1,1,1", "");
        assertThat(p.plates()).hasSize(1);
        assertThat(where(p)).containsExactly("5:time");
    }

    @Test
    void aFileMayHoldSeveralBatches() {
        DosingCsv.Parsed p = parse(HEADER, row(S1, 1, "2026-11-24T08:15:30"), row(S2, 1, "2026-11-24T08:16:30"),
                row(S1, 2, "2026-11-24T08:17:30"));
        Map<String, List<DosingRecord>> bySerial = p.bySerialNumber();
        assertThat(bySerial.keySet()).containsExactly(S1, S2);
        assertThat(bySerial.get(S1)).extracting(DosingRecord::plateNo).containsExactly(1, 2);
    }

    @Test
    void atMostTenThousandPlatesPerFile() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= DosingCsv.MAX_PLATES + 5; i++) {
            sb.append(row(S1, i, "2026-11-24T08:15:30")).append('\n');
        }
        DosingCsv.Parsed p = DosingCsv.parse(sb.toString());
        assertThat(p.plates()).hasSize(DosingCsv.MAX_PLATES);
        assertThat(p.errors()).hasSize(1);
        assertThat(p.errors().get(0).row()).isEqualTo(DosingCsv.MAX_PLATES + 2);
        assertThat(p.errors().get(0).message()).contains("At most 10000 plates");
    }

    @Test
    void problemsAreCappedAtOneThousandAndSaySo() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 1200; i++) {
            sb.append(S1).append(',').append(i).append(",bad,2.0,1,1,1,1,1,1,1\n");
        }
        DosingCsv.Parsed p = DosingCsv.parse(sb.toString());
        assertThat(p.errors()).hasSize(1001);
        assertThat(p.errors().get(1000).message()).contains("More than 1000 problems");
    }

    @Test
    void notUtf8IsRefusedAsAWhole() throws Exception {
        byte[] gbk = (HEADER + "\n" + row(S1, 1, "2026-11-24T08:15:30") + ",水泥").getBytes("GBK");
        DosingCsv.Parsed p = DosingCsv.parse(new ByteArrayInputStream(gbk));
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.message()).contains("not UTF-8");
            assertThat(e.toFieldError().field()).isEqualTo("file");
        });
    }

    @Test
    void anUnclosedQuoteIsReported() {
        DosingCsv.Parsed p = parse(HEADER, row(S1, 1, "2026-11-24T08:15:30"), "\"" + S1 + ",2,2026");
        assertThat(where(p)).containsExactly("3:null");
        assertThat(p.plates()).hasSize(1);
    }

    @Test
    void parsedPlatesCompareWithTheMixDesign() {
        DosingCsv.Parsed p = parse(HEADER, row(S1, 1, "2026-11-24T08:15:30"), row(S1, 2, "2026-11-24T08:17:30"));
        Map<MaterialKind, BigDecimal> design = Map.of(MaterialKind.CEMENT, new BigDecimal("300"),
                MaterialKind.FLY_ASH, new BigDecimal("60"), MaterialKind.SLAG_POWDER, new BigDecimal("40"),
                MaterialKind.SAND, new BigDecimal("760"), MaterialKind.STONE, new BigDecimal("1050"),
                MaterialKind.ADMIXTURE, new BigDecimal("8"), MaterialKind.WATER, new BigDecimal("170"));
        assertThat(DosingComparison.compare(design, p.bySerialNumber().get(S1), true).state())
                .isEqualTo(DosingState.WITHIN_TOLERANCE);
    }
}
