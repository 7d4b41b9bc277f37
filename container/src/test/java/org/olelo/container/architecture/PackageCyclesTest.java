package org.olelo.container.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the container and of the core depend one way: no package reaches, directly or
 * through others, a package that reaches it. In the container that is
 * {@code address ← message ← session ← runtime ← {ua, proxy} ← compose ← internal}, with the other
 * packages (deploy, router, security, log, trace, relay, timer, factory, invoke, db, cdi, context,
 * pojo, boot) beside them; where a lower package needs a service of a higher one it defines a small
 * interface that the higher one implements. Every package is its own slice, so a cycle through
 * any two of them fails the build, with the classes that make it; and the layers of the session
 * machinery are checked to point downward, since a cycle test alone would accept a layer turned
 * upside down.
 */
class PackageCyclesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(PackageCyclesTest::production)
                .importPackages("org.olelo.container", "org.olelo.core");
    }

    /** Main classes only: not this module's tests, nor the core's test kit (its test jar). */
    private static boolean production(Location location) {
        return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar");
    }

    @Test
    void importsBothModules() {
        assertTrue(classes.containPackage("org.olelo.container.internal.message"), "container classes imported");
        assertTrue(classes.containPackage("org.olelo.core.transaction"), "core classes imported");
    }

    @Test
    void containerPackagesFormNoCycle() {
        slices().matching("org.olelo.container.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageOfTheContainerOrTheCoreInACycle() {
        // "org.olelo.(**)" also makes the core's root package (SipCore) a slice of its own
        slices().matching("org.olelo.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSessionLayersDependDownwardOnly() {
        String root = "org.olelo.container.internal";
        String message = root + ".message";
        String session = root + ".session";
        String runtime = root + ".runtime";
        String ua = root + ".ua";
        String proxy = root + ".proxy";
        String compose = root + ".compose";
        below(message, session, runtime, ua, proxy, compose, root);
        below(session, runtime, ua, proxy, compose, root);
        below(runtime, ua, proxy, compose, root);
        below(ua, proxy, compose, root);
        below(proxy, ua, compose, root);
        below(compose, root);
    }

    /** No class of {@code lower} uses a class of the {@code higher} packages. */
    private static void below(String lower, String... higher) {
        noClasses().that().resideInAPackage(lower).should().dependOnClassesThat().resideInAnyPackage(higher)
                .check(classes);
    }
}
