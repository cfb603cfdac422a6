package cn.cqs.client.reports.sections;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.NominalDiameter;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.splice.FailureLocation;
import cn.cqs.contract.reports.splice.FailureMode;
import cn.cqs.contract.reports.splice.SpliceGrade;
import cn.cqs.contract.reports.splice.SpliceKind;
import cn.cqs.contract.reports.splice.SpliceReport;
import cn.cqs.contract.reports.splice.SpliceReportType;
import cn.cqs.contract.reports.splice.SpliceResult;
import cn.cqs.contract.reports.splice.WeldingMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;

/**
 * The rebar splice section (钢筋机械连接接头 JGJ 107-2016 / 钢筋焊接接头拉伸 JGJ 18-2012): the
 * kind, which decides the standard and which fields apply (splice grade and type for a mechanical
 * splice, the welding method and each specimen's failure mode for a welded joint), the bar's grade
 * and diameter, the lot size, the test round and the specimens (three in a first test, six in a
 * retest) with their maximum force and where they broke. Live: each specimen's strength against what
 * it had to reach, the item and the conclusion of {@code SpliceRule}.
 */
public final class SpliceSectionViewModel extends ContentSectionViewModel<SpliceReport, SpliceResult> {
    /** Specimens in a first test. */
    public static final int FIRST_TEST_SPECIMENS = 3;
    /** Specimens in a retest. */
    public static final int RETEST_SPECIMENS = 6;

    private final IntegerProperty specimenRows;

    public SpliceSectionViewModel() {
        super(SpliceReportType.DEFINITION);
        SectionInput.Choice kind = choice("kind", "reports.splice.field.kind", null, List.of(SpliceKind.values()),
                v -> Localization.get("reports.splice.kind." + v));
        SectionInput.Choice round = choice("testRound", "reports.splice.field.testRound", null,
                List.of(TestRound.INITIAL, TestRound.RETEST), v -> Localization.get("reports.splice.testRound." + v));
        rows(null, kind,
                choice("barGrade", "reports.splice.field.barGrade", null, List.of(RebarGrade.values()),
                        v -> ((RebarGrade) v).name()),
                choice("nominalDiameterMm", "reports.splice.field.nominalDiameterMm", "mm",
                        Arrays.stream(NominalDiameter.values()).map(NominalDiameter::mm).toList(), String::valueOf));
        rows(null, Bindings.createBooleanBinding(() -> kind.value().get() != SpliceKind.WELDED, kind.value()),
                choice("spliceGrade", "reports.splice.field.spliceGrade", null, List.of(SpliceGrade.values()),
                        v -> Localization.get("reports.splice.grade." + v)),
                text("spliceType", "reports.splice.field.spliceType", null, SectionInput.Kind.TEXT));
        rows(null, Bindings.createBooleanBinding(() -> kind.value().get() == SpliceKind.WELDED, kind.value()),
                choice("weldingMethod", "reports.splice.field.weldingMethod", null, List.of(WeldingMethod.values()),
                        v -> Localization.get("reports.splice.welding." + v)));
        rows(null, text("lotSize", "reports.splice.field.lotSize", Localization.get("reports.splice.unit.joints"),
                SectionInput.Kind.INTEGER), round);
        specimenRows = table("reports.splice.specimens.title", "specimens", List.of(
                        new SectionGroup.Column("reports.splice.field.maxLoadKn", "kN"),
                        new SectionGroup.Column("reports.splice.field.location", null),
                        new SectionGroup.Column("reports.splice.field.failureMode", null)),
                RETEST_SPECIMENS, FIRST_TEST_SPECIMENS, i -> List.of(
                        text("specimens[" + i + "].maxLoadKn", null, null, SectionInput.Kind.DECIMAL),
                        choice("specimens[" + i + "].location", null, null, List.of(FailureLocation.values()),
                                v -> location((FailureLocation) v, chosen("kind", SpliceKind.class))),
                        choice("specimens[" + i + "].failureMode", null, null, List.of(FailureMode.values()),
                                v -> Localization.get("reports.splice.mode." + v))));
        javafx.beans.binding.BooleanBinding welded = Bindings.createBooleanBinding(
                () -> kind.value().get() == SpliceKind.WELDED, kind.value());
        for (int i = 0; i < RETEST_SPECIMENS; i++) {
            enableWhen("specimens[" + i + "].failureMode", welded);
        }
        round.value().addListener((o, a, b) ->
                specimenRows.set(b == TestRound.RETEST ? RETEST_SPECIMENS : FIRST_TEST_SPECIMENS));
        kind.value().addListener((o, a, b) -> offerLocations((SpliceKind) b));
        round.value().set(TestRound.INITIAL);
        kind.value().set(SpliceKind.MECHANICAL);
    }

    /** A mechanical splice breaks in the bar or at the coupler; a welded joint also in the heat-affected zone. */
    private void offerLocations(SpliceKind kind) {
        List<FailureLocation> offered = kind == SpliceKind.WELDED ? List.of(FailureLocation.values())
                : List.of(FailureLocation.BASE_METAL, FailureLocation.JOINT);
        for (int i = 0; i < RETEST_SPECIMENS; i++) {
            SectionInput.Choice location = (SectionInput.Choice) input("specimens[" + i + "].location").orElseThrow();
            Object chosen = location.value().get();
            location.options().setAll(offered);
            location.value().set(chosen != null && offered.contains(chosen) ? chosen : null);
        }
    }

    private static String location(FailureLocation location, SpliceKind kind) {
        String suffix = kind == SpliceKind.WELDED ? "WELDED" : "MECHANICAL";
        return Localization.get("reports.splice.location." + suffix + "." + location.name());
    }

    @Override
    public String defaultSampleNameKey() {
        return "reports.splice.sampleName";
    }

    /** How many specimen rows are shown and read. */
    public IntegerProperty specimenRowsProperty() {
        return specimenRows;
    }

    private boolean welded() {
        return choice("kind").get() == SpliceKind.WELDED;
    }

    @Override
    protected boolean isActive(String path) {
        if (path.startsWith("spliceGrade") || path.startsWith("spliceType")) {
            return !welded();
        }
        if (path.startsWith("weldingMethod") || path.endsWith(".failureMode")) {
            return welded() && (!path.startsWith("specimens[") || index(path) < specimenRows.get());
        }
        if (path.startsWith("specimens[")) {
            return index(path) < specimenRows.get();
        }
        return true;
    }

    private static int index(String path) {
        return Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
    }

    @Override
    public Optional<String> requiredStandard(ReportHeader header) {
        SpliceKind kind = chosen("kind", SpliceKind.class);
        return kind == null ? Optional.empty() : Optional.of(kind.standard());
    }

    @Override
    protected void loadContent(SpliceReport c) {
        choice("kind").set(c.kind());
        choice("barGrade").set(RebarGrade.find(c.barGrade()).orElse(null));
        choice("nominalDiameterMm").set(c.nominalDiameterMm());
        choice("spliceGrade").set(c.spliceGrade());
        set("spliceType", c.spliceType());
        choice("weldingMethod").set(c.weldingMethod());
        set("lotSize", c.lotSize());
        choice("testRound").set(c.testRound() == null ? TestRound.INITIAL : c.testRound());
        for (int i = 0; i < RETEST_SPECIMENS; i++) {
            SpliceReport.Specimen s = c.specimens() == null || i >= c.specimens().size() ? null : c.specimens().get(i);
            set("specimens[" + i + "].maxLoadKn", s == null ? null : s.maxLoadKn());
            choice("specimens[" + i + "].location").set(s == null ? null : s.location());
            choice("specimens[" + i + "].failureMode").set(s == null ? null : s.failureMode());
        }
    }


    @Override
    public SpliceReport content(ReportHeader header) {
        boolean welded = welded();
        List<SpliceReport.Specimen> specimens = new ArrayList<>();
        for (int i = 0; i < specimenRows.get(); i++) {
            String p = "specimens[" + i + "].";
            specimens.add(new SpliceReport.Specimen(decimal(p + "maxLoadKn"), chosen(p + "location", FailureLocation.class),
                    welded ? chosen(p + "failureMode", FailureMode.class) : null));
        }
        RebarGrade grade = chosen("barGrade", RebarGrade.class);
        return new SpliceReport(header, chosen("kind", SpliceKind.class), grade == null ? null : grade.name(),
                chosen("nominalDiameterMm", Integer.class), welded ? null : chosen("spliceGrade", SpliceGrade.class),
                welded ? null : string("spliceType"), welded ? chosen("weldingMethod", WeldingMethod.class) : null,
                integer("lotSize"), chosen("testRound", TestRound.class), specimens);
    }

    @Override
    protected List<ResultLine> resultLines(SpliceResult r) {
        List<ResultLine> out = new ArrayList<>();
        for (int i = 0; i < r.specimens().size(); i++) {
            SpliceResult.SpecimenResult s = r.specimens().get(i);
            String where = location(s.location(), r.kind())
                    + (s.failureMode() == null ? "" : "，" + Localization.get("reports.splice.mode." + s.failureMode()));
            out.add(new ResultLine("specimen" + (i + 1) + "Value", Localization.get("reports.splice.result.specimen", i + 1),
                    Localization.get("reports.splice.result.specimenValue", plain(s.tensileStrengthMpa()),
                            plain(s.requiredMpa().stripTrailingZeros()), where),
                    s.meetsStrength() ? ResultLine.Kind.VALUE : ResultLine.Kind.FAILED));
        }
        out.addAll(itemLines(r.items()));
        out.add(conclusionLine(r.conclusion()));
        return out;
    }

    @Override
    protected String conclusionText(SpliceResult result) {
        return conclusionName(result.conclusion());
    }
}
