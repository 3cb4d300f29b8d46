package org.ngms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.FastClockProcessor;
import org.ngms.auction.smra.IncrementalSmraProcessor;
import org.ngms.auction.smra.SmraSetup;
import org.ngms.auction.smra.SmraStage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
                .because("domain packages hold the auction rules as plain Java (docs/architecture.md)");
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

    /**
     * The offline verifier is an independent check, not the same code twice (docs/audit.md, section 7): it recomputes
     * clock and SMRA rounds with the reference processors, so it must neither name the service's fast (incremental)
     * processors nor start or resume a stage with the default processor (which is the service's); and it recomputes
     * sealed stages from the domain alone, never the service's evaluation (auction/app).
     */
    @Test
    void theVerifierDoesNotRecomputeWithTheServicesOwnCode() {
        noClasses().that().resideInAPackage("org.ngms.verifier..")
                .should().dependOnClassesThat().haveFullyQualifiedName(FastClockProcessor.class.getName())
                .orShould().callMethod(ClockStage.class, "start", ClockSetup.class)
                .orShould().callMethod(ClockStage.class, "resume", ClockSetup.class, List.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(IncrementalSmraProcessor.class.getName())
                .orShould().callMethod(SmraStage.class, "start", SmraSetup.class)
                .orShould().callMethod(SmraStage.class, "resume", SmraSetup.class, List.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.ngms.auction.app..")
                .because("a bug in the service's processor or evaluation would be reproduced, not caught")
                .check(CLASSES);
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

    /** Web adapters call across capabilities (who is calling, problem responses); everything below them may not. */
    private static final DescribedPredicate<JavaClass> WEB = JavaClass.Predicates.resideInAnyPackage("..web..");

    @Test
    void capabilitiesDependOnEachOtherOneWayOnly() {
        slices().matching("org.ngms.(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency(WEB, DescribedPredicate.alwaysTrue())
                .ignoreDependency(DescribedPredicate.alwaysTrue(), WEB)
                .because("shared <- audit <- directive, identity <- auction <- verifier; adapters on top")
                .check(CLASSES);
    }

    @Test
    void theLowerLayersKnowNothingOfTheUpperOnes() {
        noClasses().that().resideInAPackage("org.ngms.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ngms.audit..", "org.ngms.directive..",
                        "org.ngms.identity..", "org.ngms.auction..", "org.ngms.optimiser..", "org.ngms.pricing..",
                        "org.ngms.verifier..", "org.ngms.web..", "org.ngms.config..", "org.ngms.cli..",
                        "org.ngms.replay..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("org.ngms.audit..", "org.ngms.directive..", "org.ngms.identity..")
                .and().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ngms.auction..", "org.ngms.verifier..",
                        "org.ngms.replay..", "org.ngms.cli..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("org.ngms.auction..", "org.ngms.optimiser..", "org.ngms.pricing..")
                .and().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ngms.verifier..", "org.ngms.replay..",
                        "org.ngms.cli..")
                .check(CLASSES);
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
