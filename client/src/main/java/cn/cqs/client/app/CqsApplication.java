package cn.cqs.client.app;

import cn.cqs.client.verify.VerifyModule;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: parses the options and hands the primary stage to {@link ClientApp}. */
public final class CqsApplication extends Application {
    private ClientApp app;

    @Override
    public void start(Stage stage) {
        StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getProperties());
        ClientApp.Extensions extensions = ClientApp.Extensions.standard();
        extensions.modules().register(VerifyModule.module(options.profileDir(), extensions.sessions()::current));
        app = new ClientApp(stage, options, extensions);
        app.start();
    }

    @Override
    public void stop() {
        if (app != null) {
            app.shutdown();
        }
    }
}
