package cn.cqs.client.api;

import cn.cqs.contract.problem.Problem;

/**
 * 426 Upgrade Required: the server no longer speaks this client's protocol version. The problem's
 * detail is the server's plain message telling the user to upgrade (请升级客户端).
 */
public final class ClientTooOldException extends ApiProblemException {
    public ClientTooOldException(Problem problem) {
        super(problem);
    }

    /** The server's message in plain words, or {@code null} when it sent none. */
    public String serverMessage() {
        return problem().detail();
    }
}
