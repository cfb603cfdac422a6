package cn.cqs.client.shell;

import cn.cqs.client.i18n.AppLanguage;

/** What the main window asks of the application around it (implemented by the app shell). */
public interface ShellNavigation {
    /** The user logged out: show the login screen. */
    void loggedOut();

    /** Quit the application. */
    void exit();

    /** Switch the interface language, remember it, and rebuild the window. */
    void switchLanguage(AppLanguage language);
}
