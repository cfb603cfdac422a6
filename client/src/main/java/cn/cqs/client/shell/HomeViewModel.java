package cn.cqs.client.shell;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.time.ChinaTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * The overview screen (概览): who is logged in, their organisation, role and permissions, the
 * server, the connection state and when the session ends — all from the live session.
 */
public final class HomeViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ModuleContext context;

    public HomeViewModel(ModuleContext context) {
        this.context = context;
    }

    private CurrentUser user() {
        return context.session().user();
    }

    public String greeting() {
        return Localization.get("home.greeting", user().displayName());
    }

    public String displayName() {
        return user().displayName();
    }

    public String username() {
        return user().username();
    }

    public String organisation() {
        return user().organisationName();
    }

    public String organisationKind() {
        return Localization.get("organisationKind." + user().organisationKind().name());
    }

    public String regionCode() {
        return user().organisationRegionCode() == null ? "" : user().organisationRegionCode();
    }

    public String role() {
        return Localization.get("role." + user().role().name());
    }

    /** The user's permissions by name, in the order of {@link Permission}, or "none". */
    public String permissions() {
        if (user().permissions().isEmpty()) {
            return Localization.get("home.permissions.none");
        }
        return user().permissions().stream().sorted(Comparator.naturalOrder())
                .map(p -> Localization.get("permission." + p.name()))
                .collect(Collectors.joining(Localization.get("list.separator")));
    }

    public String server() {
        return context.session().api().serverUrl().toString();
    }

    public String sessionEnds() {
        return context.session().expiresAt() == null ? ""
                : TIME.format(context.session().expiresAt().atZone(ChinaTime.ZONE));
    }

    public StringBinding connectionState() {
        return Bindings.createStringBinding(
                () -> Localization.get(context.connectionState().get().messageKey()), context.connectionState());
    }
}
