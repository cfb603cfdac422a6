package cn.cqs.client.batches.evaluation;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.evaluation.EvaluatedGroup;
import cn.cqs.contract.batches.evaluation.InspectionLotEvaluation;
import cn.cqs.contract.batches.evaluation.LotEvaluationMethod;
import cn.cqs.contract.batches.evaluation.StrengthCriterion;
import cn.cqs.contract.batches.evaluation.StrengthEvaluationResult;
import cn.cqs.contract.projects.Project;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 强度评定 (GB/T 50107-2010) of an inspection lot: project, strength class, pour location (and
 * optionally σ0, a forced method, only reports linked to batches) → the server's evaluation: the
 * groups, the method, n, mfcu, fcu,min, Sfcu, λ values, every criterion with both sides, the result.
 */
public final class StrengthEvaluationViewModel {
    /** One line of the summary: what and its value. */
    public record SummaryLine(String label, String value) {
    }

    private final StrengthEvaluationSource source;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Project> projects = FXCollections.observableArrayList();
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>(this, "project");
    private final StringProperty strengthClass = new SimpleStringProperty(this, "strengthClass", "C30");
    private final StringProperty pourLocation = new SimpleStringProperty(this, "pourLocation", "");
    private final StringProperty sigma0 = new SimpleStringProperty(this, "sigma0", "");
    private final ObjectProperty<LotEvaluationMethod> method = new SimpleObjectProperty<>(this, "method");
    private final ObservableList<LotEvaluationMethod> methods = FXCollections.observableArrayList();
    private final BooleanProperty linkedOnly = new SimpleBooleanProperty(this, "linkedOnly", false);
    private final ObjectProperty<InspectionLotEvaluation> evaluation = new SimpleObjectProperty<>(this, "evaluation");
    private final ObservableList<EvaluatedGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<StrengthCriterion> criteria = FXCollections.observableArrayList();
    private final ObservableList<SummaryLine> summary = FXCollections.observableArrayList();
    private final StringProperty conclusion = new SimpleStringProperty(this, "conclusion", "");
    private final BooleanProperty qualified = new SimpleBooleanProperty(this, "qualified", false);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    public StrengthEvaluationViewModel(StrengthEvaluationSource source, Executor background, Executor ui) {
        this.source = Objects.requireNonNull(source, "source");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        methods.add(null);
        methods.addAll(LotEvaluationMethod.values());
    }

    private <T> void run(Callable<T> work, BiConsumer<T, Exception> done) {
        cn.cqs.client.shell.BackgroundWork.run(background, ui, work, done);
    }

    /** Loads the projects the user sees. */
    public void start() {
        run(source::projects, (list, failure) -> {
            if (failure != null) {
                status.set(Localization.get("evaluation.failed", failureText(failure)));
                return;
            }
            projects.setAll(list);
            if (project.get() == null && !list.isEmpty()) {
                project.set(list.get(0));
            }
        });
    }

    /** Asks the server to evaluate the lot; input errors show in {@code status}. */
    public void evaluate() {
        Project p = project.get();
        List<String> problems = new ArrayList<>();
        if (p == null) {
            problems.add(Localization.get("evaluation.error.project"));
        }
        String grade = strengthClass.get() == null ? "" : strengthClass.get().strip();
        if (grade.isEmpty()) {
            problems.add(Localization.get("evaluation.error.strengthClass"));
        }
        BigDecimal sigma = null;
        String sigmaText = sigma0.get() == null ? "" : sigma0.get().strip();
        if (!sigmaText.isEmpty()) {
            try {
                sigma = new BigDecimal(sigmaText);
            } catch (NumberFormatException e) {
                problems.add(Localization.get("evaluation.error.sigma0", sigmaText));
            }
        }
        if (!problems.isEmpty()) {
            status.set(String.join(" ", problems));
            return;
        }
        String pour = pourLocation.get() == null || pourLocation.get().isBlank() ? null : pourLocation.get().strip();
        BigDecimal sigmaValue = sigma;
        LotEvaluationMethod m = method.get();
        boolean linked = linkedOnly.get();
        busy.set(true);
        status.set(Localization.get("evaluation.loading"));
        run(() -> source.evaluate(p.id(), grade, pour, sigmaValue, m, linked), (result, failure) -> {
            busy.set(false);
            if (failure != null) {
                clear();
                status.set(Localization.get("evaluation.failed", failureText(failure)));
                return;
            }
            show(result);
        });
    }

    private void show(InspectionLotEvaluation e) {
        evaluation.set(e);
        groups.setAll(e.groups());
        StrengthEvaluationResult r = e.result();
        if (r == null) {
            criteria.clear();
            summary.clear();
            conclusion.set(Localization.get("evaluation.noGroups"));
            qualified.set(false);
            status.set("");
            return;
        }
        criteria.setAll(r.criteria());
        List<SummaryLine> lines = new ArrayList<>();
        lines.add(new SummaryLine(Localization.get("evaluation.summary.method"),
                Localization.get("evaluation.method." + r.method().name())));
        lines.add(new SummaryLine("fcu,k (MPa)", plain(r.fcuK())));
        lines.add(new SummaryLine(Localization.get("evaluation.summary.n"), Integer.toString(r.n())));
        lines.add(new SummaryLine("mfcu (MPa)", plain(r.mean())));
        lines.add(new SummaryLine("fcu,min (MPa)", plain(r.min())));
        if (r.s() != null) {
            lines.add(new SummaryLine("Sfcu (MPa)", plain(r.s())));
        }
        if (r.sigma() != null) {
            lines.add(new SummaryLine(Localization.get("evaluation.summary.sigma"), plain(r.sigma())
                    + (r.sigmaRaisedToFloor() ? " " + Localization.get("evaluation.summary.floor") : "")));
        }
        addLambda(lines, "λ1", r.lambda1());
        addLambda(lines, "λ2", r.lambda2());
        addLambda(lines, "λ3", r.lambda3());
        addLambda(lines, "λ4", r.lambda4());
        summary.setAll(lines);
        qualified.set(r.conclusion() == cn.cqs.contract.batches.evaluation.LotConclusion.QUALIFIED);
        conclusion.set(Localization.get("evaluation.conclusion." + r.conclusion().name()));
        status.set(Localization.get("evaluation.done", r.n()));
    }

    private static void addLambda(List<SummaryLine> lines, String name, BigDecimal value) {
        if (value != null) {
            lines.add(new SummaryLine(name, plain(value)));
        }
    }

    private void clear() {
        evaluation.set(null);
        groups.clear();
        criteria.clear();
        summary.clear();
        conclusion.set("");
    }

    /** A decimal without trailing zeros beyond what it carries. */
    public static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** The method's words for the choice box; null is the standard's choice. */
    public static String methodText(LotEvaluationMethod m) {
        return Localization.get(m == null ? "evaluation.method.AUTO" : "evaluation.method." + m.name());
    }

    private static String failureText(Exception failure) {
        if (failure instanceof ApiProblemException problem && !problem.fieldErrors().isEmpty()) {
            return problem.fieldErrors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        }
        return failure.getMessage();
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<Project> projects() {
        return projects;
    }

    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    public StringProperty strengthClassProperty() {
        return strengthClass;
    }

    public StringProperty pourLocationProperty() {
        return pourLocation;
    }

    public StringProperty sigma0Property() {
        return sigma0;
    }

    public ObjectProperty<LotEvaluationMethod> methodProperty() {
        return method;
    }

    public ObservableList<LotEvaluationMethod> methods() {
        return methods;
    }

    public BooleanProperty linkedOnlyProperty() {
        return linkedOnly;
    }

    public ObjectProperty<InspectionLotEvaluation> evaluationProperty() {
        return evaluation;
    }

    public ObservableList<EvaluatedGroup> groups() {
        return groups;
    }

    public ObservableList<StrengthCriterion> criteria() {
        return criteria;
    }

    public ObservableList<SummaryLine> summary() {
        return summary;
    }

    public StringProperty conclusionProperty() {
        return conclusion;
    }

    public BooleanProperty qualifiedProperty() {
        return qualified;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
