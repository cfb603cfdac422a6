package cn.cqs.client.shell;

import cn.cqs.contract.orgs.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The modules this build of the client contains, in navigation order (模块注册表). A capability
 * adds its module with {@link #register}; the main window shows those the user's permissions allow.
 */
public final class ModuleRegistry {
    private final List<Module> modules = new ArrayList<>();

    /** A registry with the modules every build has: the overview (概览). */
    public static ModuleRegistry standard() {
        ModuleRegistry registry = new ModuleRegistry();
        registry.register(HomeView.MODULE);
        return registry;
    }

    /**
     * Adds a module at the end of the navigation.
     *
     * @throws IllegalArgumentException if a module with the same id is registered already
     */
    public synchronized ModuleRegistry register(Module module) {
        if (modules.stream().anyMatch(m -> m.id().equals(module.id()))) {
            throw new IllegalArgumentException("module id '" + module.id() + "' is registered already");
        }
        modules.add(module);
        return this;
    }

    public synchronized List<Module> all() {
        return List.copyOf(modules);
    }

    /** The modules a user holding {@code permissions} may open, in navigation order. */
    public synchronized List<Module> availableFor(Set<Permission> permissions) {
        return modules.stream().filter(m -> m.allowedFor(permissions)).toList();
    }
}
