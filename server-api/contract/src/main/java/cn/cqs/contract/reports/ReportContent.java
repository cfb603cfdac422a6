package cn.cqs.contract.reports;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component holding a report's authored content whose class is chosen by the
 * sibling {@code type} property ({@link ReportContentTypeIdResolver}). On the wire the content is
 * a plain JSON object: {@code {"type": "MORTAR", "content": {"header": {...}, ...}}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@JacksonAnnotationsInside
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type",
        visible = true)
@JsonTypeIdResolver(ReportContentTypeIdResolver.class)
public @interface ReportContent {
}
