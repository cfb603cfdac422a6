package cn.cqs.client.api;

import cn.cqs.contract.problem.Problem;

/**
 * 401: wrong user name or password on login, or the bearer token expired or was revoked. After
 * login the client's {@link SessionExpiredListener} is told so the user is sent back to login.
 */
public final class UnauthenticatedException extends ApiProblemException {
    public UnauthenticatedException(Problem problem) {
        super(problem);
    }
}
