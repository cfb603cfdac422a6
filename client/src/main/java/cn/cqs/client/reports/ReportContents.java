package cn.cqs.client.reports;

import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * Generic access to a report's authored content whatever its type: the shared header fields
 * (报告编号、工程、样品…). Every type after the concrete cube nests a {@link ReportHeader} as its
 * record component {@code header} (docs/adding-a-report-type.md); the cube's content predates that
 * and carries the same fields flat, so its header is assembled from them. No JavaFX.
 */
public final class ReportContents {
    private ReportContents() {
    }

    /**
     * The header of {@code content}, a content record of {@code type}; an empty header when the
     * content has none yet (a draft typed without any header field).
     *
     * @throws IllegalArgumentException when {@code content} is not {@code type}'s content record, or
     *                                  that record has no {@code header} component
     */
    public static ReportHeader header(ReportType type, Object content) {
        Object typed = ReportTypes.of(type).content(content);
        if (typed instanceof CubeStrengthReport c) {
            return new ReportHeader(c.reportNumber(), c.commissionNumber(), c.projectId(), c.projectName(),
                    c.projectPart(), c.sampleName(), c.sampleId(), c.samplingDate(), c.testDate(), c.standard(),
                    c.witnessName(), c.witnessCertificateNumber(), c.witnessOrganisation(), c.samplerName());
        }
        for (RecordComponent component : typed.getClass().getRecordComponents()) {
            if (component.getName().equals("header") && component.getType() == ReportHeader.class) {
                try {
                    ReportHeader header = (ReportHeader) component.getAccessor().invoke(typed);
                    return header == null ? empty() : header;
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot read the header of a " + type + " report: " + e, e);
                }
            }
        }
        throw new IllegalArgumentException("A " + type + " report's content " + typed.getClass().getSimpleName()
                + " has no 'header' component of type ReportHeader");
    }

    /** The report number of {@code content} (null while not typed). */
    public static String reportNumber(ReportType type, Object content) {
        return header(type, content).reportNumber();
    }

    /** A header with no field filled. */
    public static ReportHeader empty() {
        return new ReportHeader(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The Chinese or English title of {@code type} in the current language. */
    public static String typeName(ReportType type) {
        Objects.requireNonNull(type, "type");
        var definition = ReportTypes.of(type);
        return cn.cqs.client.i18n.Localization.language() == cn.cqs.client.i18n.AppLanguage.ENGLISH
                ? definition.nameEn() : definition.nameZh();
    }
}
