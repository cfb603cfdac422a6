package cn.cqs.client.login;

/**
 * A failed login as the user sees it: a localised message and the field it belongs next to.
 *
 * @param field   where to show the message
 * @param message the localised text
 */
public record LoginError(Field field, String message) {
    /** Where a login error is shown. */
    public enum Field { SERVER_URL, USERNAME, PASSWORD, GENERAL }
}
