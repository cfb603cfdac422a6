package cn.cqs.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every route the server registers is in the OpenAPI document, and every documented route exists. */
class OpenApiParityTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void registeredRoutesAndDocumentMatchBothWays() {
        CqsServer server = TestServers.shared();
        Http.Response doc = new Http(server).get("/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.contentType()).startsWith("application/json");
        Set<String> documented = documentedRoutes(doc.json());
        Set<String> registered = new TreeSet<>();
        for (String route : server.registeredRoutes()) {
            String[] parts = route.split(" ", 2);
            if (METHODS.contains(parts[0].toLowerCase())) {
                registered.add(parts[0].toUpperCase() + " " + normalise(parts[1]));
            }
        }
        assertThat(registered).as("registered routes missing from openapi.json")
                .isSubsetOf(documented);
        assertThat(documented).as("documented routes the server does not register")
                .isSubsetOf(registered);
        assertThat(registered).hasSizeGreaterThan(15);
    }

    @Test
    void documentDeclaresBothSecuritySchemesAndTheProblemSchema() {
        JsonNode doc = new Http(TestServers.shared()).get("/openapi.json", null).json();
        assertThat(doc.path("openapi").asText()).startsWith("3.0");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(doc.at("/components/schemas/Problem/properties/errors").isMissingNode()).isFalse();
        // every $ref resolves
        doc.findValues("$ref").forEach(ref -> assertThat(doc.at(ref.asText().substring(1)).isMissingNode())
                .as("unresolved %s", ref.asText()).isFalse());
    }

    @Test
    void thePublicVerificationRoutesDocumentTheirRateLimit() {
        JsonNode doc = new Http(TestServers.shared()).get("/openapi.json", null).json();
        for (String path : new String[] {"/api/v1/verify/{token}", "/api/v1/verify/{token}/pdf"}) {
            JsonNode tooMany = doc.path("paths").path(path).path("get").path("responses").path("429");
            assertThat(tooMany.at("/content/application~1problem+json/schema/$ref").asText())
                    .as(path).isEqualTo("#/components/schemas/Problem");
            assertThat(tooMany.at("/headers/Retry-After/$ref").asText()).as(path).isEqualTo("#/components/headers/RetryAfter");
        }
        for (String path : new String[] {"/v/{token}", "/v/{token}/pdf"}) {
            JsonNode tooMany = doc.path("paths").path(path).path("get").path("responses").path("429");
            assertThat(tooMany.at("/content/text~1html").isMissingNode()).as(path).isFalse();
            assertThat(tooMany.at("/headers/Retry-After/$ref").asText()).as(path).isEqualTo("#/components/headers/RetryAfter");
        }
    }

    static Set<String> documentedRoutes(JsonNode doc) {
        Set<String> routes = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                routes.add(m.toUpperCase() + " " + normalise(path.getKey()));
            }
        }));
        return routes;
    }

    /** {id}, {projectId}, <id> all become {}. */
    static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("<[^>]+>", "{}");
    }
}
