package cn.cqs.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The client's layering (architecture.md): client -> contract, never the server; screens follow
 * model-view-viewmodel: a view model never touches a control, a view (controller) never calls a
 * service, and services (API client, sync) know nothing of JavaFX.
 */
@AnalyzeClasses(packages = "cn.cqs", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {

    @ArchTest
    static final ArchRule clientNeverDependsOnServer = noClasses()
            .that().resideInAPackage("cn.cqs.client..")
            .should().dependOnClassesThat().resideInAPackage("cn.cqs.server..")
            .because("the client talks to the server only over HTTP, through the contract");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx.scene.control..", "javafx.scene.layout..", "javafx.stage..", "javafx.fxml..",
                    "org.controlsfx..")
            .because("a view model holds state as properties; only the view binds controls to it");

    @ArchTest
    static final ArchRule viewsDoNotCallServices = noClasses()
            .that().haveSimpleNameEndingWith("View").and().resideInAPackage("cn.cqs.client..")
            .should().dependOnClassesThat().haveNameMatching(
                    "cn\\.cqs\\.client\\.(api\\.ApiClient(Factory)?"
                            + "|settings\\.(SettingsStore|ConnectionSettingsValidator)"
                            + "|sync\\.(LocalStore|Outbox|OutboxDrainer|SyncService|Replica))")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.hc..", "java.sql..")
            .because("a view only binds controls to its view model and forwards events");

    @ArchTest
    static final ArchRule servicesKnowNothingOfJavaFx = noClasses()
            .that().resideInAnyPackage("cn.cqs.client.api..", "cn.cqs.client.i18n..")
            .or().resideInAPackage("cn.cqs.client.sync..").and().resideOutsideOfPackage("cn.cqs.client.sync.fx..")
            .or().haveFullyQualifiedName("cn.cqs.client.settings.SettingsStore")
            .or().haveFullyQualifiedName("cn.cqs.client.settings.ConnectionSettingsValidator")
            .or().haveFullyQualifiedName("cn.cqs.client.settings.ClientSettings")
            .or().resideInAPackage("cn.cqs.client.camera")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("services run off the FX thread and are tested without a stage");

    @ArchTest
    static final ArchRule sessionCredentialAndReportServicesKnowNothingOfJavaFx = noClasses()
            .that().resideInAPackage("cn.cqs.client.credentials..")
            .or().resideInAPackage("cn.cqs.client.session").and().resideOutsideOfPackage("cn.cqs.client.session.fx..")
            .or().haveFullyQualifiedName("cn.cqs.client.reports.LocalReports")
            .or().haveFullyQualifiedName("cn.cqs.client.reports.ReportIssuer")
            .or().haveFullyQualifiedName("cn.cqs.client.reports.CubeReportPrints")
            .or().resideInAPackage("cn.cqs.client.print..")
            .or().haveFullyQualifiedName("cn.cqs.client.viewer.ReportDocuments")
            .or().haveFullyQualifiedName("cn.cqs.client.viewer.ApiReportDocuments")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the workspace, the credential store and issuing run off the FX thread and are tested without a stage");
}
