package cn.cqs.client.reports;

import cn.cqs.client.credentials.CredentialException;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.rendering.ExternalPdfRefusedException;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.ReplicaQuery;
import cn.cqs.contract.problem.Problem;
import cn.cqs.client.reports.sections.ReportContentSection;
import cn.cqs.client.reports.sections.ReportSections;
import cn.cqs.client.reports.sections.SectionInput;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportLifecycle;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.io.IOException;
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
 * The report editor (报告编制): the header fields every report type shares (report and commission
 * numbers, project, part, sample, dates, the standard chosen from the type's
 * {@code ReportTypeDefinition.standards()}, witness and sampler) and the lifecycle actions (save,
 * submit for review, issue), with the type-specific fields in a {@link ReportContentSection} from
 * {@link ReportSections}. Whatever is typed is turned into the type's content record and evaluated
 * live by the type's rule; the validator's errors appear next to the fields they concern (localised
 * by code; shown after the first save or issue attempt, then kept current).
 */
public final class ReportFormViewModel {
    /** Header text fields by their name in {@link ReportHeader}. */
    public static final List<String> HEADER_TEXT_FIELDS = List.of("reportNumber", "commissionNumber", "projectPart",
            "sampleName", "sampleId", "witnessName", "witnessCertificateNumber", "witnessOrganisation", "samplerName");
    /** Header fields that have an error label (text fields plus choosers and dates). */
    public static final List<String> HEADER_ERROR_FIELDS;

    static {
        List<String> all = new ArrayList<>(HEADER_TEXT_FIELDS);
        all.addAll(List.of("projectId", "samplingDate", "testDate", "standard"));
        HEADER_ERROR_FIELDS = List.copyOf(all);
    }

    private final ReportsEnvironment env;
    private final Runnable close;
    private final ReportType type;
    private final ReportContentSection section;
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final StringProperty otherErrors = new SimpleStringProperty(this, "otherErrors", "");
    private final ObjectProperty<ProjectChoice> project = new SimpleObjectProperty<>(this, "project");
    private final ObservableList<ProjectChoice> projects = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> samplingDate = new SimpleObjectProperty<>(this, "samplingDate");
    private final ObjectProperty<LocalDate> testDate = new SimpleObjectProperty<>(this, "testDate");
    private final ObjectProperty<String> standard = new SimpleObjectProperty<>(this, "standard");
    private final ObservableList<String> standards = FXCollections.observableArrayList();
    private final StringProperty reviewerName = new SimpleStringProperty(this, "reviewerName", "");
    private final StringProperty approverName = new SimpleStringProperty(this, "approverName", "");
    /**
     * Whether this user may issue directly (签发 without a draft reviewed and approved by others): only
     * a holder of REPORTS_AUTHOR, REPORTS_REVIEW and REPORTS_APPROVE, who is then recorded as reviewer
     * and approver ({@link ReportLifecycle#mayIssueDirectly}); the server enforces the same rule.
     */
    private final javafx.beans.property.ReadOnlyBooleanWrapper mayIssue =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "mayIssue");
    private final StringProperty computedTitle = new SimpleStringProperty(this, "computedTitle", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", true);
    private boolean showErrors;
    private boolean recomputing;
    private LocalReport current;

    /**
     * A concrete cube report form (or the form of {@code existing}'s type).
     *
     * @param existing the draft to edit, or null for a new concrete cube report
     * @param close    returns to the list
     */
    public ReportFormViewModel(ReportsEnvironment env, LocalReport existing, Runnable close) {
        this(env, existing == null ? ReportType.CONCRETE_CUBE : existing.type(), existing, close);
    }

    /**
     * @param type     the report type of a new report (for a draft, its type)
     * @param existing the draft to edit, or null for a new report
     * @param close    returns to the list
     */
    public ReportFormViewModel(ReportsEnvironment env, ReportType type, LocalReport existing, Runnable close) {
        this.env = env;
        this.close = close;
        if (existing != null && existing.type() != type) {
            throw new IllegalArgumentException("Report " + existing.reportNumber() + " is a " + existing.type()
                    + " report, not " + type);
        }
        this.type = type;
        this.section = ReportSections.create(type);
        for (String f : HEADER_TEXT_FIELDS) {
            text.put(f, new SimpleStringProperty(this, f, ""));
        }
        for (String f : HEADER_ERROR_FIELDS) {
            errors.put(f, new SimpleStringProperty(this, f + "Error", ""));
        }
        standards.setAll(ReportTypes.of(type).standards());
        text("sampleName").set(Localization.get(section.defaultSampleNameKey()));
        this.current = existing;
        mayIssue.set(ReportLifecycle.mayIssueDirectly(env.user().permissions()));
        if (existing != null) {
            load(existing);
        }
        text.values().forEach(p -> p.addListener((o, a, b) -> recompute()));
        project.addListener((o, a, b) -> recompute());
        samplingDate.addListener((o, a, b) -> recompute());
        testDate.addListener((o, a, b) -> recompute());
        standard.addListener((o, a, b) -> recompute());
        section.setOnChange(this::recompute);
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
        section.load(report.content());
        ReportHeader h = section.headerOf(report.content());
        text("reportNumber").set(nz(h.reportNumber()));
        text("commissionNumber").set(nz(h.commissionNumber()));
        text("projectPart").set(nz(h.projectPart()));
        text("sampleName").set(nz(h.sampleName()));
        text("sampleId").set(nz(h.sampleId()));
        text("witnessName").set(nz(h.witnessName()));
        text("witnessCertificateNumber").set(nz(h.witnessCertificateNumber()));
        text("witnessOrganisation").set(nz(h.witnessOrganisation()));
        text("samplerName").set(nz(h.samplerName()));
        samplingDate.set(h.samplingDate());
        testDate.set(h.testDate());
        standard.set(h.standard());
        if (h.projectId() != null) {
            ProjectChoice choice = new ProjectChoice(h.projectId(), nz(h.projectName()));
            projects.add(choice);
            project.set(choice);
        }
        reviewerName.set(nz(report.reviewerName()));
        approverName.set(nz(report.approverName()));
        editable.set(report.state() == LocalReportState.DRAFT);
    }

    // ------------------------------------------------------------------ live computation

    /** The shared header as typed. */
    public ReportHeader header() {
        ProjectChoice p = project.get();
        String chosenStandard = standard.get() == null || standard.get().isBlank() ? null : standard.get().strip();
        return new ReportHeader(blankToNull("reportNumber"), blankToNull("commissionNumber"),
                p == null ? null : p.id(), p == null ? null : p.name(), blankToNull("projectPart"),
                blankToNull("sampleName"), blankToNull("sampleId"), samplingDate.get(), testDate.get(), chosenStandard,
                blankToNull("witnessName"), blankToNull("witnessCertificateNumber"), blankToNull("witnessOrganisation"),
                blankToNull("samplerName"));
    }

    /** The content record as typed; unreadable numbers become null and are reported by {@link #parseErrors()}. */
    public Object report() {
        return section.content(header());
    }

    /** Fields whose text is not a number where one is needed. */
    public List<Problem.FieldError> parseErrors() {
        return section.parseErrors();
    }

    /** Every problem with the report as typed: unreadable numbers, then the validator's. */
    public List<Problem.FieldError> allErrors() {
        List<Problem.FieldError> parse = parseErrors();
        List<Problem.FieldError> out = new ArrayList<>(parse);
        for (Problem.FieldError e : ReportTypes.of(type).validate(report())) {
            boolean unreadable = parse.stream().anyMatch(p -> p.field().equals(e.field()));
            if (!unreadable) {
                out.add(e);
            }
        }
        return out;
    }

    private void recompute() {
        if (recomputing) {
            return;
        }
        recomputing = true;
        try {
            ReportHeader header = header();
            section.requiredStandard(header).filter(required -> !required.equals(standard.get()))
                    .ifPresent(standard::set); // e.g. the GB 175 edition follows the test date
            section.showResult(section.content(header()));
            computedTitle.set(Localization.get("reports.form.computedFor", standard.get() == null ? "" : standard.get()));
            if (showErrors) {
                showErrors(allErrors());
            }
        } finally {
            recomputing = false;
        }
    }

    private void showErrors(List<Problem.FieldError> list) {
        errors.values().forEach(p -> p.set(""));
        section.clearErrors();
        List<String> unplaced = new ArrayList<>();
        String typeCode = ReportTypes.of(type).code();
        for (Problem.FieldError e : list) {
            String headerField = headerField(e.field());
            StringProperty target;
            Problem.FieldError shown = e;
            if (headerField != null) {
                target = errors.get(headerField);
                shown = new Problem.FieldError(headerField, e.code(), e.message());
            } else {
                target = section.errorTarget(e.field()).orElse(null);
            }
            String message = FieldErrorMessages.message(shown, typeCode);
            if (target == null) {
                unplaced.add(message);
            } else if (target.get().isEmpty()) {
                target.set(message);
            }
        }
        otherErrors.set(String.join("\n", unplaced));
    }

    /** The header field an error path names ({@code header.projectName} → {@code projectId}), or null. */
    private String headerField(String path) {
        String prefix = section.headerPath().isEmpty() ? "" : section.headerPath() + ".";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String field = path.substring(prefix.length());
        if (field.equals("projectName")) {
            field = "projectId";
        }
        return errors.containsKey(field) ? field : null;
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
        return current == null ? LocalReport.draft(type, report(), reviewerName.get(), approverName.get(), now)
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
        } else if (failure instanceof ReportInputException invalid) {
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

    /** A header text field, or a text input of the section (e.g. {@code specimens[0].failureLoadKn}). */
    public StringProperty text(String field) {
        StringProperty p = text.get(field);
        if (p != null) {
            return p;
        }
        return section.input(field).filter(i -> i instanceof SectionInput.Text)
                .map(i -> ((SectionInput.Text) i).value())
                .orElseThrow(() -> new IllegalArgumentException("no text field " + field));
    }

    /** The error shown for a header field, or for a section input or table by its field path. */
    public StringProperty error(String field) {
        StringProperty p = errors.get(field);
        if (p != null) {
            return p;
        }
        return section.error(field);
    }

    /** Errors the validator reported for no field on this form (e.g. a missing header), one per line. */
    public StringProperty otherErrorsProperty() {
        return otherErrors;
    }

    /** The report type being authored. */
    public ReportType type() {
        return type;
    }

    /** The type's section (its inputs, results and conclusion). */
    public ReportContentSection section() {
        return section;
    }

    /** The form's title: the type's report title in the current language. */
    public String title() {
        return ReportContents.typeName(type);
    }

    /** The results panel's heading, naming the standard. */
    public StringProperty computedTitleProperty() {
        return computedTitle;
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

    /** 检测依据, one of {@link #standards()}. */
    public ObjectProperty<String> standardProperty() {
        return standard;
    }

    /** The standards this type may name. */
    public ObservableList<String> standards() {
        return standards;
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

    /** The overall conclusion (检测结论) computed live, empty while incomplete. */
    public javafx.beans.property.ReadOnlyStringProperty conclusionProperty() {
        return section.conclusionProperty();
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
