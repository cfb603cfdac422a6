package cn.cqs.client.batches;

import java.util.List;

/**
 * What an import file holds, told by its header row (docs/plant-import.md lists the columns):
 * material lots (原材料进厂), mix designs (配合比) or batches (生产登记). Each column has a Chinese
 * heading and an English one; either is accepted.
 */
public enum ImportKind {
    LOTS(List.of(
            new Column("lotId", "进厂编号", false),
            new Column("kind", "材料种类", true),
            new Column("specification", "品种规格", true),
            new Column("supplier", "供应商", true),
            new Column("manufacturer", "生产厂家", true),
            new Column("lotNumber", "出厂批号", true),
            new Column("quantityTonnes", "进厂数量(t)", true),
            new Column("arrivedAt", "进厂时间", true),
            new Column("testReportNumber", "检验报告编号", false),
            new Column("testReportToken", "检验报告二维码", false))),
    MIX_DESIGNS(List.of(
            new Column("mixDesignId", "配合比编号", true),
            new Column("marking", "混凝土标记", true),
            new Column("CEMENT", "水泥", true),
            new Column("FLY_ASH", "粉煤灰", false),
            new Column("SLAG_POWDER", "矿渣粉", false),
            new Column("SAND", "砂", false),
            new Column("STONE", "石", false),
            new Column("ADMIXTURE", "外加剂", false),
            new Column("WATER", "水", true),
            new Column("trialReportNumber", "试配报告编号", false),
            new Column("trialReportToken", "试配报告二维码", false),
            new Column("validFrom", "生效日期", true),
            new Column("validTo", "失效日期", false))),
    BATCHES(List.of(
            new Column("batchId", "生产任务号", false),
            new Column("project", "工程名称", true),
            new Column("buyer", "需方", true),
            new Column("pourLocation", "浇筑部位", true),
            new Column("marking", "混凝土标记", true),
            new Column("volumeM3", "计划方量(m³)", true),
            new Column("mixDesignId", "配合比编号", true),
            new Column("materialLotIds", "原材料进厂编号", true),
            new Column("plannedStart", "计划开盘时间", true),
            new Column("contractNumber", "合同编号", false)));

    /** One column: its English heading (the field name), its Chinese heading, whether the header must have it. */
    public record Column(String english, String chinese, boolean required) {
        /** Whether {@code heading} names this column (either language; case, spaces and units ignored). */
        public boolean matches(String heading) {
            String h = normalise(heading);
            return h.equals(normalise(english)) || h.equals(normalise(chinese));
        }

        static String normalise(String s) {
            return s == null ? "" : s.replace('（', '(').replace('）', ')').replaceAll("\\s+", "")
                    .replaceAll("\\(.*\\)$", "").replace("*", "").toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final List<Column> columns;

    ImportKind(List<Column> columns) {
        this.columns = columns;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The kind whose required columns the header has, best match first; null when none fits. */
    public static ImportKind detect(List<String> header) {
        ImportKind best = null;
        int bestScore = 0;
        for (ImportKind k : values()) {
            boolean allRequired = k.columns.stream().filter(Column::required)
                    .allMatch(c -> header.stream().anyMatch(c::matches));
            int score = (int) k.columns.stream().filter(c -> header.stream().anyMatch(c::matches)).count();
            if (allRequired && score > bestScore) {
                best = k;
                bestScore = score;
            }
        }
        return best;
    }
}
