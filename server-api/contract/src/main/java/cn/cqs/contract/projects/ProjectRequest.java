package cn.cqs.contract.projects;

/**
 * Body of {@code POST /api/v1/projects} and {@code PUT /api/v1/projects/{id}}.
 * {@code name}, {@code regionCode} (a GB/T 2260 county, city or province code known to the
 * server) and {@code address} are required; the party names are optional.
 */
public record ProjectRequest(String name, String regionCode, String address, String ownerParty,
                             String contractorParty, String supervisorParty) {
    public static final int MAX_TEXT = 200;
}
