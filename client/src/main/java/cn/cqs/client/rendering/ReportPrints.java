package cn.cqs.client.rendering;

import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypeDefinition;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.cement.CementReport;
import cn.cqs.contract.reports.cement.CementReportType;
import cn.cqs.contract.reports.cement.CementResult;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import cn.cqs.contract.reports.mortar.MortarReport;
import cn.cqs.contract.reports.mortar.MortarReportType;
import cn.cqs.contract.reports.mortar.MortarResult;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.contract.reports.rebar.RebarReportType;
import cn.cqs.contract.reports.rebar.RebarResult;
import cn.cqs.contract.reports.splice.SpliceReport;
import cn.cqs.contract.reports.splice.SpliceReportType;
import cn.cqs.contract.reports.splice.SpliceResult;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one entry from a report's content to its printed form: {@link #of} evaluates the content by
 * the type's rule ({@code ReportTypes.of(type).evaluate(content)}) and builds the type's
 * {@link ReportPrint}, which {@link ReportPdfRenderer} renders with the type's template. Adding a
 * report type is one line in {@link #PRINTERS} plus its print model class and template
 * (docs/adding-a-report-type.md); the class refuses to load when a type has none.
 */
public final class ReportPrints {

    /** Builds a type's print from its content and evaluated result. */
    @FunctionalInterface
    private interface Printer<C, R> {
        ReportPrint print(C content, R result, PrintContext context);
    }

    /** A type's definition with its printer, so content and result keep their classes. */
    private record Entry<C, R>(ReportTypeDefinition<C, R> definition, Printer<C, R> printer, String template) {
        ReportPrint print(Object content, PrintContext context) {
            C typed = definition.content(content);
            R result = definition.resultClass().cast(ReportTypes.of(definition.type()).evaluate(typed));
            return printer.print(typed, result, context);
        }
    }

    private static final List<Entry<?, ?>> PRINTERS = List.of(
            new Entry<CubeStrengthReport, CubeStrengthResult>(ReportTypes.CONCRETE_CUBE,
                    (c, r, x) -> CubeReportPrints.of(c, r, x.labName(), x.tester(), x.reviewer(), x.approver(),
                            x.issueDate(), x.qrPayload()), CubeReportPrint.TEMPLATE_RESOURCE),
            new Entry<RebarReport, RebarResult>(RebarReportType.DEFINITION, RebarPrints::of, RebarPrints.TEMPLATE),
            new Entry<CementReport, CementResult>(CementReportType.DEFINITION, CementPrints::of, CementPrints.TEMPLATE),
            new Entry<MortarReport, MortarResult>(MortarReportType.DEFINITION, MortarPrints::of, MortarPrints.TEMPLATE),
            new Entry<SpliceReport, SpliceResult>(SpliceReportType.DEFINITION, SplicePrints::of, SplicePrints.TEMPLATE));

    private static final Map<ReportType, Entry<?, ?>> BY_TYPE = index();

    private ReportPrints() {
    }

    /**
     * The printed form of a report.
     *
     * @param type      the report's type
     * @param content   its authored content, of the type's content class
     * @param labName   the testing agency printed at the top
     * @param tester    检测: who tested
     * @param reviewer  审核: who reviewed
     * @param approver  批准: who approved
     * @param issueDate 签发日期
     * @param qrPayload the verification URL with the signed token
     * @throws IllegalArgumentException when the content is not of the type's class, or a required print value is blank
     * @throws cn.cqs.contract.reports.validation.ReportInputException when the content's test data cannot be evaluated
     */
    public static ReportPrint of(ReportType type, Object content, String labName, String tester, String reviewer,
                                 String approver, LocalDate issueDate, String qrPayload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        return BY_TYPE.get(type).print(content, new PrintContext(labName, tester, reviewer, approver, issueDate,
                qrPayload));
    }

    /** The compiled template that prints reports of {@code type}. */
    public static String templateOf(ReportType type) {
        return BY_TYPE.get(Objects.requireNonNull(type, "type")).template();
    }

    /** The types this class prints: every {@link ReportType}. */
    public static Set<ReportType> types() {
        return Collections.unmodifiableSet(BY_TYPE.keySet());
    }

    private static Map<ReportType, Entry<?, ?>> index() {
        Map<ReportType, Entry<?, ?>> map = new EnumMap<>(ReportType.class);
        for (Entry<?, ?> entry : PRINTERS) {
            if (map.put(entry.definition().type(), entry) != null) {
                throw new IllegalStateException("Two printers for report type " + entry.definition().type());
            }
        }
        if (map.size() != ReportType.values().length) {
            throw new IllegalStateException("Every report type needs a printer; printed: " + map.keySet());
        }
        return map;
    }
}
