package cn.cqs.server.batches;

import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Who may do what in the ready-mix subsystem: a plant's users and API keys with
 * {@link Permission#BATCHES_REGISTER} register and read their own plant's records; regulators'
 * users and keys with {@link Permission#BATCHES_SUPERVISE} read those of their jurisdiction.
 */
final class PlantAccess {
    /** A region in the caller's jurisdiction, binding :region. */
    static final String IN_JURISDICTION = "in (select code from region_subtree(:region))";

    private PlantAccess() {
    }

    /** The caller registers for its own plant. */
    static void requirePlant(Principal p) {
        if (p.organisationKind() != OrganisationKind.READY_MIX_PLANT) {
            throw ApiException.forbidden("Only a ready-mixed concrete plant registers materials, mix designs and batches");
        }
        p.require(Permission.BATCHES_REGISTER);
    }

    /** The caller may read ready-mix records: a plant's BATCHES_REGISTER or a regulator's BATCHES_SUPERVISE. */
    static void requireReader(Principal p) {
        if (p.isRegulator() ? !p.has(Permission.BATCHES_SUPERVISE) : !p.has(Permission.BATCHES_REGISTER)) {
            throw ApiException.forbidden(p.isRegulator() ? "This needs the BATCHES_SUPERVISE permission"
                    : "This needs the BATCHES_REGISTER permission");
        }
    }

    /** Binds :org, :regulator and :region for the visibility rules. */
    static <S extends SqlStatement<S>> S scoped(S statement, Principal p) {
        return statement.bind("org", p.organisationId()).bind("regulator", p.isRegulator())
                .bind("region", p.organisationRegionCode());
    }
}
