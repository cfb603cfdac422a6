package cn.cqs.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.server.testing.TestServers;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V14: users created before the ready-mix modules keep a way in. A database at V12 with a plant's
 * administrator and clerk and two regulator users is migrated; only the plant's administrator gets
 * BATCHES_REGISTER and only the report supervisor gets BATCHES_SUPERVISE, each grant audited once.
 */
class ReadyMixPermissionsMigrationTest {
    private static final String REGION = "350200";

    @Test
    void plantAdministratorsAndReportSupervisorsAreGrantedTheNewPermissionsOnceAndAudited() {
        DataSource db = TestServers.freshDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("12").load().migrate();
        Jdbi jdbi = Jdbi.create(db);
        UUID plant = organisation(jdbi, "READY_MIX_PLANT");
        UUID regulator = organisation(jdbi, "REGULATOR");
        UUID plantAdmin = user(jdbi, plant, "ADMINISTRATOR", "USERS_ADMIN", "VERIFY");
        UUID plantClerk = user(jdbi, plant, "ORDINARY", "REPORTS_AUTHOR");
        UUID supervisor = user(jdbi, regulator, "ORDINARY", "REPORTS_SUPERVISE", "VERIFY");
        UUID verifier = user(jdbi, regulator, "ORDINARY", "VERIFY");

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        assertThat(permissions(jdbi, plantAdmin)).containsExactly("USERS_ADMIN", "VERIFY", "BATCHES_REGISTER");
        assertThat(permissions(jdbi, plantClerk)).containsExactly("REPORTS_AUTHOR");
        assertThat(permissions(jdbi, supervisor)).containsExactly("REPORTS_SUPERVISE", "VERIFY", "BATCHES_SUPERVISE");
        assertThat(permissions(jdbi, verifier)).containsExactly("VERIFY");
        List<String> audited = jdbi.withHandle(h -> h.createQuery("""
                        select entity_id || ' ' || (before ->> 'permissions') || ' -> ' || (after ->> 'permissions')
                          from audit_log where action = 'user.permissions.upgrade' order by id""")
                .mapTo(String.class).list());
        assertThat(audited).containsExactly(
                plantAdmin + " [\"USERS_ADMIN\", \"VERIFY\"] -> [\"USERS_ADMIN\", \"VERIFY\", \"BATCHES_REGISTER\"]",
                supervisor + " [\"REPORTS_SUPERVISE\", \"VERIFY\"] -> [\"REPORTS_SUPERVISE\", \"VERIFY\", \"BATCHES_SUPERVISE\"]");
        long version = jdbi.withHandle(h -> h.createQuery("select version from app_user where id = :id")
                .bind("id", plantAdmin).mapTo(Long.class).one());
        assertThat(version).isEqualTo(2);
    }

    private static UUID organisation(Jdbi jdbi, String kind) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into organisation (id, name, kind, uscc, region_code, created_at, updated_at)
                        values (:id, :name, :kind, null, :region, now(), now())""")
                .bind("id", id).bind("name", kind + " " + id).bind("kind", kind).bind("region", REGION).execute());
        return id;
    }

    private static UUID user(Jdbi jdbi, UUID organisation, String role, String... permissions) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into app_user (id, organisation_id, username, display_name, password_hash, role,
                                              permissions, created_at, updated_at)
                        values (:id, :org, :name, :name, 'x', :role, :permissions, now(), now())""")
                .bind("id", id).bind("org", organisation).bind("name", "u-" + id).bind("role", role)
                .bindArray("permissions", String.class, (Object[]) permissions).execute());
        return id;
    }

    private static List<String> permissions(Jdbi jdbi, UUID user) {
        return jdbi.withHandle(h -> h.createQuery("select unnest(permissions) from app_user where id = :id")
                .bind("id", user).mapTo(String.class).list());
    }
}
