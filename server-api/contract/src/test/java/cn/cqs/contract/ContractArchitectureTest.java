package cn.cqs.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The contract is what client and server agree on: plain Java and Jackson. It must never pull in
 * HTTP, SQL, JavaFX or either side of the wire (architecture.md, "Layout").
 */
@AnalyzeClasses(packages = "cn.cqs.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    @ArchTest
    static final ArchRule contractDependsOnNeitherSide = noClasses()
            .that().resideInAPackage("cn.cqs.contract..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.cqs.server..", "cn.cqs.client..")
            .because("dependencies point one way: client -> contract <- server");

    @ArchTest
    static final ArchRule contractHasNoHttpSqlOrUi = noClasses()
            .that().resideInAPackage("cn.cqs.contract..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.awt..", "javax.swing..", "java.sql..", "javax.sql..",
                    "java.net.http..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
                    "org.apache.hc..", "org.jdbi..", "org.flywaydb..", "org.postgresql..")
            .because("the contract is plain Java + Jackson: no HTTP, no SQL, no JavaFX");
}
