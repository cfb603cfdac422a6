package cn.cqs.client.login;

import cn.cqs.client.api.ApiConfigurationException;
import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.api.ClientTooOldException;
import cn.cqs.client.api.InvalidResponseException;
import cn.cqs.client.api.InvalidServerUrlException;
import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.api.UnauthenticatedException;
import cn.cqs.client.api.UntrustedServerException;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.settings.ConnectionSettingsValidator;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what went wrong during a login into messages next to the fields they concern (登录错误).
 * Returns an empty list for failures it does not know; the caller shows those with details.
 */
public final class LoginErrors {
    private LoginErrors() {
    }

    public static List<LoginError> of(Throwable failure, String serverUrlText) {
        if (failure instanceof InvalidServerUrlException) {
            return List.of(new LoginError(LoginError.Field.SERVER_URL,
                    Localization.get(ConnectionSettingsValidator.serverUrlError(serverUrlText)
                            .orElse("error.serverUrl.malformed"))));
        }
        if (failure instanceof UnauthenticatedException) {
            return List.of(new LoginError(LoginError.Field.PASSWORD, Localization.get("login.error.badCredentials")));
        }
        if (failure instanceof ClientTooOldException tooOld) {
            String serverMessage = Optional.ofNullable(tooOld.serverMessage()).filter(s -> !s.isBlank())
                    .orElse(Localization.get("login.error.clientTooOld.default"));
            return List.of(new LoginError(LoginError.Field.GENERAL,
                    Localization.get("login.error.clientTooOld", serverMessage)));
        }
        if (failure instanceof ServerUnreachableException unreachable) {
            return List.of(new LoginError(LoginError.Field.GENERAL,
                    Localization.get("login.error.unreachable", unreachable.serverUrl().toString())));
        }
        if (failure instanceof UntrustedServerException untrusted) {
            return List.of(new LoginError(LoginError.Field.GENERAL,
                    Localization.get("login.error.untrusted", untrusted.serverUrl().toString())));
        }
        if (failure instanceof ApiConfigurationException config) {
            return List.of(new LoginError(LoginError.Field.GENERAL,
                    Localization.get("login.error.configuration", config.getMessage())));
        }
        if (failure instanceof InvalidResponseException) {
            return List.of(new LoginError(LoginError.Field.GENERAL, Localization.get("login.error.invalidResponse")));
        }
        if (failure instanceof ApiProblemException problem) {
            return ofProblem(problem.problem());
        }
        return List.of();
    }

    private static List<LoginError> ofProblem(Problem problem) {
        if (ProblemTypes.TOO_MANY_REQUESTS.equals(problem.code()) || problem.status() == 429) {
            return List.of(new LoginError(LoginError.Field.GENERAL, Localization.get("login.error.tooManyAttempts")));
        }
        List<LoginError> errors = new ArrayList<>();
        for (Problem.FieldError fe : problem.errors()) {
            LoginError.Field field = switch (fe.field() == null ? "" : fe.field()) {
                case "username" -> LoginError.Field.USERNAME;
                case "password" -> LoginError.Field.PASSWORD;
                default -> LoginError.Field.GENERAL;
            };
            String text = "required".equals(fe.code()) ? Localization.get("login.error.required") : fe.message();
            errors.add(new LoginError(field, text));
        }
        if (errors.isEmpty()) {
            String detail = problem.detail() != null ? problem.detail()
                    : problem.title() != null ? problem.title() : "";
            errors.add(new LoginError(LoginError.Field.GENERAL,
                    Localization.get("login.error.server", problem.status(), detail)));
        }
        return errors;
    }
}
