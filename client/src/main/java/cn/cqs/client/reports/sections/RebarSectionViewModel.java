package cn.cqs.client.reports.sections;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.NominalDiameter;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.contract.reports.rebar.RebarReportType;
import cn.cqs.contract.reports.rebar.RebarResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;

/**
 * The hot-rolled ribbed bar section (热轧带肋钢筋, GB/T 1499.2-2018): grade, nominal diameter,
 * manufacturer, heat number, batch mass and test round; the tensile and bend specimens (two each in
 * a first test, four in a retest, where an item that is not retested is left blank); the mass
 * deviation sample (first test only). Live: each tensile specimen's strengths, elongations and, for
 * E grades, ratios; the mandrel diameter; the mass deviation; every single-item conclusion and the
 * overall conclusion of {@code RebarRule}.
 */
public final class RebarSectionViewModel extends ContentSectionViewModel<RebarReport, RebarResult> {
    /** Specimens per item in a first test (初检). */
    public static final int FIRST_TEST_SPECIMENS = 2;
    /** Specimens per item in a retest (复检, double). */
    public static final int RETEST_SPECIMENS = 4;
    static final String[] TENSILE = {"yieldLoadKn", "maxLoadKn", "gaugeLengthAfterFractureMm",
        "totalElongationAtMaxForcePercent"};

    private final IntegerProperty tensileRows;
    private final IntegerProperty bendRows;

    public RebarSectionViewModel() {
        super(RebarReportType.DEFINITION);
        SectionInput.Choice round = choice("testRound", "reports.rebar.field.testRound", null,
                List.of(TestRound.INITIAL, TestRound.RETEST), v -> Localization.get("reports.rebar.testRound." + v));
        rows(null,
                choice("grade", "reports.rebar.field.grade", null, List.of(RebarGrade.values()), v -> ((RebarGrade) v).name()),
                choice("nominalDiameterMm", "reports.rebar.field.nominalDiameterMm", "mm",
                        Arrays.stream(NominalDiameter.values()).map(NominalDiameter::mm).toList(), String::valueOf),
                text("manufacturer", "reports.rebar.field.manufacturer", null, SectionInput.Kind.TEXT),
                text("heatNumber", "reports.rebar.field.heatNumber", null, SectionInput.Kind.TEXT),
                text("batchMassT", "reports.rebar.field.batchMassT", "t", SectionInput.Kind.DECIMAL),
                round);
        List<SectionGroup.Column> tensileColumns = Arrays.stream(TENSILE)
                .map(f -> new SectionGroup.Column("reports.rebar.tensile." + f, unitOf(f))).toList();
        tensileRows = table("reports.rebar.tensile.title", "tensileSpecimens", tensileColumns, RETEST_SPECIMENS,
                FIRST_TEST_SPECIMENS, i -> Arrays.stream(TENSILE).map(f -> (SectionInput) text(
                        "tensileSpecimens[" + i + "]." + f, null, null, SectionInput.Kind.DECIMAL)).toList());
        bendRows = table("reports.rebar.bend.title", "bendSpecimens",
                List.of(new SectionGroup.Column("reports.rebar.bend.crackFree", null)), RETEST_SPECIMENS,
                FIRST_TEST_SPECIMENS, i -> List.of(choice("bendSpecimens[" + i + "].crackFree", null, null,
                        List.of(Boolean.TRUE, Boolean.FALSE), v -> Localization.get("reports.rebar.crackFree." + v))));
        BooleanBinding firstTest = Bindings.createBooleanBinding(() -> round.value().get() != TestRound.RETEST,
                round.value());
        rows("reports.rebar.mass.title", firstTest,
                text("massSample.pieces", "reports.rebar.field.massSample.pieces", null, SectionInput.Kind.INTEGER),
                text("massSample.totalLengthMm", "reports.rebar.field.massSample.totalLengthMm", "mm",
                        SectionInput.Kind.DECIMAL),
                text("massSample.totalMassKg", "reports.rebar.field.massSample.totalMassKg", "kg",
                        SectionInput.Kind.DECIMAL));
        round.value().addListener((o, a, b) -> {
            int rows = b == TestRound.RETEST ? RETEST_SPECIMENS : FIRST_TEST_SPECIMENS;
            tensileRows.set(rows);
            bendRows.set(rows);
        });
        round.value().set(TestRound.INITIAL);
    }

    private static String unitOf(String tensileField) {
        return switch (tensileField) {
            case "gaugeLengthAfterFractureMm" -> "mm";
            case "totalElongationAtMaxForcePercent" -> "%";
            default -> "kN";
        };
    }

    @Override
    public String defaultSampleNameKey() {
        return "reports.rebar.sampleName";
    }

    /** How many tensile specimen rows are shown and read. */
    public IntegerProperty tensileRowsProperty() {
        return tensileRows;
    }

    /** How many bend specimen rows are shown and read. */
    public IntegerProperty bendRowsProperty() {
        return bendRows;
    }

    private boolean retest() {
        return choice("testRound").get() == TestRound.RETEST;
    }

    @Override
    protected boolean isActive(String path) {
        if (path.startsWith("massSample")) {
            return !retest();
        }
        if (path.startsWith("tensileSpecimens[")) {
            return index(path) < tensileRows.get();
        }
        if (path.startsWith("bendSpecimens[")) {
            return index(path) < bendRows.get();
        }
        return true;
    }

    private static int index(String path) {
        return Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
    }

    @Override
    protected void loadContent(RebarReport c) {
        choice("grade").set(RebarGrade.find(c.grade()).orElse(null));
        choice("nominalDiameterMm").set(c.nominalDiameterMm());
        set("manufacturer", c.manufacturer());
        set("heatNumber", c.heatNumber());
        set("batchMassT", c.batchMassT());
        choice("testRound").set(c.testRound() == null ? TestRound.INITIAL : c.testRound());
        for (int i = 0; i < RETEST_SPECIMENS; i++) {
            RebarReport.TensileSpecimen t = c.tensileSpecimens() == null || i >= c.tensileSpecimens().size() ? null
                    : c.tensileSpecimens().get(i);
            String p = "tensileSpecimens[" + i + "].";
            set(p + "yieldLoadKn", t == null ? null : t.yieldLoadKn());
            set(p + "maxLoadKn", t == null ? null : t.maxLoadKn());
            set(p + "gaugeLengthAfterFractureMm", t == null ? null : t.gaugeLengthAfterFractureMm());
            set(p + "totalElongationAtMaxForcePercent", t == null ? null : t.totalElongationAtMaxForcePercent());
            RebarReport.BendSpecimen b = c.bendSpecimens() == null || i >= c.bendSpecimens().size() ? null
                    : c.bendSpecimens().get(i);
            choice("bendSpecimens[" + i + "].crackFree").set(b == null ? null : b.crackFree());
        }
        RebarReport.MassSample m = c.massSample();
        set("massSample.pieces", m == null ? null : m.pieces());
        set("massSample.totalLengthMm", m == null ? null : m.totalLengthMm());
        set("massSample.totalMassKg", m == null ? null : m.totalMassKg());
    }


    @Override
    public RebarReport content(ReportHeader header) {
        boolean retest = retest();
        List<RebarReport.TensileSpecimen> tensile = new ArrayList<>();
        if (!(retest && allBlank("tensileSpecimens["))) { // a retest leaves an item it does not repeat blank
            for (int i = 0; i < tensileRows.get(); i++) {
                String p = "tensileSpecimens[" + i + "].";
                tensile.add(new RebarReport.TensileSpecimen(decimal(p + "yieldLoadKn"), decimal(p + "maxLoadKn"),
                        decimal(p + "gaugeLengthAfterFractureMm"), decimal(p + "totalElongationAtMaxForcePercent")));
            }
        }
        List<RebarReport.BendSpecimen> bend = new ArrayList<>();
        if (!(retest && allBlank("bendSpecimens["))) {
            for (int i = 0; i < bendRows.get(); i++) {
                bend.add(new RebarReport.BendSpecimen(chosen("bendSpecimens[" + i + "].crackFree", Boolean.class)));
            }
        }
        RebarReport.MassSample mass = retest ? null : new RebarReport.MassSample(integer("massSample.pieces"),
                decimal("massSample.totalLengthMm"), decimal("massSample.totalMassKg"));
        RebarGrade grade = chosen("grade", RebarGrade.class);
        return new RebarReport(header, grade == null ? null : grade.name(), chosen("nominalDiameterMm", Integer.class),
                string("manufacturer"), string("heatNumber"), decimal("batchMassT"), chosen("testRound", TestRound.class),
                tensile, bend, mass);
    }

    @Override
    protected List<ResultLine> resultLines(RebarResult r) {
        List<ResultLine> out = new ArrayList<>();
        out.add(ResultLine.value("gaugeLengthValue", Localization.get("reports.rebar.result.gaugeLength"),
                plain(r.originalGaugeLengthMm()) + " mm"));
        for (int i = 0; i < r.tensile().size(); i++) {
            RebarResult.TensileResult t = r.tensile().get(i);
            String value = Localization.get("reports.rebar.result.tensileValue", plain(t.yieldStrengthMpa()),
                    plain(t.tensileStrengthMpa()), plain(t.elongationPercent()), plain(t.totalElongationPercent()));
            if (t.strengthYieldRatio() != null) {
                value += "\n" + Localization.get("reports.rebar.result.ratios", plain(t.strengthYieldRatio()),
                        plain(t.overYieldRatio()));
            }
            out.add(ResultLine.value("tensile" + (i + 1) + "Value",
                    Localization.get("reports.rebar.result.tensile", i + 1), value));
        }
        if (!r.bendCrackFree().isEmpty()) {
            out.add(ResultLine.value("mandrelValue", Localization.get("reports.rebar.result.mandrel"),
                    r.mandrelDiameterMm() + " mm"));
        }
        if (r.massDeviation() != null) {
            out.add(ResultLine.value("massDeviationValue", Localization.get("reports.rebar.result.mass"),
                    Localization.get("reports.rebar.result.massValue", plain(r.massDeviation().deviationPercent()),
                            plain(r.massDeviation().tolerancePercent()))));
        }
        out.addAll(itemLines(r.items()));
        out.add(conclusionLine(r.conclusion()));
        return out;
    }

    @Override
    protected String conclusionText(RebarResult result) {
        return conclusionName(result.conclusion());
    }
}
