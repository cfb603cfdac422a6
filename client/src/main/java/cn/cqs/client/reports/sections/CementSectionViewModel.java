package cn.cqs.client.reports.sections;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.cement.CementReport;
import cn.cqs.contract.reports.cement.CementReportType;
import cn.cqs.contract.reports.cement.CementResult;
import cn.cqs.contract.reports.cement.CementStrengthClasses;
import cn.cqs.contract.reports.cement.CementType;
import cn.cqs.contract.reports.cement.Gb175Edition;
import cn.cqs.contract.reports.cement.GroupMethod;
import cn.cqs.contract.reports.cement.PrismGroupResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The cement section (水泥物理力学性能, GB 175 with GB/T 17671-2021 and GB/T 1346): cement type
 * and strength class, manufacturer, batch number and mass; the three flexural and six compressive
 * failure loads at 3 and 28 days; setting times and soundness. The GB 175 edition follows the
 * test date as the rule does ({@link Gb175Edition#forTestDate}), so the report's standard is
 * proposed from it. Live: each age's flexural and compressive strength and how it was taken, every
 * single-item conclusion and the overall conclusion of {@code CementRule}.
 */
public final class CementSectionViewModel extends ContentSectionViewModel<CementReport, CementResult> {
    /** Flexural prisms per age. */
    public static final int FLEXURAL = 3;
    /** Compressive halves per age. */
    public static final int COMPRESSIVE = 6;
    private static final String[] AGES = {"strength3d", "strength28d"};

    private final SectionInput.Choice strengthClass;

    public CementSectionViewModel() {
        super(CementReportType.DEFINITION);
        SectionInput.Choice type = choice("cementType", "reports.cement.field.cementType", null,
                List.of(CementType.values()), v -> ((CementType) v).code() + " " + ((CementType) v).nameZh());
        strengthClass = choice("strengthClass", "reports.cement.field.strengthClass", null, List.of(), String::valueOf);
        rows(null, type, strengthClass,
                text("manufacturer", "reports.cement.field.manufacturer", null, SectionInput.Kind.TEXT),
                text("batchNumber", "reports.cement.field.batchNumber", null, SectionInput.Kind.TEXT),
                text("batchMassT", "reports.cement.field.batchMassT", "t", SectionInput.Kind.DECIMAL));
        List<SectionGroup.Column> ages = List.of(new SectionGroup.Column("reports.cement.age.3d", "kN"),
                new SectionGroup.Column("reports.cement.age.28d", "kN"));
        table("reports.cement.flexural.title", "flexuralLoadsKn", ages, FLEXURAL, FLEXURAL,
                i -> Arrays.stream(AGES).map(a -> (SectionInput) text(a + ".flexuralLoadsKn[" + i + "]", null, null,
                        SectionInput.Kind.DECIMAL)).toList());
        table("reports.cement.compressive.title", "compressiveLoadsKn", ages, COMPRESSIVE, COMPRESSIVE,
                i -> Arrays.stream(AGES).map(a -> (SectionInput) text(a + ".compressiveLoadsKn[" + i + "]", null, null,
                        SectionInput.Kind.DECIMAL)).toList());
        rows("reports.cement.physical.title",
                text("initialSettingMin", "reports.cement.field.initialSettingMin", "min", SectionInput.Kind.INTEGER),
                text("finalSettingMin", "reports.cement.field.finalSettingMin", "min", SectionInput.Kind.INTEGER),
                choice("soundnessQualified", "reports.cement.field.soundnessQualified", null,
                        List.of(Boolean.TRUE, Boolean.FALSE), v -> Localization.get("reports.cement.soundness." + v)));
        type.value().addListener((o, a, b) -> offerClasses((CementType) b));
    }

    /** The classes of {@code type} in either edition (the validator refuses one the test date's edition lacks). */
    private void offerClasses(CementType type) {
        Object chosen = strengthClass.value().get();
        List<String> classes = type == null ? List.of() : CementStrengthClasses.TABLE.stream()
                .filter(r -> r.type() == type).map(CementStrengthClasses.Requirement::strengthClass).distinct().toList();
        strengthClass.options().setAll(classes);
        strengthClass.value().set(chosen != null && classes.contains(chosen) ? chosen : null);
    }

    @Override
    public String defaultSampleNameKey() {
        return "reports.cement.sampleName";
    }

    @Override
    public Optional<String> requiredStandard(ReportHeader header) {
        return header.testDate() == null ? Optional.empty()
                : Optional.of(Gb175Edition.forTestDate(header.testDate()).standard());
    }

    @Override
    protected void loadContent(CementReport c) {
        choice("cementType").set(CementType.find(c.cementType()).orElse(null));
        choice("strengthClass").set(c.strengthClass());
        set("manufacturer", c.manufacturer());
        set("batchNumber", c.batchNumber());
        set("batchMassT", c.batchMassT());
        loadAge("strength3d", c.strength3d());
        loadAge("strength28d", c.strength28d());
        set("initialSettingMin", c.initialSettingMin());
        set("finalSettingMin", c.finalSettingMin());
        choice("soundnessQualified").set(c.soundnessQualified());
    }

    private void loadAge(String age, CementReport.StrengthTest test) {
        for (int i = 0; i < FLEXURAL; i++) {
            set(age + ".flexuralLoadsKn[" + i + "]", at(test == null ? null : test.flexuralLoadsKn(), i));
        }
        for (int i = 0; i < COMPRESSIVE; i++) {
            set(age + ".compressiveLoadsKn[" + i + "]", at(test == null ? null : test.compressiveLoadsKn(), i));
        }
    }

    private static BigDecimal at(List<BigDecimal> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }


    @Override
    public CementReport content(ReportHeader header) {
        CementType type = chosen("cementType", CementType.class);
        return new CementReport(header, type == null ? null : type.code(), chosen("strengthClass", String.class),
                string("manufacturer"), string("batchNumber"), decimal("batchMassT"), integer("initialSettingMin"),
                integer("finalSettingMin"), chosen("soundnessQualified", Boolean.class), age("strength3d"),
                age("strength28d"));
    }

    private CementReport.StrengthTest age(String age) {
        List<BigDecimal> flexural = new ArrayList<>();
        for (int i = 0; i < FLEXURAL; i++) {
            flexural.add(decimal(age + ".flexuralLoadsKn[" + i + "]"));
        }
        List<BigDecimal> compressive = new ArrayList<>();
        for (int i = 0; i < COMPRESSIVE; i++) {
            compressive.add(decimal(age + ".compressiveLoadsKn[" + i + "]"));
        }
        return new CementReport.StrengthTest(flexural, compressive);
    }

    @Override
    protected List<ResultLine> resultLines(CementResult r) {
        List<ResultLine> out = new ArrayList<>();
        out.add(ResultLine.value("editionValue", Localization.get("reports.cement.result.edition"),
                r.edition().standard()));
        out.add(group("flexural3dValue", "reports.cement.result.flexural3d", r.flexural3d()));
        out.add(group("compressive3dValue", "reports.cement.result.compressive3d", r.compressive3d()));
        out.add(group("flexural28dValue", "reports.cement.result.flexural28d", r.flexural28d()));
        out.add(group("compressive28dValue", "reports.cement.result.compressive28d", r.compressive28d()));
        out.addAll(itemLines(r.items()));
        out.add(conclusionLine(r.conclusion()));
        if (r.provisionalLimits()) {
            out.add(new ResultLine("provisionalValue", Localization.get("reports.cement.result.provisional"), "",
                    ResultLine.Kind.NOTE));
        }
        return out;
    }

    private static ResultLine group(String id, String captionKey, PrismGroupResult g) {
        String values = String.join(" / ", g.specimenStrengthsMpa().stream().map(BigDecimal::toPlainString).toList());
        String method = g.method() == GroupMethod.ONE_DISCARDED
                ? Localization.get("reports.cement.method.ONE_DISCARDED", g.discardedIndex() + 1)
                : Localization.get("reports.cement.method." + g.method().name());
        String value = (g.strengthMpa() == null ? "—" : g.strengthMpa().toPlainString() + " MPa") + "（" + method + "）\n"
                + values;
        return ResultLine.value(id, Localization.get(captionKey), value);
    }

    @Override
    protected String conclusionText(CementResult result) {
        return conclusionName(result.conclusion());
    }
}
