package cn.cqs.client.seal;

import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.shell.Module;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.orgs.Permission;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Registers the 签章证书 module for everyone who signs for the organisation: lab users who issue
 * reports (REPORTS_AUTHOR) and approvers who issue approved drafts (REPORTS_APPROVE).
 */
public final class SealCredentialModule {
    /** The module's id. */
    public static final String ID = "seal-credential";

    private SealCredentialModule() {
    }

    public static void registerIn(ModuleRegistry registry, Supplier<Optional<SessionWorkspace>> workspaces) {
        registry.register(new Module(ID, "credentials.module", Set.of(), context -> {
            Optional<SessionWorkspace> workspace = workspaces.get();
            if (workspace.isEmpty()) {
                Label unavailable = new Label(Localization.get("reports.workspaceUnavailable"));
                unavailable.setWrapText(true);
                return (Node) unavailable;
            }
            SealCredentialViewModel vm = new SealCredentialViewModel(workspace.get().credentials(), context.dialogs(),
                    context.background(), Platform::runLater, Clock.systemUTC());
            Node view = SealCredentialView.create(vm);
            vm.refresh();
            return view;
        }, Set.of(Permission.REPORTS_AUTHOR, Permission.REPORTS_APPROVE)));
    }
}
