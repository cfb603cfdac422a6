package cn.cqs.client.reports.sections;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.FieldErrorMessages;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypeDefinition;
import cn.cqs.contract.reports.ReportTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What every content section shares: its inputs by field path (text read as text, decimals or
 * whole numbers; choices), an error property per input and per specimen table, the routing of the
 * validator's errors to them, parse errors, and the results panel with the rule's single-item and
 * overall conclusions. A subclass declares its inputs and groups in its constructor, and says how
 * to build and load its content record and which values its result shows.
 *
 * @param <C> the content record
 * @param <R> the rule's result
 */
public abstract class ContentSectionViewModel<C, R> implements ReportContentSection {
    private final ReportTypeDefinition<C, R> definition;
    private final Map<String, SectionInput> inputs = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final Map<String, ObservableBooleanValue> enabled = new LinkedHashMap<>();
    private final List<SectionGroup> groups = new ArrayList<>();
    private final ObservableList<ResultLine> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper conclusion = new ReadOnlyStringWrapper(this, "conclusion", "");
    private Runnable onChange = () -> { };

    protected ContentSectionViewModel(ReportTypeDefinition<C, R> definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    @Override
    public ReportType type() {
        return definition.type();
    }

    @Override
    public String headerPath() {
        return "header";
    }

    /** The type's registry entry (rule, validator, standards). */
    protected ReportTypeDefinition<C, R> definition() {
        return definition;
    }

    // ------------------------------------------------------------------ declaring inputs

    /** Declares a text input; the label key is {@code labelKey}, the control id derived from the path. */
    protected SectionInput.Text text(String path, String labelKey, String unit, SectionInput.Kind kind) {
        return text(path, labelKey, unit, kind, SectionInput.idOf(path));
    }

    /** Declares a text input with an explicit control id. */
    protected SectionInput.Text text(String path, String labelKey, String unit, SectionInput.Kind kind,
                                     String controlId) {
        StringProperty value = new SimpleStringProperty(this, path, "");
        SectionInput.Text input = new SectionInput.Text(path, labelKey, unit, controlId, kind, value);
        register(input);
        value.addListener((o, a, b) -> onChange.run());
        return input;
    }

    /** Declares a choice among {@code options}, shown by {@code display}. */
    protected SectionInput.Choice choice(String path, String labelKey, String unit, List<?> options,
                                         Function<Object, String> display) {
        ObjectProperty<Object> value = new SimpleObjectProperty<>(this, path);
        ObservableList<Object> list = FXCollections.observableArrayList(options);
        SectionInput.Choice input = new SectionInput.Choice(path, labelKey, unit, SectionInput.idOf(path), value, list,
                display);
        register(input);
        value.addListener((o, a, b) -> onChange.run());
        return input;
    }

    private void register(SectionInput input) {
        if (inputs.put(input.path(), input) != null) {
            throw new IllegalStateException("Two inputs for " + input.path());
        }
        errors.put(input.path(), new SimpleStringProperty(this, input.path() + "Error", ""));
    }

    /** Adds a block of labelled rows, always shown. */
    protected void rows(String titleKey, SectionInput... rows) {
        groups.add(new SectionGroup.Rows(titleKey, List.of(rows), Bindings.createBooleanBinding(() -> true)));
    }

    /** Adds a block of labelled rows shown while {@code visible}. */
    protected void rows(String titleKey, ObservableBooleanValue visible, SectionInput... rows) {
        groups.add(new SectionGroup.Rows(titleKey, List.of(rows), visible));
    }

    /**
     * Adds a specimen table of {@code maxRows} rows whose inputs {@code row} declares for an index;
     * {@code rowCount} says how many are shown.
     */
    protected IntegerProperty table(String titleKey, String listPath, List<SectionGroup.Column> columns, int maxRows,
                                    int shownRows, java.util.function.IntFunction<List<SectionInput>> row) {
        List<List<SectionInput>> rows = new ArrayList<>();
        for (int i = 0; i < maxRows; i++) {
            rows.add(row.apply(i));
        }
        IntegerProperty count = new SimpleIntegerProperty(this, listPath + "Rows", shownRows);
        count.addListener((o, a, b) -> onChange.run());
        errors.putIfAbsent(listPath, new SimpleStringProperty(this, listPath + "Error", ""));
        groups.add(new SectionGroup.SpecimenTable(titleKey, listPath, columns, rows, count));
        return count;
    }

    /** Makes the input at {@code path} editable only while {@code when} holds (e.g. a welded joint's failure mode). */
    protected void enableWhen(String path, ObservableBooleanValue when) {
        if (!inputs.containsKey(path)) {
            throw new IllegalArgumentException("No input " + path);
        }
        enabled.put(path, when);
    }

    @Override
    public ObservableBooleanValue enabled(String path) {
        return enabled.getOrDefault(path, ALWAYS);
    }

    private static final ObservableBooleanValue ALWAYS = Bindings.createBooleanBinding(() -> true);

    @Override
    public List<SectionGroup> groups() {
        return List.copyOf(groups);
    }

    @Override
    public Optional<SectionInput> input(String path) {
        return Optional.ofNullable(inputs.get(path));
    }

    /** The text of the text input at {@code path}. */
    public StringProperty text(String path) {
        if (!(inputs.get(path) instanceof SectionInput.Text t)) {
            throw new IllegalArgumentException("No text input " + path + " in the " + type() + " section");
        }
        return t.value();
    }

    /** The value of the choice at {@code path}. */
    public ObjectProperty<Object> choice(String path) {
        if (!(inputs.get(path) instanceof SectionInput.Choice c)) {
            throw new IllegalArgumentException("No choice " + path + " in the " + type() + " section");
        }
        return c.value();
    }

    @Override
    public StringProperty error(String path) {
        StringProperty p = errors.get(path);
        if (p == null) {
            throw new IllegalArgumentException("No field " + path + " in the " + type() + " section");
        }
        return p;
    }

    @Override
    public void setOnChange(Runnable onChange) {
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    // ------------------------------------------------------------------ reading what was typed

    /** Whether the input at {@code path} is read (e.g. not a hidden retest row); all by default. */
    protected boolean isActive(String path) {
        return true;
    }

    /** The text at {@code path}, stripped; null when blank. */
    protected String string(String path) {
        String v = text(path).get();
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The decimal at {@code path}; null when blank or unreadable. */
    protected BigDecimal decimal(String path) {
        String v = string(path);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException unreadable) {
            return null; // reported by parseErrors()
        }
    }

    /** The whole number at {@code path}; null when blank or unreadable. */
    protected Integer integer(String path) {
        BigDecimal d = decimal(path);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException notWhole) {
            return null; // reported by parseErrors()
        }
    }

    /** The choice at {@code path} as {@code type}; null when none is chosen. */
    protected <T> T chosen(String path, Class<T> type) {
        Object v = choice(path).get();
        return v == null ? null : type.cast(v);
    }

    /** Sets the text at {@code path} ({@code null} as empty). */
    protected void set(String path, Object value) {
        text(path).set(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
    }

    /** Whether every active input whose path starts with {@code prefix} is blank or unchosen. */
    protected boolean allBlank(String prefix) {
        for (SectionInput input : inputs.values()) {
            if (!input.path().startsWith(prefix)) {
                continue;
            }
            boolean blank = input instanceof SectionInput.Text t ? t.value().get().isBlank()
                    : ((SectionInput.Choice) input).value().get() == null;
            if (!blank) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Problem.FieldError> parseErrors() {
        List<Problem.FieldError> out = new ArrayList<>();
        for (SectionInput input : inputs.values()) {
            if (!(input instanceof SectionInput.Text t) || t.kind() == SectionInput.Kind.TEXT || !isActive(t.path())) {
                continue;
            }
            String value = t.value().get().strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                BigDecimal number = new BigDecimal(value);
                if (t.kind() == SectionInput.Kind.INTEGER) {
                    number.intValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                out.add(new Problem.FieldError(t.path(), FieldErrorMessages.NOT_A_NUMBER, "Not a number: " + value));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ content

    @Override
    public final void load(Object content) {
        loadContent(definition.content(content));
    }

    @Override
    public final ReportHeader headerOf(Object content) {
        return definition.headerOf(content);
    }

    /** Fills the inputs from {@code content}. */
    protected abstract void loadContent(C content);

    @Override
    public abstract C content(ReportHeader header);

    @Override
    public Optional<String> requiredStandard(ReportHeader header) {
        return definition.standards().size() == 1 ? Optional.of(definition.standards().get(0)) : Optional.empty();
    }

    // ------------------------------------------------------------------ results

    @Override
    public final void showResult(Object content) {
        R result;
        try {
            result = definition.evaluate(content);
        } catch (IllegalArgumentException incomplete) {
            result = null; // not evaluable yet: the validator's errors say why once shown
        }
        if (result == null) {
            results.setAll(emptyResultLines());
            conclusion.set("");
            return;
        }
        List<ResultLine> lines = new ArrayList<>(resultLines(result));
        results.setAll(lines);
        conclusion.set(conclusionText(result));
    }

    /** The lines shown before anything can be evaluated: a note that the results follow the data. */
    protected List<ResultLine> emptyResultLines() {
        return List.of(new ResultLine("incompleteNote", Localization.get("reports.section.incomplete"), "",
                ResultLine.Kind.NOTE));
    }

    /** The result's lines: computed values, then {@link #itemLines}, then the overall conclusion. */
    protected abstract List<ResultLine> resultLines(R result);

    /** The overall conclusion as text. */
    protected abstract String conclusionText(R result);

    /**
     * A line per single-item conclusion (单项结论): the item's name in the current language, its
     * requirement as printed, and its conclusion.
     */
    protected static List<ResultLine> itemLines(List<ItemConclusion> items) {
        List<ResultLine> out = new ArrayList<>();
        out.add(new ResultLine("itemsHeading", Localization.get("reports.section.items"), "", ResultLine.Kind.HEADING));
        for (ItemConclusion item : items) {
            String name = english() ? item.nameEn() : item.nameZh();
            String name2 = conclusionName(item.conclusion());
            boolean plainRequirement = item.requirement().isBlank() || item.requirement().equals(item.conclusion().nameZh())
                    || item.requirement().equals(name2);
            String value = name2 + (plainRequirement ? "" : "（" + item.requirement() + "）");
            out.add(new ResultLine("item-" + item.item(), name, value,
                    item.conclusion() == Conclusion.QUALIFIED || item.conclusion() == Conclusion.NOT_TESTED
                            ? ResultLine.Kind.PASSED : ResultLine.Kind.FAILED));
        }
        return out;
    }

    /** The overall conclusion's line. */
    protected static ResultLine conclusionLine(Conclusion c) {
        return new ResultLine("conclusionValue", Localization.get("reports.computed.conclusion"), conclusionName(c),
                c == Conclusion.QUALIFIED ? ResultLine.Kind.PASSED : ResultLine.Kind.FAILED);
    }

    /** A conclusion's name in the current language (合格 / Qualified). */
    protected static String conclusionName(Conclusion c) {
        return english() ? c.nameEn() : c.nameZh();
    }

    /** Whether the UI is in English. */
    protected static boolean english() {
        return Localization.language() == AppLanguage.ENGLISH;
    }

    /** {@code value} as plain text, or a dash. */
    protected static String plain(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    @Override
    public ObservableList<ResultLine> results() {
        return results;
    }

    @Override
    public ReadOnlyStringProperty conclusionProperty() {
        return conclusion.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ errors

    /**
     * The input or table for a validator path: the path itself, else the first input below it
     * ({@code bendSpecimens[1]} → {@code bendSpecimens[1].crackFree}), else the nearest enclosing
     * path that has one ({@code massSample.pieces} inside a hidden block falls to nothing).
     */
    @Override
    public Optional<StringProperty> errorTarget(String path) {
        for (String p = path; p != null && !p.isEmpty(); p = parent(p)) {
            if (errors.containsKey(p) && isActive(p)) {
                return Optional.of(errors.get(p));
            }
            String here = p;
            Predicate<String> below = k -> k.startsWith(here + ".") || k.startsWith(here + "[");
            Optional<String> first = inputs.keySet().stream().filter(below).filter(this::isActive).findFirst();
            if (first.isPresent()) {
                return Optional.of(errors.get(first.get()));
            }
        }
        return Optional.empty();
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? null : path.substring(0, cut);
    }

    @Override
    public void clearErrors() {
        errors.values().forEach(p -> p.set(""));
    }
}
