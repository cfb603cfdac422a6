package cn.cqs.client.reports;

import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import java.util.Objects;

/**
 * Generic access to a report's authored content whatever its type: the shared header fields
 * (报告编号、工程、样品…) through the type's definition, and the type's title in the current
 * language. No JavaFX.
 */
public final class ReportContents {
    private ReportContents() {
    }

    /**
     * The header of {@code content}, a content record of {@code type}
     * ({@code ReportTypes.of(type).headerOf}); an empty header when the content has none yet.
     *
     * @throws IllegalArgumentException when {@code content} is not {@code type}'s content record
     */
    public static ReportHeader header(ReportType type, Object content) {
        ReportHeader header = ReportTypes.of(type).headerOf(content);
        return header == null ? empty() : header;
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
