package cn.cqs.server.orgs;

import cn.cqs.contract.orgs.Region;
import cn.cqs.contract.orgs.RegionLevel;
import cn.cqs.server.db.Sql;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The GB/T 2260 region tree (行政区划) and jurisdiction questions on it. */
public final class Regions {
    private final Jdbi jdbi;

    public Regions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Region> all() {
        return jdbi.withHandle(h -> h.createQuery("select * from region order by code")
                .map((rs, c) -> new Region(Sql.trimmedChar(rs, "code"), rs.getString("name"),
                        Sql.trimmedChar(rs, "parent_code"), RegionLevel.valueOf(rs.getString("level"))))
                .list());
    }

    public Optional<Region> find(Handle h, String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return Optional.empty();
        }
        return h.createQuery("select * from region where code = :c").bind("c", code)
                .map((rs, c) -> new Region(Sql.trimmedChar(rs, "code"), rs.getString("name"),
                        Sql.trimmedChar(rs, "parent_code"), RegionLevel.valueOf(rs.getString("level"))))
                .findOne();
    }

    /** True when {@code code} is {@code root} or lies below it. */
    public boolean within(Handle h, String code, String root) {
        return h.createQuery("select exists (select 1 from region_subtree(:root) where code = :code)")
                .bind("root", root).bind("code", code).mapTo(Boolean.class).one();
    }
}
