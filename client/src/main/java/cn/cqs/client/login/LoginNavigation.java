package cn.cqs.client.login;

import cn.cqs.client.api.UserSession;
import cn.cqs.client.i18n.AppLanguage;

/** What the login screen asks of the application around it (implemented by the app shell). */
public interface LoginNavigation {
    /** The user logged in: open the main window. */
    void loggedIn(UserSession session);

    /** Open the connection settings (连接设置) on top of the login screen. */
    void openConnectionSettings();

    /** Switch the interface language, remember it, and rebuild the screen. */
    void switchLanguage(AppLanguage language);
}
