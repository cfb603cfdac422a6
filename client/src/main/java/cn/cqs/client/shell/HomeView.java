package cn.cqs.client.shell;

import cn.cqs.client.i18n.Localization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Controller of {@code HomeView.fxml}, the overview every logged-in user sees first. */
public final class HomeView {
    /** The overview module: no permission needed. */
    public static final Module MODULE = new Module("home", "nav.home", Set.of(), HomeView::create);

    private final HomeViewModel viewModel;

    @FXML private Label greetingLabel;
    @FXML private Label displayNameLabel;
    @FXML private Label usernameLabel;
    @FXML private Label organisationLabel;
    @FXML private Label organisationKindLabel;
    @FXML private Label regionLabel;
    @FXML private Label roleLabel;
    @FXML private Label permissionsLabel;
    @FXML private Label serverLabel;
    @FXML private Label connectionLabel;
    @FXML private Label sessionEndsLabel;

    public HomeView(HomeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Node create(ModuleContext context) {
        HomeViewModel vm = new HomeViewModel(context);
        FXMLLoader loader = new FXMLLoader(HomeView.class.getResource("HomeView.fxml"), Localization.bundle());
        loader.setControllerFactory(type -> new HomeView(vm));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load HomeView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        greetingLabel.setText(viewModel.greeting());
        displayNameLabel.setText(viewModel.displayName());
        usernameLabel.setText(viewModel.username());
        organisationLabel.setText(viewModel.organisation());
        organisationKindLabel.setText(viewModel.organisationKind());
        regionLabel.setText(viewModel.regionCode());
        roleLabel.setText(viewModel.role());
        permissionsLabel.setText(viewModel.permissions());
        serverLabel.setText(viewModel.server());
        connectionLabel.textProperty().bind(viewModel.connectionState());
        sessionEndsLabel.setText(viewModel.sessionEnds());
    }
}
