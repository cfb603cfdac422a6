package cn.cqs.server.db;

import cn.cqs.contract.orgs.Permission;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Small conversions between Java values and PostgreSQL columns, used by every store. */
public final class Sql {
    /**
     * Makes the statements of {@code h}'s current transaction be planned for the values they bind, every
     * time: the driver reuses prepared statements, and after a few executions PostgreSQL may switch to
     * a generic plan that cannot know, e.g., that a text search is a rare or a common word or that a
     * region list is one county or the whole province. For reads whose best plan depends on the
     * values (the batch list's filters, the plant figures' period); {@code set local} ends with the
     * transaction.
     */
    public static void planForTheseValues(org.jdbi.v3.core.Handle h) {
        h.execute("set local plan_cache_mode = force_custom_plan");
    }

    private Sql() {
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Set<Permission> permissions(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                set.add(Permission.valueOf((String) o));
            }
        }
        return set;
    }

    public static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    public static String trimmedChar(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : v.trim();
    }

    static String join(String... parts) {
        return String.join(" ", Arrays.asList(parts));
    }
}
