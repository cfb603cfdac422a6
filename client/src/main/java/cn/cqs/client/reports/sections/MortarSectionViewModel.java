package cn.cqs.client.reports.sections;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.mortar.MortarGrade;
import cn.cqs.contract.reports.mortar.MortarReport;
import cn.cqs.contract.reports.mortar.MortarReportType;
import cn.cqs.contract.reports.mortar.MortarResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The masonry mortar section (砌筑砂浆抗压强度, JGJ/T 70-2009): design grade, mortar kind,
 * representative quantity, curing age and the three 70.7 mm cubes' failure loads. Live: each cube's
 * strength, how the group value was taken, the group strength, the percentage of the grade and the
 * conclusion of {@code MortarStrengthRule}.
 */
public final class MortarSectionViewModel extends ContentSectionViewModel<MortarReport, MortarResult> {
    /** Cubes per group. */
    public static final int CUBES = 3;

    public MortarSectionViewModel() {
        super(MortarReportType.DEFINITION);
        rows(null,
                choice("designGrade", "reports.mortar.field.designGrade", null, List.of(MortarGrade.values()),
                        v -> ((MortarGrade) v).code()),
                text("mortarKind", "reports.mortar.field.mortarKind", null, SectionInput.Kind.TEXT),
                text("representativeQuantityM3", "reports.mortar.field.representativeQuantityM3", "m³",
                        SectionInput.Kind.DECIMAL),
                text("curingAgeDays", "reports.mortar.field.curingAgeDays", Localization.get("reports.unit.days"),
                        SectionInput.Kind.INTEGER));
        table("reports.mortar.loads.title", "failureLoadsKn",
                List.of(new SectionGroup.Column("reports.mortar.field.failureLoadKn", "kN")), CUBES, CUBES,
                i -> List.of(text("failureLoadsKn[" + i + "]", null, null, SectionInput.Kind.DECIMAL)));
        text("curingAgeDays").set("28");
    }

    @Override
    public String defaultSampleNameKey() {
        return "reports.mortar.sampleName";
    }

    @Override
    protected void loadContent(MortarReport c) {
        choice("designGrade").set(MortarGrade.find(c.designGrade()).orElse(null));
        set("mortarKind", c.mortarKind());
        set("representativeQuantityM3", c.representativeQuantityM3());
        set("curingAgeDays", c.curingAgeDays());
        for (int i = 0; i < CUBES; i++) {
            set("failureLoadsKn[" + i + "]", c.failureLoadsKn() == null || i >= c.failureLoadsKn().size() ? null
                    : c.failureLoadsKn().get(i));
        }
    }


    @Override
    public MortarReport content(ReportHeader header) {
        List<java.math.BigDecimal> loads = new ArrayList<>();
        for (int i = 0; i < CUBES; i++) {
            loads.add(decimal("failureLoadsKn[" + i + "]"));
        }
        MortarGrade grade = chosen("designGrade", MortarGrade.class);
        return new MortarReport(header, grade == null ? null : grade.code(), string("mortarKind"),
                decimal("representativeQuantityM3"), integer("curingAgeDays"), loads);
    }

    @Override
    protected List<ResultLine> resultLines(MortarResult r) {
        List<ResultLine> out = new ArrayList<>();
        for (int i = 0; i < r.specimenStrengthsMpa().size(); i++) {
            out.add(ResultLine.value("specimenStrength" + (i + 1), Localization.get("reports.computed.specimen", i + 1),
                    plain(r.specimenStrengthsMpa().get(i))));
        }
        out.add(ResultLine.value("methodValue", Localization.get("reports.computed.method"),
                Localization.get("reports.method." + r.method().name())));
        out.add(ResultLine.value("strengthValue", Localization.get("reports.mortar.result.strength"),
                plain(r.strengthMpa())));
        out.add(ResultLine.value("percentValue", Localization.get("reports.computed.percent"),
                r.percentOfGrade() == null ? "—" : r.percentOfGrade() + "%"));
        out.addAll(itemLines(r.items()));
        out.add(conclusionLine(r.conclusion()));
        return out;
    }

    @Override
    protected String conclusionText(MortarResult result) {
        return conclusionName(result.conclusion());
    }
}
