package cn.cqs.contract.reports;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.io.IOException;

/**
 * Reads a report's {@code content} as the content record of the report's {@code type}, through
 * {@link ReportTypes}: {@code {"type": "REBAR", "content": {...}}} reads {@code content} as a
 * {@link cn.cqs.contract.reports.rebar.RebarReport}. Used on every record that carries a report's
 * content beside its type ({@link ReportUpload}, {@link ReportDraft}, {@link ReportDraftRequest},
 * {@link ReportRecord}), so a new report type needs no change here.
 */
public final class ReportContentTypeIdResolver extends TypeIdResolverBase {

    @Override
    public String idFromValue(Object value) {
        return typeOf(value.getClass()).name();
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return typeOf(value != null ? value.getClass() : suggestedType).name();
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) throws IOException {
        for (ReportType type : ReportType.values()) {
            if (type.name().equals(id)) {
                return context.constructType(ReportTypes.of(type).contentClass());
            }
        }
        return null; // Jackson then refuses the unknown id (InvalidTypeIdException naming it)
    }

    @Override
    public String getDescForKnownTypeIds() {
        return java.util.Arrays.toString(ReportType.values());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }

    private static ReportType typeOf(Class<?> contentClass) {
        return ReportTypes.ALL.stream().filter(d -> d.contentClass().equals(contentClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(contentClass.getName() + " is no report content"))
                .type();
    }
}
