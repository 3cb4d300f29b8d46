package org.ngms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain (everything outside web, persistence, app and config adapters) is plain Java: the rules of an auction
 * can be read, tested and replayed without Spring, a database or a reactive runtime.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ngms");

    /** Adapters: web, persistence, application services, wiring, and the driving adapters cli and replay. */
    private static final String[] ADAPTERS = {"org.ngms..web..", "org.ngms..persistence..", "org.ngms..app..",
            "org.ngms.config..", "org.ngms.cli..", "org.ngms.replay..", "org.ngms"};

    @Test
    void domainCodeDependsOnNeitherSpringNorR2dbcNorReactor() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "io.r2dbc..", "reactor..", "org.reactivestreams..",
                        "io.swagger..", "org.springdoc..")
                .because("domain packages hold the auction rules as plain Java (STYLE.md)");
        rule.check(CLASSES);
    }

    @Test
    void domainCodeDoesNotReachIntoAdapters() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.ngms..web..", "org.ngms..persistence..",
                        "org.ngms..app..", "org.ngms.config..", "org.ngms.cli..", "org.ngms.replay..")
                .because("adapters depend on the domain, never the reverse");
        rule.check(CLASSES);
    }

    @Test
    void applicationServicesKnowNothingOfHttp() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("org.ngms..app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ngms..web..", "org.ngms.web..",
                        "org.springframework.http..", "org.springframework.web..")
                .because("services refuse with reason codes; the web adapter alone chooses HTTP statuses");
        rule.check(CLASSES);
    }

    @Test
    void persistenceDoesNotCallApplicationServices() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("org.ngms..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ngms..app..", "org.ngms..web..")
                .because("stores are called by services, never the reverse");
        rule.check(CLASSES);
    }

    @Test
    void theDomainIsActuallyCheckedBecauseItHasClasses() {
        // guards the two rules above against passing vacuously after a package rename
        noClasses().that().resideInAnyPackage("org.ngms.directive", "org.ngms.auction", "org.ngms.shared")
                .should().haveSimpleName("NoSuchClassAnywhere")
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
