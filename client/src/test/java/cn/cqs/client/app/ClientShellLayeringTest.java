package cn.cqs.client.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MVVM layering of the client shell (architecture.md): services know nothing of JavaFX, view
 * models never touch controls, controllers never call services, and the client never depends on
 * the server module.
 */
class ClientShellLayeringTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.cqs.client");
    }

    @Test
    void servicesKnowNothingOfJavaFx() {
        noClasses().that().resideInAnyPackage("cn.cqs.client.api..", "cn.cqs.client.i18n..")
                .or().haveFullyQualifiedName("cn.cqs.client.settings.SettingsStore")
                .or().haveFullyQualifiedName("cn.cqs.client.settings.ConnectionSettingsValidator")
                .or().haveFullyQualifiedName("cn.cqs.client.settings.ClientSettings")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..",
                        "javafx.stage..", "javafx.fxml..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void controllersNeverCallServices() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveNameMatching(
                        "cn\\.cqs\\.client\\.(api\\.ApiClient(Factory)?|settings\\.(SettingsStore|ConnectionSettingsValidator))")
                .check(classes);
    }

    @Test
    void clientNeverDependsOnTheServer() {
        noClasses().that().resideInAPackage("cn.cqs.client..")
                .should().dependOnClassesThat().resideInAPackage("cn.cqs.server..")
                .check(classes);
    }
}
