package cn.cqs.client.credentials;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiException;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.orgs.Organisation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The unified social credit code of the user's organisation, fetched once from
 * {@code GET /api/v1/organisations/{id}} and cached in the profile directory
 * ({@code organisation-<id>.uscc}), so a credential can be checked offline after the first
 * login. No JavaFX; call off the JavaFX thread.
 */
public final class OrganisationUsccCache implements SigningCredentials.UsccSource {
    private final ApiClient api;
    private final Path directory;

    public OrganisationUsccCache(ApiClient api, Path directory) {
        this.api = Objects.requireNonNull(api, "api");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The USCC of organisation {@code id}: from the server when it answers (refreshing the cache),
     * else the cached one.
     *
     * @throws CredentialException when the server cannot be asked and nothing is cached, or the
     *                             organisation has no USCC (a regulator)
     */
    @Override
    public String uscc(UUID id) throws CredentialException {
        Path cache = directory.resolve("organisation-" + id + ".uscc");
        Organisation organisation;
        try {
            organisation = api.get(ApiVersion.BASE_PATH + "/organisations/" + id, Organisation.class, Map.of());
        } catch (ApiException e) {
            try {
                if (Files.isRegularFile(cache)) {
                    return Files.readString(cache, StandardCharsets.UTF_8).strip();
                }
            } catch (IOException readFailure) {
                e.addSuppressed(readFailure);
            }
            throw new CredentialException("credentials.error.organisationUnknown", "Cannot fetch organisation "
                    + id + " and nothing is cached: " + e.getMessage(), e, e.getMessage());
        }
        if (organisation == null || organisation.uscc() == null || organisation.uscc().isBlank()) {
            throw new CredentialException("credentials.error.noOrganisationUscc",
                    "Organisation " + id + " has no unified social credit code", null);
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(cache, organisation.uscc(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CredentialException("credentials.error.cannotStore", "Cannot cache the organisation's code in "
                    + cache + ": " + e.getMessage(), e, cache.toString(), String.valueOf(e.getMessage()));
        }
        return organisation.uscc();
    }
}
