package cn.cqs.client.reports;

import cn.cqs.client.credentials.CredentialException;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.rendering.ExternalPdfRefusedException;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.ReplicaQuery;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportLifecycle;
import cn.cqs.contract.reports.CubeStrengthReportValidator;
import cn.cqs.contract.reports.cube.CubeInputException;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import cn.cqs.contract.reports.cube.StrengthGrade;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form for a concrete cube compressive strength report (混凝土立方体抗压强度检测报告): every
 * authored field as text or value properties, the group's strengths computed live by the
 * contract's rule as the user types, the validator's errors next to the fields they concern
 * (localised by code; shown after the first save or issue attempt, then kept current), saving as a
 * local draft and issuing (签发).
 */
public final class ReportFormViewModel {
    /** Text fields by their field path in {@link CubeStrengthReport}. */
    public static final List<String> TEXT_FIELDS = List.of("reportNumber", "commissionNumber", "projectPart",
            "sampleName", "sampleId", "representativeQuantityM3", "curingAgeDays", "standard", "designGrade",
            "specimens[0].failureLoadKn", "specimens[1].failureLoadKn", "specimens[2].failureLoadKn",
            "testedSizeFactor", "witnessName", "witnessCertificateNumber", "witnessOrganisation", "samplerName");
    /** Fields that have an error label (text fields plus choosers and dates). */
    public static final List<String> ERROR_FIELDS;

    static {
        List<String> all = new ArrayList<>(TEXT_FIELDS);
        all.addAll(List.of("projectId", "samplingDate", "testDate", "specimenSizeMm"));
        ERROR_FIELDS = List.copyOf(all);
    }

    private final ReportsEnvironment env;
    private final Runnable close;
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final ObjectProperty<ProjectChoice> project = new SimpleObjectProperty<>(this, "project");
    private final ObservableList<ProjectChoice> projects = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> samplingDate = new SimpleObjectProperty<>(this, "samplingDate");
    private final ObjectProperty<LocalDate> testDate = new SimpleObjectProperty<>(this, "testDate");
    private final ObjectProperty<Integer> specimenSize = new SimpleObjectProperty<>(this, "specimenSize", 150);
    private final StringProperty reviewerName = new SimpleStringProperty(this, "reviewerName", "");
    private final StringProperty approverName = new SimpleStringProperty(this, "approverName", "");
    /**
     * Whether this user may issue directly (签发 without a draft reviewed and approved by others): only
     * a holder of REPORTS_AUTHOR, REPORTS_REVIEW and REPORTS_APPROVE, who is then recorded as reviewer
     * and approver ({@link ReportLifecycle#mayIssueDirectly}); the server enforces the same rule.
     */
    private final javafx.beans.property.ReadOnlyBooleanWrapper mayIssue =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "mayIssue");
    private final List<StringProperty> specimenStrengths = List.of(new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""));
    private final StringProperty method = new SimpleStringProperty(this, "method", "");
    private final StringProperty representativeStrength = new SimpleStringProperty(this, "representativeStrength", "");
    private final StringProperty percentOfGrade = new SimpleStringProperty(this, "percentOfGrade", "");
    private final StringProperty conclusion = new SimpleStringProperty(this, "conclusion", "");
    private final StringProperty loadingRateHint = new SimpleStringProperty(this, "loadingRateHint", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", true);
    private boolean showErrors;
    private LocalReport current;

    /**
     * @param existing the draft to edit, or null for a new report
     * @param close    returns to the list
     */
    public ReportFormViewModel(ReportsEnvironment env, LocalReport existing, Runnable close) {
        this.env = env;
        this.close = close;
        for (String f : TEXT_FIELDS) {
            text.put(f, new SimpleStringProperty(this, f, ""));
        }
        for (String f : ERROR_FIELDS) {
            errors.put(f, new SimpleStringProperty(this, f + "Error", ""));
        }
        text("standard").set(CubeStrengthReport.STANDARD);
        text("curingAgeDays").set("28");
        text("sampleName").set(Localization.get("reports.default.sampleName"));
        this.current = existing;
        mayIssue.set(ReportLifecycle.mayIssueDirectly(env.user().permissions()));
        if (existing != null) {
            load(existing);
        }
        text.values().forEach(p -> p.addListener((o, a, b) -> recompute()));
        project.addListener((o, a, b) -> recompute());
        samplingDate.addListener((o, a, b) -> recompute());
        testDate.addListener((o, a, b) -> recompute());
        specimenSize.addListener((o, a, b) -> recompute());
        recompute();
    }

    /** Loads the projects and, for a new report, proposes the next report number (in the background). */
    public void start() {
        int year = LocalDate.now(env.clock().withZone(ReportIssuer.LOCAL_ZONE)).getYear();
        boolean proposeNumber = current == null && text("reportNumber").get().isBlank();
        env.run(() -> {
            List<ProjectChoice> found = new ArrayList<>();
            env.replica().query(ReplicaQuery.of(SessionWorkspace.PROJECT).withPage(0, ReplicaQuery.MAX_LIMIT))
                    .items().forEach(r -> found.add(new ProjectChoice(r.id(), r.title() == null ? r.id().toString()
                            : r.title())));
            found.sort(java.util.Comparator.comparing(ProjectChoice::name));
            String number = proposeNumber ? env.reports().proposeNumber(year).toString() : null;
            return new Object[] {found, number};
        }, (result, failure) -> {
            if (failure != null) {
                status.set(Localization.get("reports.form.loadFailed", failure.getMessage()));
                return;
            }
            @SuppressWarnings("unchecked")
            List<ProjectChoice> found = (List<ProjectChoice>) result[0];
            UUID selected = project.get() == null ? null : project.get().id();
            projects.setAll(found);
            if (selected != null) {
                found.stream().filter(p -> p.id().equals(selected)).findFirst().ifPresent(project::set);
            }
            if (result[1] != null && text("reportNumber").get().isBlank()) {
                text("reportNumber").set((String) result[1]);
            }
        });
    }

    private void load(LocalReport report) {
        CubeStrengthReport c = report.content();
        text("reportNumber").set(nz(c.reportNumber()));
        text("commissionNumber").set(nz(c.commissionNumber()));
        text("projectPart").set(nz(c.projectPart()));
        text("sampleName").set(nz(c.sampleName()));
        text("sampleId").set(nz(c.sampleId()));
        text("representativeQuantityM3").set(plain(c.representativeQuantityM3()));
        text("curingAgeDays").set(c.curingAgeDays() == null ? "" : c.curingAgeDays().toString());
        text("standard").set(nz(c.standard()));
        text("designGrade").set(nz(c.designGrade()));
        if (c.specimens() != null) {
            for (int i = 0; i < Math.min(3, c.specimens().size()); i++) {
                CubeStrengthReport.Specimen s = c.specimens().get(i);
                text("specimens[" + i + "].failureLoadKn").set(s == null ? "" : plain(s.failureLoadKn()));
            }
        }
        text("testedSizeFactor").set(plain(c.testedSizeFactor()));
        text("witnessName").set(nz(c.witnessName()));
        text("witnessCertificateNumber").set(nz(c.witnessCertificateNumber()));
        text("witnessOrganisation").set(nz(c.witnessOrganisation()));
        text("samplerName").set(nz(c.samplerName()));
        samplingDate.set(c.samplingDate());
        testDate.set(c.testDate());
        specimenSize.set(c.specimenSizeMm());
        if (c.projectId() != null) {
            ProjectChoice choice = new ProjectChoice(c.projectId(), nz(c.projectName()));
            projects.add(choice);
            project.set(choice);
        }
        reviewerName.set(nz(report.reviewerName()));
        approverName.set(nz(report.approverName()));
        editable.set(report.state() == LocalReportState.DRAFT);
    }

    // ------------------------------------------------------------------ live computation

    /** The report as typed; unreadable numbers become null and are reported by {@link #parseErrors()}. */
    public CubeStrengthReport report() {
        List<CubeStrengthReport.Specimen> specimens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            specimens.add(new CubeStrengthReport.Specimen(decimal("specimens[" + i + "].failureLoadKn")));
        }
        Integer age = null;
        String ageText = text("curingAgeDays").get().strip();
        if (!ageText.isEmpty()) {
            try {
                age = Integer.valueOf(ageText);
            } catch (NumberFormatException e) {
                age = null;
            }
        }
        ProjectChoice p = project.get();
        return new CubeStrengthReport(blankToNull("reportNumber"), blankToNull("commissionNumber"),
                p == null ? null : p.id(), p == null ? null : p.name(), blankToNull("projectPart"),
                blankToNull("sampleName"), blankToNull("sampleId"), decimal("representativeQuantityM3"),
                samplingDate.get(), testDate.get(), age, blankToNull("standard"),
                blankToNull("designGrade") == null ? null : text("designGrade").get().strip(), specimenSize.get(),
                specimens, decimal("testedSizeFactor"), blankToNull("witnessName"),
                blankToNull("witnessCertificateNumber"), blankToNull("witnessOrganisation"), blankToNull("samplerName"));
    }

    /** Fields whose text is not a number where one is needed. */
    public List<Problem.FieldError> parseErrors() {
        List<Problem.FieldError> out = new ArrayList<>();
        for (String f : TEXT_FIELDS) {
            boolean numeric = f.startsWith("specimens[") || f.equals("representativeQuantityM3")
                    || f.equals("testedSizeFactor") || f.equals("curingAgeDays");
            String value = text(f).get().strip();
            if (!numeric || value.isEmpty()) {
                continue;
            }
            try {
                BigDecimal number = new BigDecimal(value);
                if (f.equals("curingAgeDays") && number.stripTrailingZeros().scale() > 0) {
                    throw new NumberFormatException("not whole");
                }
            } catch (NumberFormatException e) {
                out.add(new Problem.FieldError(f, FieldErrorMessages.NOT_A_NUMBER, "Not a number: " + value));
            }
        }
        return out;
    }

    /** Every problem with the report as typed: unreadable numbers, then the validator's. */
    public List<Problem.FieldError> allErrors() {
        List<Problem.FieldError> parse = parseErrors();
        List<Problem.FieldError> out = new ArrayList<>(parse);
        for (Problem.FieldError e : CubeStrengthReportValidator.validate(report())) {
            boolean unreadable = parse.stream().anyMatch(p -> p.field().equals(e.field()));
            if (!unreadable) {
                out.add(e);
            }
        }
        return out;
    }

    private void recompute() {
        CubeStrengthReport report = report();
        CubeStrengthResult result = null;
        try {
            result = report.evaluate();
        } catch (IllegalArgumentException incomplete) {
            result = null;
        }
        for (int i = 0; i < 3; i++) {
            specimenStrengths.get(i).set(result == null ? "" : result.specimenStrengthsMpa().get(i).toPlainString());
        }
        if (result == null) {
            method.set("");
            representativeStrength.set("");
            percentOfGrade.set("");
            conclusion.set("");
        } else {
            method.set(Localization.get("reports.method." + result.method().name()));
            representativeStrength.set(result.isValid() ? result.representativeStrengthMpa().toPlainString() : "—");
            percentOfGrade.set(result.percentOfGrade() == null ? "—" : result.percentOfGrade() + "%");
            conclusion.set(Localization.get("reports.conclusion." + result.conclusion().name()));
        }
        String grade = text("designGrade").get();
        String hint = "";
        if (StrengthGrade.check("designGrade", grade).isEmpty()) {
            hint = Localization.get("reports.form.loadingRateHint", StrengthGrade.parse(grade).loadingRate().display());
        }
        loadingRateHint.set(hint);
        if (showErrors) {
            showErrors(allErrors());
        }
    }

    private void showErrors(List<Problem.FieldError> list) {
        errors.values().forEach(p -> p.set(""));
        for (Problem.FieldError e : list) {
            String field = switch (e.field()) {
                case "projectName" -> "projectId";
                case "specimens" -> "specimens[0].failureLoadKn";
                default -> e.field().matches("specimens\\[\\d]") ? e.field() + ".failureLoadKn" : e.field();
            };
            StringProperty target = errors.get(field);
            if (target != null && target.get().isEmpty()) {
                target.set(FieldErrorMessages.message(e));
            }
        }
    }

    // ------------------------------------------------------------------ actions

    /** Saves the report as typed as a local draft (Ctrl+S); incomplete drafts are fine. */
    public void save() {
        if (!editable.get() || busy.get()) {
            return;
        }
        showErrors = true;
        recompute();
        LocalReport draft = draftOfForm();
        busy.set(true);
        env.run(() -> {
            env.reports().save(draft);
            return draft;
        }, (saved, failure) -> {
            busy.set(false);
            if (failure != null) {
                env.dialogs().showException(Localization.get("reports.form.saveFailed.title"),
                        Localization.get("reports.form.saveFailed", failure.getMessage()), failure);
                return;
            }
            current = saved;
            status.set(Localization.get("reports.form.saved",
                    LocalTime.now(env.clock().withZone(ReportIssuer.LOCAL_ZONE)).format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
            env.dataChanged().run();
        });
    }

    private LocalReport draftOfForm() {
        java.time.Instant now = env.clock().instant();
        return current == null ? LocalReport.draft(report(), reviewerName.get(), approverName.get(), now)
                : current.edited(report(), reviewerName.get(), approverName.get(), now);
    }

    /**
     * 提交审核: saves the draft and puts it on the server as the lab's shared draft, where a reviewer
     * and an approver on other PCs take their steps (the content must be complete, as for issuing).
     */
    public void submitForReview() {
        if (!editable.get() || busy.get()) {
            return;
        }
        String title = Localization.get("reports.lifecycle.submit.title");
        if (env.drafts() == null) {
            env.dialogs().showError(title, Localization.get("reports.lifecycle.submit.unavailable"));
            return;
        }
        showErrors = true;
        List<Problem.FieldError> problems = allErrors();
        showErrors(problems);
        if (!problems.isEmpty()) {
            status.set(Localization.get("reports.form.fixErrors", problems.size()));
            return;
        }
        String number = text("reportNumber").get().strip();
        LocalReport draft = draftOfForm();
        current = draft;
        busy.set(true);
        env.run(() -> {
            env.reports().save(draft);
            return env.drafts().submit(draft);
        }, (shared, failure) -> {
            busy.set(false);
            if (failure != null) {
                env.dialogs().showError(title, Localization.get("reports.lifecycle.failed", failure.getMessage()));
                return;
            }
            status.set(Localization.get("reports.lifecycle.submit.done", number));
            env.dataChanged().run();
        });
    }

    /**
     * Issues the report (Ctrl+Enter): validates (errors go next to their fields), asks for
     * confirmation and, unless unlocked in this session, for the credential's password; then signs,
     * renders the PDF and queues the upload in the background, and offers to save a copy of the PDF.
     */
    public void issue() {
        issue(null);
    }

    /**
     * Issues the report with a PDF the lab produced in its own software (用外部 PDF 签发…): asks for the
     * PDF file and where on it the QR code goes, then issues as {@link #issue()} does, except that the
     * QR code is stamped on that PDF instead of rendering ours ({@link ReportIssuer#issueWithExternalPdf}).
     * A PDF that cannot take the code (encrypted, signed already, unreadable, page too small) is refused
     * with its reason and nothing is issued.
     */
    public void issueWithExternalPdf() {
        if (!editable.get() || busy.get()) {
            return;
        }
        ExternalPdfChoice.ask(env.dialogs()).ifPresent(this::issue);
    }

    private void issue(ExternalPdfChoice external) {
        if (!editable.get() || busy.get()) {
            return;
        }
        if (!mayIssue.get()) {
            env.dialogs().showError(Localization.get("reports.issue.title"),
                    Localization.get("reports.lifecycle.issueNeedsSignOff"));
            return;
        }
        showErrors = true;
        List<Problem.FieldError> problems = allErrors();
        showErrors(problems);
        if (!problems.isEmpty()) {
            status.set(Localization.get("reports.form.fixErrors", problems.size()));
            return;
        }
        if (env.issuer() == null || env.credentials() == null) {
            env.dialogs().showError(Localization.get("reports.issue.title"), Localization.get("reports.issue.unavailable"));
            return;
        }
        String number = text("reportNumber").get().strip();
        if (!env.dialogs().confirm(Localization.get("reports.issue.title"), external == null
                ? Localization.get("reports.issue.question", number)
                : Localization.get("reports.external.question", number, external.file().getFileName().toString()))) {
            return;
        }
        char[] password = null;
        if (!env.credentials().isUnlocked()) {
            Optional<char[]> typed = env.dialogs().askPassword(Localization.get("credentials.password.title"),
                    Localization.get("credentials.password.question"));
            if (typed.isEmpty()) {
                return;
            }
            password = typed.get();
        }
        char[] pw = password;
        // a direct issue: the issuing user did the review and the approval, and the report says so
        reviewerName.set(env.user().displayName());
        approverName.set(env.user().displayName());
        LocalReport draft = draftOfForm();
        current = draft;
        busy.set(true);
        status.set(Localization.get("reports.issue.running"));
        env.run(() -> {
            if (env.reports().isTaken(number, draft.id())) {
                throw new NumberTakenException(number);
            }
            env.reports().save(draft); // what was typed is kept whatever happens next
            if (pw != null) {
                env.credentials().unlock(pw);
            }
            if (external != null) {
                return env.issuer().issueWithExternalPdf(draft, external.file(), external.placement(),
                        env.credentials().credential().orElseThrow(), env.user().displayName());
            }
            return env.issuer().issue(draft, env.credentials().credential().orElseThrow(),
                    env.user().organisationName(), env.user().displayName());
        }, (issued, failure) -> {
            busy.set(false);
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
            if (failure != null) {
                issueFailed(failure);
                return;
            }
            current = issued;
            editable.set(false);
            status.set(Localization.get("reports.issue.done", number));
            env.dataChanged().run();
            offerPdf(issued);
            close.run();
        });
    }

    private void issueFailed(Exception failure) {
        status.set("");
        String title = Localization.get("reports.issue.title");
        if (failure instanceof CredentialException ce) {
            env.dialogs().showError(title, Localization.get(ce.messageKey(), ce.args()));
        } else if (failure instanceof NumberTakenException nt) {
            errors.get("reportNumber").set(Localization.get("reports.error.taken"));
            env.dialogs().showError(title, Localization.get("reports.issue.numberTaken", nt.number));
        } else if (failure instanceof CubeInputException invalid) {
            showErrors(invalid.errors());
        } else if (failure instanceof ExternalPdfRefusedException refused) {
            env.dialogs().showError(Localization.get("reports.external.title"),
                    ExternalPdfChoice.refusalMessage(refused));
        } else {
            env.dialogs().showException(title, Localization.get("reports.issue.failed", failure.getMessage()), failure);
        }
    }

    private void offerPdf(LocalReport issued) {
        env.dialogs().showInformation(Localization.get("reports.issue.title"),
                Localization.get("reports.issue.stored", issued.pdf().toString()));
        if (!env.dialogs().confirm(Localization.get("reports.issue.title"), Localization.get("reports.issue.saveCopy"))) {
            return;
        }
        Optional<Path> target = env.dialogs().chooseFileToSave(Localization.get("reports.issue.saveCopy"),
                issued.pdf().getFileName().toString(),
                List.of(new cn.cqs.client.dialogs.DialogService.FileFilter("PDF", List.of("*.pdf"))));
        target.ifPresent(t -> env.run(() -> Files.copy(issued.pdf(), t, StandardCopyOption.REPLACE_EXISTING),
                (ok, failure) -> {
                    if (failure != null) {
                        env.dialogs().showError(Localization.get("reports.issue.title"),
                                Localization.get("reports.issue.copyFailed", t.toString(), failure.getMessage()));
                    }
                }));
    }

    /** Back to the list; what was typed is kept only if saved. */
    public void cancel() {
        close.run();
    }

    /** The report number is used by another report this client knows. */
    static final class NumberTakenException extends IOException {
        private static final long serialVersionUID = 1L;
        final String number;

        NumberTakenException(String number) {
            super("Report number " + number + " is taken");
            this.number = number;
        }
    }

    // ------------------------------------------------------------------ properties

    public StringProperty text(String field) {
        StringProperty p = text.get(field);
        if (p == null) {
            throw new IllegalArgumentException("no text field " + field);
        }
        return p;
    }

    public StringProperty error(String field) {
        StringProperty p = errors.get(field);
        if (p == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return p;
    }

    public ObjectProperty<ProjectChoice> projectProperty() {
        return project;
    }

    public ObservableList<ProjectChoice> projects() {
        return projects;
    }

    public ObjectProperty<LocalDate> samplingDateProperty() {
        return samplingDate;
    }

    public ObjectProperty<LocalDate> testDateProperty() {
        return testDate;
    }

    public ObjectProperty<Integer> specimenSizeProperty() {
        return specimenSize;
    }

    public List<Integer> specimenSizes() {
        return List.of(100, 150, 200);
    }

    public javafx.beans.property.ReadOnlyBooleanProperty mayIssueProperty() {
        return mayIssue.getReadOnlyProperty();
    }

    public StringProperty reviewerNameProperty() {
        return reviewerName;
    }

    public StringProperty approverNameProperty() {
        return approverName;
    }

    public StringProperty specimenStrength(int index) {
        return specimenStrengths.get(index);
    }

    public StringProperty methodProperty() {
        return method;
    }

    public StringProperty representativeStrengthProperty() {
        return representativeStrength;
    }

    public StringProperty percentOfGradeProperty() {
        return percentOfGrade;
    }

    public StringProperty conclusionProperty() {
        return conclusion;
    }

    public StringProperty loadingRateHintProperty() {
        return loadingRateHint;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty editableProperty() {
        return editable;
    }

    /** The report being edited (after the first save), or null. */
    public LocalReport current() {
        return current;
    }

    private String blankToNull(String field) {
        String v = text(field).get();
        return v == null || v.isBlank() ? null : v.strip();
    }

    private BigDecimal decimal(String field) {
        String v = text(field).get().strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
