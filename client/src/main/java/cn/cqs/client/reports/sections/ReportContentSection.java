package cn.cqs.client.reports.sections;

import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportType;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The type-specific part of the report form (内容部分): the fields of one report type's content
 * record beyond the shared {@link ReportHeader}, its live results and its field errors. The report
 * editor ({@code ReportFormViewModel}) owns the header fields and the lifecycle actions and talks
 * to the section only through this interface; {@link ReportSections} maps each
 * {@link ReportType} to its section.
 */
public interface ReportContentSection {

    /** The report type this section authors. */
    ReportType type();

    /**
     * Where the header's fields sit in the content's field paths: {@code header} for the types
     * that nest a {@link ReportHeader} ({@code header.reportNumber}), the empty string for the
     * concrete cube, whose header fields are top-level ({@code reportNumber}).
     */
    String headerPath();

    /** The localisation key of the sample name proposed for a new report (样品名称). */
    String defaultSampleNameKey();

    /** The layout: the section's blocks of inputs, in tab order. */
    List<SectionGroup> groups();

    /** Fills the inputs from a stored content record of this type. */
    void load(Object content);

    /** The header stored in a content record of this type. */
    ReportHeader headerOf(Object content);

    /**
     * The content record as typed, with {@code header}; unreadable numbers become {@code null}
     * and are reported by {@link #parseErrors()}.
     */
    Object content(ReportHeader header);

    /** Inputs whose text is not a number where one is needed (code {@code number}), by field path. */
    List<Problem.FieldError> parseErrors();

    /**
     * Evaluates {@code content} by the type's rule ({@code ReportTypes.of(type).evaluate}) and
     * shows the results, single-item and overall conclusions; clears them when the content cannot
     * be evaluated yet.
     */
    void showResult(Object content);

    /** The live results, in display order. */
    ObservableList<ResultLine> results();

    /** The overall conclusion (检测结论) as text in the current language, empty while incomplete. */
    ReadOnlyStringProperty conclusionProperty();

    /**
     * The standard (检测依据) the rule requires for what is typed (e.g. the GB 175 edition of the
     * test date, the splice kind's standard), or empty when it cannot be known yet.
     */
    Optional<String> requiredStandard(ReportHeader header);

    /** The input at {@code path}, if this section has one. */
    Optional<SectionInput> input(String path);

    /** Whether the input at {@code path} is editable now (e.g. not a mechanical splice's failure mode). */
    javafx.beans.value.ObservableBooleanValue enabled(String path);

    /** The error shown for the input or specimen table at exactly {@code path}. */
    StringProperty error(String path);

    /** The property showing errors for the input or table at {@code path}, if this section has one. */
    Optional<StringProperty> errorTarget(String path);

    /** Clears every error shown in this section. */
    void clearErrors();

    /** Registers what to run after any input of this section changed (the editor's recomputation). */
    void setOnChange(Runnable onChange);
}
