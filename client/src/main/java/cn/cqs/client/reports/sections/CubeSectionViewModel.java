package cn.cqs.client.reports.sections;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.cube.CubeConclusion;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import cn.cqs.contract.reports.cube.StrengthGrade;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The concrete cube section (混凝土立方体抗压强度, GB/T 50081-2019): representative quantity,
 * curing age, design grade, cube size, the three failure loads and, for C60 and above with a
 * non-standard cube, the tested size factor; live: each cube's strength, how the group value was
 * taken, the representative strength, the percentage of the grade, the conclusion and the loading
 * rate for the grade. Its content keeps the header fields top-level ({@link #headerPath()} is empty).
 */
public final class CubeSectionViewModel extends ContentSectionViewModel<CubeStrengthReport, CubeStrengthResult> {
    /** The cube sizes (edge, mm) the rule knows. */
    public static final List<Integer> SPECIMEN_SIZES = List.of(100, 150, 200);

    private final List<StringProperty> specimenStrengths = List.of(new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""));
    private final StringProperty method = new SimpleStringProperty(this, "method", "");
    private final StringProperty representativeStrength = new SimpleStringProperty(this, "representativeStrength", "");
    private final StringProperty percentOfGrade = new SimpleStringProperty(this, "percentOfGrade", "");
    private final StringProperty cubeConclusion = new SimpleStringProperty(this, "cubeConclusion", "");
    private final StringProperty loadingRateHint = new SimpleStringProperty(this, "loadingRateHint", "");

    public CubeSectionViewModel() {
        super(ReportTypes.CONCRETE_CUBE);
        rows(null,
                text("representativeQuantityM3", "reports.field.representativeQuantityM3", "m³", SectionInput.Kind.DECIMAL),
                text("curingAgeDays", "reports.field.curingAgeDays", Localization.get("reports.unit.days"),
                        SectionInput.Kind.INTEGER),
                text("designGrade", "reports.field.designGrade", null, SectionInput.Kind.TEXT),
                choice("specimenSizeMm", "reports.field.specimenSizeMm", "mm", SPECIMEN_SIZES, String::valueOf));
        table(null, "specimens", List.of(new SectionGroup.Column("reports.field.specimens.failureLoadKn", "kN")), 3, 3,
                i -> List.of(text("specimens[" + i + "].failureLoadKn", null, null, SectionInput.Kind.DECIMAL,
                        "load" + (i + 1) + "Field")));
        rows(null, text("testedSizeFactor", "reports.field.testedSizeFactor", null, SectionInput.Kind.DECIMAL));
        text("curingAgeDays").set("28");
        choice("specimenSizeMm").set(150);
    }

    @Override
    public String headerPath() {
        return "";
    }

    @Override
    public String defaultSampleNameKey() {
        return "reports.default.sampleName";
    }

    @Override
    protected void loadContent(CubeStrengthReport c) {
        set("representativeQuantityM3", c.representativeQuantityM3());
        set("curingAgeDays", c.curingAgeDays());
        set("designGrade", c.designGrade());
        choice("specimenSizeMm").set(c.specimenSizeMm());
        for (int i = 0; i < 3; i++) {
            CubeStrengthReport.Specimen s = c.specimens() == null || i >= c.specimens().size() ? null
                    : c.specimens().get(i);
            set("specimens[" + i + "].failureLoadKn", s == null ? null : s.failureLoadKn());
        }
        set("testedSizeFactor", c.testedSizeFactor());
    }


    @Override
    public CubeStrengthReport content(ReportHeader h) {
        List<CubeStrengthReport.Specimen> specimens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            specimens.add(new CubeStrengthReport.Specimen(decimal("specimens[" + i + "].failureLoadKn")));
        }
        return new CubeStrengthReport(h.reportNumber(), h.commissionNumber(), h.projectId(), h.projectName(),
                h.projectPart(), h.sampleName(), h.sampleId(), decimal("representativeQuantityM3"), h.samplingDate(),
                h.testDate(), integer("curingAgeDays"), h.standard(), string("designGrade"),
                chosen("specimenSizeMm", Integer.class), specimens, decimal("testedSizeFactor"), h.witnessName(),
                h.witnessCertificateNumber(), h.witnessOrganisation(), h.samplerName());
    }

    @Override
    protected List<ResultLine> emptyResultLines() {
        specimenStrengths.forEach(p -> p.set(""));
        method.set("");
        representativeStrength.set("");
        percentOfGrade.set("");
        cubeConclusion.set("");
        return lines();
    }

    @Override
    protected List<ResultLine> resultLines(CubeStrengthResult result) {
        for (int i = 0; i < 3; i++) {
            specimenStrengths.get(i).set(result.specimenStrengthsMpa().get(i).toPlainString());
        }
        method.set(Localization.get("reports.method." + result.method().name()));
        representativeStrength.set(result.isValid() ? result.representativeStrengthMpa().toPlainString() : "—");
        percentOfGrade.set(result.percentOfGrade() == null ? "—" : result.percentOfGrade() + "%");
        cubeConclusion.set(conclusionText(result));
        return lines();
    }

    private List<ResultLine> lines() {
        String grade = string("designGrade");
        loadingRateHint.set(StrengthGrade.check("designGrade", grade).isEmpty()
                ? Localization.get("reports.form.loadingRateHint", StrengthGrade.parse(grade).loadingRate().display())
                : "");
        List<ResultLine> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(ResultLine.value("specimenStrength" + (i + 1), Localization.get("reports.computed.specimen", i + 1),
                    specimenStrengths.get(i).get()));
        }
        out.add(ResultLine.value("methodValue", Localization.get("reports.computed.method"), method.get()));
        out.add(ResultLine.value("representativeValue", Localization.get("reports.computed.representative"),
                representativeStrength.get()));
        out.add(ResultLine.value("percentValue", Localization.get("reports.computed.percent"), percentOfGrade.get()));
        boolean meets = cubeConclusion.get().equals(Localization.get("reports.conclusion.MEETS_GRADE"));
        out.add(new ResultLine("conclusionValue", Localization.get("reports.computed.conclusion"), cubeConclusion.get(),
                cubeConclusion.get().isEmpty() || meets ? ResultLine.Kind.VALUE : ResultLine.Kind.FAILED));
        out.add(ResultLine.value("loadingRateValue", Localization.get("reports.computed.loadingRate"),
                loadingRateHint.get()));
        return out;
    }

    @Override
    protected String conclusionText(CubeStrengthResult result) {
        CubeConclusion c = result.conclusion();
        return Localization.get("reports.conclusion." + c.name());
    }

    // ------------------------------------------------------------------ the cube's own computed values

    public StringProperty specimenStrength(int index) {
        return specimenStrengths.get(index);
    }

    public StringProperty methodProperty() {
        return method;
    }

    public StringProperty representativeStrengthProperty() {
        return representativeStrength;
    }

    public StringProperty percentOfGradeProperty() {
        return percentOfGrade;
    }

    public StringProperty loadingRateHintProperty() {
        return loadingRateHint;
    }
}
