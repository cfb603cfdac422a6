package cn.cqs.client.api;

import cn.cqs.contract.auth.CurrentUser;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in user (登录会话): the API client carrying their token, who they are and when the token
 * expires. Created by the login screen and handed to the main window.
 */
public record UserSession(ApiClient api, CurrentUser user, Instant expiresAt) {
    public UserSession {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(user, "user");
    }
}
