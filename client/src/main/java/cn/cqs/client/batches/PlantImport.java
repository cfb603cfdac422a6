package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.ProductionRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CSV/Excel import for plants without an ERP (导入): reads a file of material lots, mix designs or
 * batches, checks every row with the same rules as the forms (the contract's limits, the
 * {@code ConcreteMarking} rule, known mix designs, lots and projects, duplicate ids in the file) and
 * returns a preview row per data row. Nothing is saved here; {@link #queue} registers the good rows
 * through the outbox once the user confirmed. No JavaFX. The columns are documented in
 * {@code docs/plant-import.md}.
 */
public final class PlantImport {
    /** The kind of the file and its rows, in file order. */
    public record Preview(ImportKind kind, List<ImportRow> rows) {
        public long good() {
            return rows.stream().filter(ImportRow::ok).count();
        }

        public long bad() {
            return rows.size() - good();
        }
    }

    private final PlantCache cache;
    private final Clock clock;
    private final ZoneId zone;

    public PlantImport(PlantCache cache, Clock clock, ZoneId zone) {
        this.cache = cache;
        this.clock = clock;
        this.zone = zone;
    }

    /** Reads {@code file} (.csv or .xlsx). */
    public static ImportTable read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return XlsxReader.read(file);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CsvReader.read(file);
        }
        throw new IOException(file.getFileName() + ": only .csv (UTF-8) and .xlsx files can be imported");
    }

    /**
     * Checks every row of {@code table}.
     *
     * @throws IllegalArgumentException when the header fits no kind (naming the columns expected)
     */
    public Preview preview(ImportTable table, List<ProjectChoice> projects) {
        ImportKind kind = ImportKind.detect(table.header());
        if (kind == null) {
            throw new IllegalArgumentException(Localization.get("plant.import.unknownHeader", String.join(", ",
                    table.header())));
        }
        Map<String, Integer> at = new LinkedHashMap<>();
        for (ImportKind.Column c : kind.columns()) {
            for (int i = 0; i < table.header().size(); i++) {
                if (c.matches(table.header().get(i))) {
                    at.put(c.english(), i);
                    break;
                }
            }
        }
        Set<String> seen = new HashSet<>();
        Set<String> fileMixDesigns = new HashSet<>();
        Set<String> fileLots = new HashSet<>();
        Set<String> knownMixDesigns = new HashSet<>();
        cache.mixDesigns().forEach(d -> knownMixDesigns.add(d.mixDesignId()));
        List<ImportRow> rows = new ArrayList<>();
        for (ImportTable.Line line : table.lines()) {
            Row r = new Row(kind, line, at);
            ImportRow row = switch (kind) {
                case LOTS -> lot(r, seen);
                case MIX_DESIGNS -> mixDesign(r, seen);
                case BATCHES -> batch(r, seen, projects, knownMixDesigns, fileMixDesigns, fileLots);
            };
            if (row.ok() && kind == ImportKind.MIX_DESIGNS) {
                fileMixDesigns.add(row.id());
            }
            if (row.ok() && kind == ImportKind.LOTS) {
                fileLots.add(row.id());
            }
            rows.add(row);
        }
        return new Preview(kind, rows);
    }

    /** Queues the good rows of {@code preview} (in file order); returns how many; {@code progress} gets (done, total). */
    public int queue(Preview preview, PlantRegistrar registrar, java.util.function.BiConsumer<Integer, Integer> progress) {
        List<ImportRow> good = preview.rows().stream().filter(ImportRow::ok).toList();
        int done = 0;
        for (ImportRow row : good) {
            switch (preview.kind()) {
                case LOTS -> registrar.registerLot(row.id(), (MaterialIntakeRequest) row.request());
                case MIX_DESIGNS -> registrar.registerMixDesign(row.id(), (MixDesignRequest) row.request(), row.extra());
                case BATCHES -> registrar.registerBatch(row.id(), (ProductionRequest) row.request(), row.extra());
                default -> throw new IllegalStateException(preview.kind().name());
            }
            progress.accept(++done, good.size());
        }
        return done;
    }

    // ------------------------------------------------------------------ rows

    /** One line's cells by column, with the problems found so far. */
    private final class Row {
        final ImportTable.Line line;
        final Map<String, Integer> at;
        final ImportKind kind;
        final List<String[]> problems = new ArrayList<>();

        Row(ImportKind kind, ImportTable.Line line, Map<String, Integer> at) {
            this.kind = kind;
            this.line = line;
            this.at = at;
        }

        String get(String column) {
            Integer i = at.get(column);
            return i == null ? "" : line.cell(i);
        }

        void problem(String column, String reason) {
            problems.add(new String[] {heading(column), reason});
        }

        String heading(String column) {
            return kind.columns().stream().filter(c -> c.english().equals(column)).findFirst()
                    .map(ImportKind.Column::chinese).orElse(column);
        }

        String required(String column, int max) {
            String v = get(column);
            if (v.isEmpty()) {
                problem(column, Localization.get("plant.error.required"));
                return null;
            }
            if (v.length() > max) {
                problem(column, Localization.get("plant.error.tooLong", max));
                return null;
            }
            return v;
        }

        String optional(String column, int max) {
            String v = get(column);
            if (v.length() > max) {
                problem(column, Localization.get("plant.error.tooLong", max));
            }
            return v.isEmpty() ? null : v;
        }

        BigDecimal decimal(String column, BigDecimal max, boolean required) {
            String v = get(column);
            if (v.isEmpty()) {
                if (required) {
                    problem(column, Localization.get("plant.error.required"));
                }
                return null;
            }
            BigDecimal d = PlantTexts.parseDecimal(v);
            if (d == null) {
                problem(column, Localization.get("plant.error.number"));
                return null;
            }
            if (d.signum() <= 0 || d.compareTo(max) > 0) {
                problem(column, Localization.get("plant.error.range", "0", max.toPlainString()));
                return null;
            }
            return d;
        }

        Instant time(String column) {
            String v = get(column);
            Instant t = PlantTexts.parseTime(v, zone);
            if (t == null) {
                problem(column, v.isEmpty() ? Localization.get("plant.error.required") : Localization.get("plant.error.time"));
            }
            return t;
        }

        LocalDate day(String column, boolean required) {
            String v = get(column);
            if (v.isEmpty()) {
                if (required) {
                    problem(column, Localization.get("plant.error.required"));
                }
                return null;
            }
            try {
                return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
            } catch (DateTimeParseException e) {
                problem(column, Localization.get("plant.error.day"));
                return null;
            }
        }

        String id(String column, boolean required, Set<String> seen) {
            String v = get(column);
            if (v.isEmpty()) {
                if (required) {
                    problem(column, Localization.get("plant.error.required"));
                    return null;
                }
                return PlantIds.newId();
            }
            String p = PlantIds.problem(v);
            if (p != null) {
                problem(column, Localization.get("plant.error.id." + p));
                return null;
            }
            if (!seen.add(v)) {
                problem(column, Localization.get("plant.import.duplicate", v));
                return null;
            }
            return v;
        }

        ImportRow result(String id, String summary, Object request, String extra) {
            if (!problems.isEmpty()) {
                String reasons = String.join("；", problems.stream().map(p -> p[0] + "：" + p[1]).toList());
                return new ImportRow(line.number(), false, problems.get(0)[0], reasons, null, summary, null, null);
            }
            return new ImportRow(line.number(), true, null, null, id, summary, request, extra);
        }
    }

    private ImportRow lot(Row r, Set<String> seen) {
        String id = r.id("lotId", false, seen);
        MaterialKind kind = materialKind(r.get("kind"));
        if (kind == null || !kind.registeredByLot()) {
            r.problem("kind", r.get("kind").isEmpty() ? Localization.get("plant.error.required")
                    : Localization.get("plant.import.kind", r.get("kind")));
        }
        String spec = r.required("specification", 100);
        String supplier = r.required("supplier", 200);
        String manufacturer = r.required("manufacturer", 200);
        String lotNumber = r.required("lotNumber", 64);
        BigDecimal q = r.decimal("quantityTonnes", new BigDecimal("100000"), true);
        Instant arrived = r.time("arrivedAt");
        if (arrived != null && arrived.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            r.problem("arrivedAt", Localization.get("plant.error.future"));
        }
        String report = r.optional("testReportNumber", 64);
        String reportToken = reportToken(r, "testReportNumber", report, "testReportToken");
        String summary = (kind == null ? r.get("kind") : PlantTexts.kind(kind)) + " " + nz(spec) + " " + nz(lotNumber)
                + (q == null ? "" : " " + PlantTexts.decimal(q) + " t");
        if (!r.problems.isEmpty()) {
            return r.result(null, summary, null, null);
        }
        return r.result(id, summary, new MaterialIntakeRequest(kind, spec, supplier, manufacturer, lotNumber, q, arrived,
                report, reportToken), null);
    }

    /**
     * The optional report QR column (the code's text: the verification URL or the bare token, as a
     * scanner gun types it): it must be a report code of this system, and a number given beside it must
     * be the code's. The server verifies the code itself when the row is sent.
     */
    private static String reportToken(Row r, String numberColumn, String number, String tokenColumn) {
        String text = r.optional(tokenColumn, 2048);
        if (text == null) {
            return null;
        }
        cn.cqs.contract.qr.QrToken token;
        try {
            token = cn.cqs.contract.qr.QrToken.fromScannedText(text);
        } catch (cn.cqs.contract.qr.MalformedTokenException e) {
            r.problem(tokenColumn, Localization.get("plant.import.notAReportCode"));
            return null;
        }
        if (token.kind() != cn.cqs.contract.qr.TokenKind.REPORT) {
            r.problem(tokenColumn, Localization.get("plant.import.notAReportCode"));
            return null;
        }
        if (number != null && !number.equals(token.documentNumber())) {
            r.problem(numberColumn, Localization.get("plant.import.reportCodeMismatch", token.documentNumber()));
        }
        return token.encode();
    }

    private ImportRow mixDesign(Row r, Set<String> seen) {
        String id = r.id("mixDesignId", true, seen);
        String markingText = r.get("marking");
        MarkingCheck marking = MarkingCheck.of(markingText);
        if (markingText.isEmpty()) {
            r.problem("marking", Localization.get("plant.error.required"));
        } else if (!marking.valid()) {
            r.problem("marking", marking.text().replace('\n', ' '));
        }
        List<MixQuantity> quantities = new ArrayList<>();
        for (MaterialKind k : MaterialKind.values()) {
            BigDecimal v = r.decimal(k.name(), new BigDecimal("5000"), k == MaterialKind.CEMENT || k == MaterialKind.WATER);
            if (v != null) {
                if (v.stripTrailingZeros().scale() > 3) {
                    r.problem(k.name(), Localization.get("plant.error.decimals", 3));
                } else {
                    quantities.add(new MixQuantity(k, v));
                }
            }
        }
        String trial = r.optional("trialReportNumber", 64);
        String trialToken = reportToken(r, "trialReportNumber", trial, "trialReportToken");
        LocalDate from = r.day("validFrom", true);
        LocalDate to = r.day("validTo", false);
        if (from != null && to != null && to.isBefore(from)) {
            r.problem("validTo", Localization.get("plant.error.validTo"));
        }
        String summary = nz(id) + " " + markingText;
        if (!r.problems.isEmpty()) {
            return r.result(null, summary, null, null);
        }
        return r.result(id, summary, new MixDesignRequest(marking.marking().render(), quantities, trial, from, to,
                trialToken),
                marking.marking().strength().code());
    }

    private ImportRow batch(Row r, Set<String> seen, List<ProjectChoice> projects, Set<String> knownMixDesigns,
                            Set<String> fileMixDesigns, Set<String> fileLots) {
        String id = r.id("batchId", false, seen);
        String projectName = r.get("project");
        ProjectChoice project = projects.stream().filter(p -> p.name().equals(projectName)).findFirst().orElse(null);
        if (projectName.isEmpty()) {
            r.problem("project", Localization.get("plant.error.required"));
        } else if (project == null) {
            r.problem("project", Localization.get("plant.import.project", projectName));
        }
        String buyer = r.required("buyer", 200);
        String pour = r.required("pourLocation", 200);
        String markingText = r.get("marking");
        MarkingCheck marking = MarkingCheck.of(markingText);
        if (markingText.isEmpty()) {
            r.problem("marking", Localization.get("plant.error.required"));
        } else if (!marking.valid()) {
            r.problem("marking", marking.text().replace('\n', ' '));
        }
        BigDecimal volume = r.decimal("volumeM3", new BigDecimal("10000"), true);
        String mix = r.required("mixDesignId", 64);
        Instant planned = r.time("plannedStart");
        if (mix != null && !knownMixDesigns.contains(mix) && !fileMixDesigns.contains(mix)) {
            r.problem("mixDesignId", Localization.get("plant.import.mixDesign", mix));
        } else if (mix != null && marking.valid()) {
            cache.mixDesign(mix).ifPresent(d -> {
                MarkingCheck dm = MarkingCheck.of(d.design().marking());
                if (dm.valid() && !dm.marking().render().equals(marking.marking().render())) {
                    r.problem("marking", Localization.get("plant.error.markingDiffers", d.design().marking()));
                }
                if (planned != null && !d.validOn(LocalDate.ofInstant(planned, zone))) {
                    r.problem("plannedStart", Localization.get("plant.error.mixDesignValidity",
                            MixDesignViewModel.validity(d)));
                }
            });
        }
        List<String> lots = new ArrayList<>();
        String lotCell = r.get("materialLotIds");
        if (lotCell.isEmpty()) {
            r.problem("materialLotIds", Localization.get("plant.error.required"));
        } else {
            for (String lot : lotCell.split("[;；、,，|]")) {
                String l = lot.strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (!fileLots.contains(l) && !cache.hasLot(l)) {
                    r.problem("materialLotIds", Localization.get("plant.import.lot", l));
                }
                lots.add(l);
            }
        }
        String contract = r.optional("contractNumber", 64);
        String summary = nz(projectName) + " · " + nz(pour) + " · " + markingText;
        if (!r.problems.isEmpty()) {
            return r.result(null, summary, null, null);
        }
        return r.result(id, summary, new ProductionRequest(project.id(), buyer, pour, marking.marking().render(), volume,
                mix, lots, planned, contract), project.name());
    }

    /** A material kind by its Chinese name (水泥, 粉煤灰, 矿渣粉, 砂, 石, 外加剂, 水) or enum name. */
    static MaterialKind materialKind(String text) {
        String t = text.strip();
        for (MaterialKind k : MaterialKind.values()) {
            if (k.name().equalsIgnoreCase(t) || Localization.bundle(cn.cqs.client.i18n.AppLanguage.CHINESE)
                    .getString("plant.kind." + k.name()).equals(t)) {
                return k;
            }
        }
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
