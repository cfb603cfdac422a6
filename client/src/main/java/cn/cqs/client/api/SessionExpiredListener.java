package cn.cqs.client.api;

/**
 * Told when a request made with a bearer token gets 401 (会话过期): the token expired or was
 * revoked. Called on the thread that made the request; the application moves to the login screen.
 */
@FunctionalInterface
public interface SessionExpiredListener {
    void sessionExpired(UnauthenticatedException cause);
}
