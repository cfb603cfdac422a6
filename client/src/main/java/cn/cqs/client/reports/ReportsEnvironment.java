package cn.cqs.client.reports;

import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.Replica;
import cn.cqs.contract.auth.CurrentUser;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the report screens' view models work with: the local services of the user's workspace,
 * the dialog service, where to run background work and how to get back onto the JavaFX thread
 * ({@code ui}; tests run both inline).
 *
 * @param dataChanged tells other screens that local records changed
 * @param drafts      the lab's shared drafts on the server (submit for review), or null
 */
public record ReportsEnvironment(CurrentUser user, LocalReports reports, ReportIssuer issuer,
                                 SigningCredentials credentials, Replica replica, Outbox outbox,
                                 DialogService dialogs, Executor background, Executor ui, Clock clock,
                                 Runnable dataChanged, ReportDrafts drafts) {
    public ReportsEnvironment {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dataChanged, "dataChanged");
    }

    /** An environment without the server's shared drafts (submitting for review is then unavailable). */
    public ReportsEnvironment(CurrentUser user, LocalReports reports, ReportIssuer issuer,
                              SigningCredentials credentials, Replica replica, Outbox outbox,
                              DialogService dialogs, Executor background, Executor ui, Clock clock,
                              Runnable dataChanged) {
        this(user, reports, issuer, credentials, replica, outbox, dialogs, background, ui, clock, dataChanged, null);
    }

    /** Runs {@code work} in the background, then {@code done} (result or failure) on the UI thread. */
    public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.BiConsumer<T, Exception> done) {
        cn.cqs.client.shell.BackgroundWork.run(background, ui, work, done);
    }
}
