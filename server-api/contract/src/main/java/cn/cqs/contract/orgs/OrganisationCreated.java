package cn.cqs.contract.orgs;

import java.util.List;

/**
 * The answer to creating an organisation. {@code warnings} is non-empty when the organisation was
 * accepted with a caveat, e.g. a unified social credit code whose check digit does not match (the
 * early Fujian pilot codes).
 */
public record OrganisationCreated(Organisation organisation, List<Warning> warnings) {
    public OrganisationCreated {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
