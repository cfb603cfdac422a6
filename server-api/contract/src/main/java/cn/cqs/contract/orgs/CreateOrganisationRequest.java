package cn.cqs.contract.orgs;

/**
 * {@code POST /api/v1/organisations}: a regulator administrator registers an organisation in its
 * jurisdiction (a regulator below it, or an enterprise).
 *
 * @param uscc required for enterprises, optional for regulators
 */
public record CreateOrganisationRequest(String name, OrganisationKind kind, String uscc, String regionCode) {
}
