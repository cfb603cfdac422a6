package cn.cqs.client.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.orgs.Permission;
import java.util.Set;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

class ModuleRegistryTest {
    static Module module(String id, Permission... required) {
        return new Module(id, "nav.home", Set.of(required), ctx -> new Pane());
    }

    @Test
    void onlyModulesWhosePermissionsTheUserHoldsAreAvailable() {
        ModuleRegistry registry = ModuleRegistry.standard()
                .register(module("reports", Permission.REPORTS_AUTHOR))
                .register(module("approve", Permission.REPORTS_AUTHOR, Permission.REPORTS_APPROVE))
                .register(module("users", Permission.USERS_ADMIN));

        assertThat(registry.availableFor(Set.of(Permission.REPORTS_AUTHOR))).extracting(Module::id)
                .containsExactly("home", "reports");
        assertThat(registry.availableFor(Set.of())).extracting(Module::id).containsExactly("home");
        assertThat(registry.availableFor(Set.of(Permission.values()))).extracting(Module::id)
                .containsExactly("home", "reports", "approve", "users");
    }

    @Test
    void theStandardBuildHasOnlyTheOverview() {
        assertThat(ModuleRegistry.standard().availableFor(Set.of(Permission.values())))
                .extracting(Module::id).containsExactly("home");
    }

    @Test
    void idsAreUnique() {
        assertThatThrownBy(() -> ModuleRegistry.standard().register(module("home")))
                .hasMessageContaining("home");
    }
}
