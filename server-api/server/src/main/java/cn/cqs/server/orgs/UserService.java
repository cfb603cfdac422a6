package cn.cqs.server.orgs;

import cn.cqs.contract.orgs.CreateUserRequest;
import cn.cqs.contract.orgs.Organisation;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.orgs.UpdateUserRequest;
import cn.cqs.contract.orgs.User;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.PasswordHasher;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Validation;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Users of an organisation (R2, R3): an organisation's administrator lists and adds its users and
 * sets their permissions; the province maintains the administrators of the regulators below it.
 */
public final class UserService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private final Jdbi jdbi;
    private final OrganisationService organisations;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public UserService(Jdbi jdbi, OrganisationService organisations, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.organisations = organisations;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public List<User> list(Principal p, UUID organisationId) {
        return jdbi.withHandle(h -> {
            administeredOrganisation(h, p, organisationId);
            return h.createQuery("select * from app_user where organisation_id = :org order by username")
                    .bind("org", organisationId).map((rs, c) -> user(rs)).list();
        });
    }

    public User get(Principal p, UUID id) {
        return jdbi.withHandle(h -> findVisible(h, p, id)).orElseThrow(() -> ApiException.notFound("User"));
    }

    public User create(Principal p, UUID organisationId, CreateUserRequest request) {
        return jdbi.inTransaction(h -> {
            Organisation org = administeredOrganisation(h, p, organisationId);
            Validation v = new Validation().text("displayName", request.displayName(), 100)
                    .required("role", request.role());
            String username = request.username() == null ? null : request.username().strip().toLowerCase(Locale.ROOT);
            if (username == null || username.isEmpty()) {
                v.add("username", "required", "username is required");
            } else if (!USERNAME.matcher(username).matches()) {
                v.add("username", "pattern", "username must be 3-64 characters of a-z, 0-9, '.', '_' or '-'");
            }
            checkPassword(v, request.password());
            Set<Permission> permissions = checkPermissions(v, org, request.role(), request.permissions());
            v.throwIfInvalid();
            boolean taken = h.createQuery("select exists (select 1 from app_user where username = :u)")
                    .bind("u", username).mapTo(Boolean.class).one();
            if (taken) {
                throw new ApiException(409, ProblemTypes.CONFLICT, "The user name " + username + " is already taken",
                        List.of(new Problem.FieldError("username", "duplicate", "Already taken")), Map.of());
            }
            Instant now = clock.instant();
            User user = new User(UUID.randomUUID(), org.id(), username, request.displayName().strip(), request.role(),
                    permissions, true, now, 1);
            insert(h, user, hasher.hash(request.password()));
            audit.record(h, p, now, "user.create", "user", user.id(), null, null, user);
            return user;
        });
    }

    public User update(Principal p, UUID id, long expectedVersion, UpdateUserRequest request) {
        return jdbi.inTransaction(h -> {
            User before = findVisible(h, p, id).orElseThrow(() -> ApiException.notFound("User"));
            Organisation org = organisations.findVisible(h, p, before.organisationId())
                    .orElseThrow(() -> ApiException.notFound("User"));
            if (!organisations.administers(h, p, org)) {
                throw ApiException.forbidden("Only an administrator of the user's organisation may change the user");
            }
            Validation v = new Validation().text("displayName", request.displayName(), 100).required("role", request.role());
            Set<Permission> permissions = checkPermissions(v, org, request.role(), request.permissions());
            boolean active = request.active() == null ? before.active() : request.active();
            if (id.equals(p.userId()) && (!active || request.role() == Role.ORDINARY)) {
                v.add(active ? "role" : "active", "self_lockout",
                        "You cannot remove your own administrator rights; ask another administrator");
            }
            v.throwIfInvalid();
            if (before.version() != expectedVersion) {
                throw Etags.conflict("user", before.version());
            }
            Instant now = clock.instant();
            int changed = h.createUpdate("""
                            update app_user set display_name = :name, role = :role, permissions = :perms, active = :active,
                                   updated_at = :now, version = version + 1
                             where id = :id and version = :version""")
                    .bind("name", request.displayName().strip()).bind("role", request.role().name())
                    .bind("perms", Sql.names(permissions)).bind("active", active).bind("now", Sql.ts(now))
                    .bind("id", id).bind("version", expectedVersion).execute();
            if (changed == 0) {
                throw Etags.conflict("user", expectedVersion + 1);
            }
            if (!active) {
                h.createUpdate("update auth_token set revoked_at = :now where user_id = :id and revoked_at is null")
                        .bind("now", Sql.ts(now)).bind("id", id).execute();
            }
            User after = new User(id, before.organisationId(), before.username(), request.displayName().strip(),
                    request.role(), permissions, active, before.createdAt(), expectedVersion + 1);
            audit.record(h, p, now, "user.update", "user", id, null, before, after);
            return after;
        });
    }

    /** Inserts without checks; for the service above and the demo seed. */
    public static void insert(Handle h, User user, String passwordHash) {
        h.createUpdate("""
                        insert into app_user (id, organisation_id, username, display_name, password_hash, role, permissions,
                                              active, created_at, updated_at, version)
                        values (:id, :org, :username, :name, :hash, :role, :perms, :active, :now, :now, :version)""")
                .bind("id", user.id()).bind("org", user.organisationId()).bind("username", user.username())
                .bind("name", user.displayName()).bind("hash", passwordHash).bind("role", user.role().name())
                .bind("perms", Sql.names(user.permissions())).bind("active", user.active())
                .bind("now", Sql.ts(user.createdAt())).bind("version", user.version()).execute();
    }

    private Organisation administeredOrganisation(Handle h, Principal p, UUID organisationId) {
        Organisation org = organisations.findVisible(h, p, organisationId)
                .orElseThrow(() -> ApiException.notFound("Organisation"));
        if (!organisations.administers(h, p, org)) {
            throw ApiException.forbidden("Only an administrator may manage this organisation's users");
        }
        return org;
    }

    /** The user themself, or a user of an organisation the principal administers. */
    private Optional<User> findVisible(Handle h, Principal p, UUID id) {
        Optional<User> user = h.createQuery("select * from app_user where id = :id").bind("id", id)
                .map((rs, c) -> user(rs)).findOne();
        return user.filter(u -> u.id().equals(p.userId())
                || organisations.findVisible(h, p, u.organisationId())
                        .map(org -> organisations.administers(h, p, org)).orElse(false));
    }

    static void checkPassword(Validation v, String password) {
        if (password == null || password.isEmpty()) {
            v.add("password", "required", "password is required");
        } else if (password.length() < CreateUserRequest.MIN_PASSWORD_LENGTH) {
            v.add("password", "too_short", "password must have at least " + CreateUserRequest.MIN_PASSWORD_LENGTH
                    + " characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_BYTES) {
            v.add("password", "too_long", "password must be at most " + PasswordHasher.MAX_BYTES + " bytes");
        } else if (password.isBlank()) {
            v.add("password", "blank", "password must not be only spaces");
        }
    }

    private static Set<Permission> checkPermissions(Validation v, Organisation org, Role role, Set<Permission> requested) {
        v.requiredCollection("permissions", requested);
        if (requested == null || requested.contains(null)) {
            return Set.of();
        }
        EnumSet<Permission> set = requested.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(requested);
        Set<Permission> available = Permission.availableTo(org.kind());
        for (Permission permission : set) {
            if (!available.contains(permission)) {
                v.add("permissions", "not_available", permission + " is not available to a " + org.kind() + " organisation");
            }
        }
        if (role == Role.ORDINARY && set.contains(Permission.USERS_ADMIN)) {
            v.add("permissions", "admin_only", "Only an administrator holds USERS_ADMIN");
        }
        if (role == Role.ADMINISTRATOR) {
            set.add(Permission.USERS_ADMIN);
        }
        return set;
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(Sql.uuid(rs, "id"), Sql.uuid(rs, "organisation_id"), rs.getString("username"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), Sql.permissions(rs, "permissions"),
                rs.getBoolean("active"), Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
