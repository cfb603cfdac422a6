package cn.cqs.server.auth;

import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Password login and the opaque bearer tokens it hands out. Tokens are random, stored only as
 * their SHA-256 with an expiry, so any server instance on the same database can check them.
 */
public final class AuthService {
    /** The same answer for an unknown name and a wrong password: no user enumeration. */
    static final String WRONG_CREDENTIALS = "User name or password is wrong";
    private static final String USER_COLUMNS = """
            u.id, u.username, u.display_name, u.role, u.permissions, u.active,
            o.id as org_id, o.name as org_name, o.kind as org_kind, o.region_code as org_region""";
    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration tokenLifetime;

    public AuthService(Jdbi jdbi, PasswordHasher hasher, LoginThrottle throttle, Clock clock, Duration tokenLifetime) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    public LoginResponse login(LoginRequest request) {
        new Validation().text("username", request.username(), 64).text("password", request.password(), 200)
                .throwIfInvalid();
        String username = request.username().strip().toLowerCase(Locale.ROOT);
        Optional<Duration> locked = throttle.lockedFor(username);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            throw new ApiException(429, ProblemTypes.TOO_MANY_REQUESTS,
                    "Too many failed logins for this user name; try again in " + seconds + " seconds",
                    List.of(), Map.of("Retry-After", Long.toString(seconds)));
        }
        record Stored(UUID id, String hash, boolean active) {
        }
        Optional<Stored> stored = jdbi.withHandle(h -> h.createQuery(
                        "select id, password_hash, active from app_user where username = :u")
                .bind("u", username)
                .map((rs, c) -> new Stored(Sql.uuid(rs, "id"), rs.getString("password_hash"), rs.getBoolean("active")))
                .findOne());
        boolean ok = hasher.matches(request.password(), stored.map(Stored::hash).orElse(null));
        if (!ok || !stored.get().active()) {
            throttle.recordFailure(username);
            throw ApiException.unauthenticated(WRONG_CREDENTIALS);
        }
        throttle.reset(username);
        String token = Secrets.newSecret("cqs_t_");
        Instant now = clock.instant();
        Instant expires = now.plus(tokenLifetime);
        UUID userId = stored.get().id();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into auth_token (token_hash, user_id, created_at, expires_at)
                        values (:hash, :user, :now, :expires)""")
                .bind("hash", Secrets.sha256(token)).bind("user", userId)
                .bind("now", Sql.ts(now)).bind("expires", Sql.ts(expires)).execute());
        return new LoginResponse(token, expires, currentUser(userId).orElseThrow());
    }

    /** Resolves a bearer token that is neither expired nor revoked. */
    public Optional<Principal> resolveToken(String token) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("select " + USER_COLUMNS + "\n" + """
                         from auth_token t join app_user u on u.id = t.user_id
                         join organisation o on o.id = u.organisation_id
                        where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and u.active""")
                .bind("hash", Secrets.sha256(token)).bind("now", Sql.ts(now))
                .map((rs, c) -> principal(rs))
                .findOne());
    }

    public void logout(String token) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update auth_token set revoked_at = :now where token_hash = :hash and revoked_at is null")
                .bind("now", Sql.ts(clock.instant())).bind("hash", Secrets.sha256(token)).execute());
    }

    public Optional<CurrentUser> currentUser(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("select " + USER_COLUMNS + "\n" + """
                         from app_user u join organisation o on o.id = u.organisation_id where u.id = :id""")
                .bind("id", userId)
                .map((rs, c) -> new CurrentUser(Sql.uuid(rs, "id"), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        Sql.permissions(rs, "permissions"), Sql.uuid(rs, "org_id"), rs.getString("org_name"),
                        OrganisationKind.valueOf(rs.getString("org_kind")), Sql.trimmedChar(rs, "org_region")))
                .findOne());
    }

    private static Principal principal(ResultSet rs) throws SQLException {
        return new Principal(Sql.uuid(rs, "id"), rs.getString("username"), null, Sql.uuid(rs, "org_id"),
                OrganisationKind.valueOf(rs.getString("org_kind")), Sql.trimmedChar(rs, "org_region"),
                Role.valueOf(rs.getString("role")), Sql.permissions(rs, "permissions"));
    }
}
