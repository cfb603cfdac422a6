package cn.cqs.client.verify;

import cn.cqs.client.print.JavaxReportPrinter;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.client.viewer.ReportViewerWindows;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.projects.Project;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;

import cn.cqs.client.camera.CameraService;
import cn.cqs.client.pki.TrustCaches;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.settings.SettingsStore;
import cn.cqs.client.shell.Module;
import cn.cqs.contract.orgs.Permission;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Registers 扫码核验 (the verify desk) in the navigation for holders of the VERIFY permission. */
public final class VerifyModule {
    private VerifyModule() {
    }

    /**
     * The verify module: certificates cached and the desk's place remembered under {@code profileDir};
     * verifications and refusals queued in the user's outbox (none kept when {@code workspaces} has
     * no open workspace).
     */
    public static Module module(Path profileDir, Supplier<Optional<SessionWorkspace>> workspaces) {
        CameraService webcams = CameraService.forThisPlatform(profileDir);
        return module(profileDir, workspaces, DeskCameras.of(webcams));
    }

    /**
     * The verify module with its live frames from {@code cameras}: this computer's webcams, or
     * synthetic cameras (tests, demos) that feed the same pipeline.
     */
    public static Module module(Path profileDir, Supplier<Optional<SessionWorkspace>> workspaces, DeskCameras cameras) {
        TrustCaches caches = new TrustCaches(profileDir, Clock.systemUTC());
        SettingsStore settings = new SettingsStore(profileDir);
        return new Module("verify", "verify.nav", Set.of(Permission.VERIFY), context -> {
            VerifyViewModel vm = VerifyViewModel.create(context, caches,
                    () -> workspaces.get().map(SessionWorkspace::outbox), settings, cameras);
            javafx.scene.Node view = VerifyView.create(vm);
            var api = context.session().api();
            vm.setServerServices(() -> api.get(ApiVersion.BASE_PATH + "/projects",
                            new TypeReference<List<Project>>() { }, Map.of()).stream()
                            .map(p -> new ProjectChoice(p.id(), p.name())).toList(),
                    VerifiedPdfs.of(api),
                    new ReportViewerWindows(null, null, new JavaxReportPrinter(), context.background(),
                            Platform::runLater, Clock.systemUTC(),
                            () -> view.getScene() == null ? null : view.getScene().getWindow()));
            return view;
        });
    }
}
