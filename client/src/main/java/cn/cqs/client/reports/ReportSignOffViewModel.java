package cn.cqs.client.reports;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.reports.ReportDraftState;
import cn.cqs.contract.reports.ReportLifecycle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sign-off queue (审核/批准): the lab's shared report drafts waiting for the step this screen is
 * for, with that step offered only where the current user may take it ({@link ReportLifecycle}: the
 * permission, the state, and not the author when reviewing, not the reviewer when approving). The
 * server checks the same rules; its refusal is shown as it comes.
 */
public final class ReportSignOffViewModel {
    /** Which step the queue is for. */
    public enum Step {
        /** 审核: drafts in state DRAFT. */
        REVIEW(ReportDraftState.DRAFT),
        /** 批准: drafts in state REVIEWED. */
        APPROVE(ReportDraftState.REVIEWED);

        private final ReportDraftState waiting;

        Step(ReportDraftState waiting) {
            this.waiting = waiting;
        }

        /** The state of the drafts waiting for this step. */
        public ReportDraftState waiting() {
            return waiting;
        }
    }

    private final CurrentUser user;
    private final ReportDrafts drafts;
    private final Step step;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<ReportDraft> waiting = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ApprovedDraftIssuer issuing;

    /** A queue without issuing (the review queue, or an approver on a PC without the lab's credential). */
    public ReportSignOffViewModel(CurrentUser user, ReportDrafts drafts, Step step, DialogService dialogs,
                                  Executor background, Executor ui) {
        this(user, drafts, step, dialogs, background, ui, null);
    }

    /**
     * @param issuing issues approved drafts on this PC (the approval queue also lists APPROVED drafts
     *                then), or null
     */
    public ReportSignOffViewModel(CurrentUser user, ReportDrafts drafts, Step step, DialogService dialogs,
                                  Executor background, Executor ui, ApprovedDraftIssuer issuing) {
        this.issuing = step == Step.APPROVE ? issuing : null;
        this.user = Objects.requireNonNull(user, "user");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.step = Objects.requireNonNull(step, "step");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Loads the drafts waiting for this step (in the background). */
    public void reload() {
        busy.set(true);
        run(drafts::list, (all, failure) -> {
            busy.set(false);
            if (failure != null) {
                status.set(Localization.get("reports.lifecycle.loadFailed", failure.getMessage()));
                return;
            }
            List<ReportDraft> mine = all.stream().filter(d -> d.state() == step.waiting()
                    || (issuing != null && d.state() == ReportDraftState.APPROVED)).toList();
            waiting.setAll(mine);
            status.set(Localization.get("reports.lifecycle.waiting", mine.size()));
        });
    }

    /** Why the current user may not take this step on {@code draft}, or empty when they may. */
    public Optional<String> refusal(ReportDraft draft) {
        Optional<ReportLifecycle.Refusal> r = step == Step.REVIEW
                ? ReportLifecycle.checkReview(draft.state(), draft.authorUserId(), user.id(), user.permissions())
                : ReportLifecycle.checkApprove(draft.state(), draft.reviewerUserId(), user.id(), user.permissions());
        return r.map(ReportLifecycle.Refusal::message);
    }

    /** Whether the current user may take this step on {@code draft}. */
    public boolean mayTake(ReportDraft draft) {
        return draft != null && refusal(draft).isEmpty();
    }

    /** Whether the current user may issue {@code draft} here (签发: approved, REPORTS_APPROVE, a credential). */
    public boolean mayIssue(ReportDraft draft) {
        return draft != null && issuing != null
                && ReportLifecycle.checkIssue(draft.state(), user.permissions()).isEmpty();
    }

    /**
     * Issues an approved draft on this PC after a confirmation (and the credential's password when it
     * is locked): signs, renders the PDF and queues the upload naming the draft; reloads afterwards.
     */
    public void issue(ReportDraft draft) {
        issue(draft, false);
    }

    /**
     * Issues an approved draft with a PDF the lab produced in its own software (用外部 PDF 签发…): after the
     * same checks as {@link #issue}, asks for the PDF and where its QR code goes
     * ({@link ExternalPdfChoice}), then issues with the code stamped on that PDF instead of rendering ours.
     */
    public void issueWithExternalPdf(ReportDraft draft) {
        issue(draft, true);
    }

    private void issue(ReportDraft draft, boolean externalPdf) {
        if (draft == null || busy.get()) {
            return;
        }
        String title = Localization.get("reports.lifecycle.issue.title");
        Optional<ReportLifecycle.Refusal> refused = issuing == null
                ? Optional.of(new ReportLifecycle.Refusal(ReportLifecycle.Refusal.Kind.STATE,
                        Localization.get("reports.lifecycle.issue.unavailable")))
                : ReportLifecycle.checkIssue(draft.state(), user.permissions());
        if (refused.isPresent()) {
            dialogs.showError(title, refused.get().message());
            return;
        }
        ExternalPdfChoice external = null;
        if (externalPdf) {
            Optional<ExternalPdfChoice> chosen = ExternalPdfChoice.ask(dialogs);
            if (chosen.isEmpty()) {
                return;
            }
            external = chosen.get();
        }
        String number = draft.reportNumber();
        String question = external == null
                ? Localization.get("reports.lifecycle.issue.question", number, draft.reviewerName(), draft.approverName())
                : Localization.get("reports.external.approvedQuestion", number, draft.reviewerName(), draft.approverName(),
                        external.file().getFileName().toString());
        if (!dialogs.confirm(title, question)) {
            return;
        }
        char[] password = null;
        if (issuing.needsPassword()) {
            Optional<char[]> typed = dialogs.askPassword(Localization.get("credentials.password.title"),
                    Localization.get("credentials.password.question"));
            if (typed.isEmpty()) {
                return;
            }
            password = typed.get();
        }
        char[] pw = password;
        ExternalPdfChoice choice = external;
        busy.set(true);
        run(() -> {
            if (!issuing.hasCredential()) {
                throw new IllegalStateException(Localization.get("reports.lifecycle.issue.noCredential"));
            }
            return choice == null ? issuing.issue(draft, pw) : issuing.issueWithExternalPdf(draft, pw, choice);
        }, (issued, failure) -> {
            busy.set(false);
            if (failure instanceof cn.cqs.client.rendering.ExternalPdfRefusedException notStampable) {
                dialogs.showError(Localization.get("reports.external.title"), ExternalPdfChoice.refusalMessage(notStampable));
            } else if (failure != null) {
                dialogs.showError(title, Localization.get("reports.lifecycle.failed", failure.getMessage()));
            } else {
                status.set(Localization.get("reports.lifecycle.issue.done", number, issued.pdf().toString()));
            }
            reload();
        });
    }

    /** Takes the step on {@code draft} after a confirmation; reloads the queue afterwards. */
    public void take(ReportDraft draft) {
        if (draft == null || busy.get()) {
            return;
        }
        Optional<String> refused = refusal(draft);
        String title = Localization.get("reports.lifecycle." + key() + ".title");
        if (refused.isPresent()) {
            dialogs.showError(title, refused.get());
            return;
        }
        String number = draft.reportNumber();
        if (!dialogs.confirm(title, Localization.get("reports.lifecycle." + key() + ".question", number,
                draft.authorName()))) {
            return;
        }
        busy.set(true);
        run(() -> step == Step.REVIEW ? drafts.review(draft) : drafts.approve(draft), (done, failure) -> {
            busy.set(false);
            if (failure != null) {
                dialogs.showError(title, Localization.get("reports.lifecycle.failed", failure.getMessage()));
            } else {
                status.set(Localization.get("reports.lifecycle." + key() + ".done", number));
            }
            reload();
        });
    }

    private String key() {
        return step == Step.REVIEW ? "review" : "approve";
    }

    private <T> void run(Callable<T> work, BiConsumer<T, Exception> done) {
        cn.cqs.client.shell.BackgroundWork.run(background, ui, work, done);
    }

    public Step step() {
        return step;
    }

    public ObservableList<ReportDraft> waiting() {
        return waiting;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
