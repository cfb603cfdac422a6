package cn.cqs.contract.auth;

/** {@code POST /api/v1/auth/login}: user name and password. */
public record LoginRequest(String username, String password) {
}
