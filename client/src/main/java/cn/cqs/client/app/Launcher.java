package cn.cqs.client.app;

import javafx.application.Application;

/**
 * The client's main class. It does not extend {@link Application}, so starting from a plain class
 * path works (otherwise the JDK's launcher refuses with "JavaFX runtime components are missing").
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            StartupOptions.parse(java.util.List.of(args), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("cqs-client: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(CqsApplication.class, args);
    }
}
