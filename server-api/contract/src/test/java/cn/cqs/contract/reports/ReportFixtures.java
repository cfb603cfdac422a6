package cn.cqs.contract.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Shared test data for the report types that nest a {@link ReportHeader}. */
public final class ReportFixtures {
    public static final UUID PROJECT = UUID.fromString("6f1c2a9e-3b7d-4c5e-9a10-2b3c4d5e6f70");

    private ReportFixtures() {
    }

    /** A complete header naming {@code standard}, sampled a month before {@code testDate}. */
    public static ReportHeader header(String standard, LocalDate testDate) {
        return new ReportHeader("2024-GJ-000042", "WT2024-0789", PROJECT, "福州市某住宅小区3号楼", "3号楼五层梁板",
                "样品", "YP-2024-0789-1", testDate.minusDays(30), testDate, standard, "张三", "JZ-350100-000123",
                "福州某监理有限公司", "李四");
    }

    /** Decimals from text; {@code null} stays null. */
    public static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }
}
