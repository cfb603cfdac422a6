package cn.cqs.contract.reports;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.qr.KeyFields;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything generic code needs to know about one report type, in one value: its names, the
 * standards it follows, its authored-content record, the validator, the rule and the QR key
 * fields. {@link ReportTypes} lists one per {@link ReportType}; server and client pick the right
 * record, checks and template through it instead of switching on the type.
 *
 * @param type         the type
 * @param code         a short lower-case name for file and template names, e.g. {@code rebar}
 *                     (template {@code reports/rebar.jrxml})
 * @param nameZh       the report's Chinese title, e.g. 热轧带肋钢筋检测报告
 * @param nameEn       the English title
 * @param standards    the standards the report may name as 检测依据, newest last
 * @param contentClass the authored-content record (JSON body of the upload)
 * @param resultClass  the evaluated result record
 * @param validator    every field problem of a content, empty when it may be signed off
 * @param evaluator    the rule: content to result; throws
 *                     {@link cn.cqs.contract.reports.validation.ReportInputException} on unusable
 *                     test data
 * @param keyFields    the key fields the QR token's digest covers (docs/qr-token.md); changing
 *                     them invalidates issued tokens
 * @param header       the shared header fields of a content, also of an unfinished draft (may hold nulls)
 * @param summary      the columns every report keeps (header, grade, strength, overall conclusion);
 *                     throws like {@code evaluator} on unusable test data
 * @param <C>          the content type
 * @param <R>          the result type
 */
public record ReportTypeDefinition<C, R>(
        ReportType type,
        String code,
        String nameZh,
        String nameEn,
        List<String> standards,
        Class<C> contentClass,
        Class<R> resultClass,
        Function<C, List<FieldError>> validator,
        Function<C, R> evaluator,
        Function<C, KeyFields> keyFields,
        Function<C, ReportHeader> header,
        Function<C, ReportSummary> summary) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public ReportTypeDefinition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A report type code is 2-32 lower-case letters, digits or '-', got '"
                    + code + "'");
        }
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        standards = List.copyOf(standards);
        if (standards.isEmpty()) {
            throw new IllegalArgumentException(type + ": at least one standard");
        }
        Objects.requireNonNull(contentClass, "contentClass");
        Objects.requireNonNull(resultClass, "resultClass");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(keyFields, "keyFields");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * {@code content} as this type's content record.
     *
     * @throws IllegalArgumentException when it is another class
     */
    public C content(Object content) {
        Objects.requireNonNull(content, "content");
        if (!contentClass.isInstance(content)) {
            throw new IllegalArgumentException("A " + type + " report's content is a " + contentClass.getSimpleName()
                    + ", got a " + content.getClass().getSimpleName());
        }
        return contentClass.cast(content);
    }

    /** Validates a content of this type (see {@link #content}). */
    public List<FieldError> validate(Object content) {
        return validator.apply(content(content));
    }

    /** Evaluates a content of this type (see {@link #content}). */
    public R evaluate(Object content) {
        return evaluator.apply(content(content));
    }

    /** The summary of a content of this type (see {@link #content}). */
    public ReportSummary summaryOf(Object content) {
        return summary.apply(content(content));
    }

    /** The shared header of a content of this type (see {@link #content}), even of an unfinished one. */
    public ReportHeader headerOf(Object content) {
        return header.apply(content(content));
    }

    /** The key fields of a content of this type (see {@link #content}). */
    public KeyFields keyFieldsOf(Object content) {
        return keyFields.apply(content(content));
    }
}
