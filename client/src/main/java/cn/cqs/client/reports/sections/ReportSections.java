package cn.cqs.client.reports.sections;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypeDefinition;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.cement.CementReportType;
import cn.cqs.contract.reports.mortar.MortarReportType;
import cn.cqs.contract.reports.rebar.RebarReportType;
import cn.cqs.contract.reports.splice.SpliceReportType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The client's form registry: for each {@link ReportType}, the factory of its content section and
 * how the report list names a content's specification (规格/等级). Adding a report type to the
 * client is one more {@link #entry} here plus its section view model (docs/adding-a-report-type.md).
 */
public final class ReportSections {
    /**
     * One type's form.
     *
     * @param type          the type
     * @param section       makes a fresh, empty section
     * @param specification the list's short specification of a content of the type, e.g. {@code HRB400E Φ20}
     * @param result        the list's short result of an evaluated content (a strength, a conclusion)
     */
    public record Entry(ReportType type, Supplier<ReportContentSection> section,
                        Function<Object, String> specification, Function<Object, String> result) {
        public Entry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(specification, "specification");
            Objects.requireNonNull(result, "result");
        }
    }

    private static final Map<ReportType, Entry> ENTRIES = index(List.of(
            entry(ReportTypes.CONCRETE_CUBE, CubeSectionViewModel::new, c -> nz(c.designGrade()),
                    r -> r.isValid() ? r.representativeStrengthMpa().toPlainString() + " MPa" : "—"),
            entry(RebarReportType.DEFINITION, RebarSectionViewModel::new,
                    c -> join(c.grade(), c.nominalDiameterMm() == null ? null : "Φ" + c.nominalDiameterMm()),
                    r -> conclusion(r.conclusion())),
            entry(CementReportType.DEFINITION, CementSectionViewModel::new, c -> join(c.cementType(), c.strengthClass()),
                    r -> conclusion(r.conclusion())),
            entry(MortarReportType.DEFINITION, MortarSectionViewModel::new, c -> nz(c.designGrade()),
                    r -> r.strengthMpa() == null ? conclusion(r.conclusion())
                            : r.strengthMpa().toPlainString() + " MPa " + conclusion(r.conclusion())),
            entry(SpliceReportType.DEFINITION, SpliceSectionViewModel::new,
                    c -> join(c.barGrade(), c.nominalDiameterMm() == null ? null : "Φ" + c.nominalDiameterMm()),
                    r -> conclusion(r.conclusion()))));

    private ReportSections() {
    }

    private static <C, R> Entry entry(ReportTypeDefinition<C, R> definition, Supplier<ReportContentSection> section,
                                      Function<C, String> specification, Function<R, String> result) {
        return new Entry(definition.type(), section, c -> specification.apply(definition.content(c)),
                r -> result.apply(definition.resultClass().cast(r)));
    }

    private static String conclusion(Conclusion c) {
        return Localization.language() == AppLanguage.ENGLISH ? c.nameEn() : c.nameZh();
    }

    private static Map<ReportType, Entry> index(List<Entry> entries) {
        Map<ReportType, Entry> map = new EnumMap<>(ReportType.class);
        entries.forEach(e -> map.put(e.type(), e));
        if (map.size() != ReportType.values().length) {
            throw new IllegalStateException("Every report type needs a form; have " + map.keySet());
        }
        return map;
    }

    /** A new, empty section for {@code type}. */
    public static ReportContentSection create(ReportType type) {
        ReportContentSection section = of(type).section().get();
        if (section.type() != type) {
            throw new IllegalStateException("The section registered for " + type + " is for " + section.type());
        }
        return section;
    }

    /** The entry of {@code type}. */
    public static Entry of(ReportType type) {
        Entry e = ENTRIES.get(Objects.requireNonNull(type, "type"));
        if (e == null) {
            throw new IllegalArgumentException("No form for report type " + type);
        }
        return e;
    }

    /** The list's specification of {@code content} of {@code type}. */
    public static String specification(ReportType type, Object content) {
        return of(type).specification().apply(ReportTypes.of(type).content(content));
    }

    /**
     * The list's short result of {@code content} of {@code type}: evaluated by the type's rule; empty
     * while the content cannot be evaluated yet.
     */
    public static String result(ReportType type, Object content) {
        Object evaluated;
        try {
            evaluated = ReportTypes.of(type).evaluate(content);
        } catch (IllegalArgumentException incomplete) {
            return "";
        }
        return of(type).result().apply(evaluated);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String join(String a, String b) {
        return (nz(a) + " " + nz(b)).strip();
    }
}
