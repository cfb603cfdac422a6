package cn.cqs.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server depends on the contract, never on the client or on UI toolkits. */
@AnalyzeClasses(packages = "cn.cqs", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule serverDoesNotDependOnClient = noClasses()
            .that().resideInAPackage("cn.cqs.server..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.cqs.client..", "javafx..", "javax.swing..")
            .because("dependencies point one way: client -> contract <- server");
}
