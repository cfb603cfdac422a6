package cn.cqs.client.shell;

import cn.cqs.contract.orgs.Permission;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * One entry of the main window's navigation (功能模块): a capability's screen, shown only to users
 * holding every permission in {@code requiredPermissions}. Capabilities register their module in
 * the {@link ModuleRegistry}.
 *
 * @param id                  stable identifier, e.g. {@code home}, {@code reports}
 * @param titleKey            localisation key of the navigation entry's text
 * @param requiredPermissions permissions the user needs; empty means everyone logged in
 * @param screenFactory       creates the module's screen (called on the JavaFX thread, each time
 *                            the module is opened)
 * @param anyOfPermissions    when not empty, the user also needs at least one of these
 */
public record Module(String id, String titleKey, Set<Permission> requiredPermissions,
                     Function<ModuleContext, Node> screenFactory, Set<Permission> anyOfPermissions) {

    public Module {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleKey, "titleKey");
        requiredPermissions = Set.copyOf(requiredPermissions);
        Objects.requireNonNull(screenFactory, "screenFactory");
        anyOfPermissions = Set.copyOf(anyOfPermissions);
    }

    /** A module for users holding every permission in {@code requiredPermissions}. */
    public Module(String id, String titleKey, Set<Permission> requiredPermissions,
                  Function<ModuleContext, Node> screenFactory) {
        this(id, titleKey, requiredPermissions, screenFactory, Set.of());
    }

    /** Whether a user holding {@code held} may open this module. */
    public boolean allowedFor(Set<Permission> held) {
        return held.containsAll(requiredPermissions)
                && (anyOfPermissions.isEmpty() || anyOfPermissions.stream().anyMatch(held::contains));
    }
}
