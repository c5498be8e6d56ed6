package vn.ledger.projections;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The read side is a library: the application (ledger-api) uses it, never the reverse, and it runs without Spring
 * (tests and the benchmark make projections with {@code new}). How a document becomes BSON, and the MongoDB driver,
 * are the store package's business alone: the projections and queries see {@code Document}s through
 * {@code ReadStore}, so that a packed value (docs/design.md, "Stored forms and packed values") is written in one
 * place, by the
 * store's codec, and a projection can be tested on the in-memory store.
 */
@DisplayName("Architecture of ledger-projections")
class ArchitectureTest {

    private static JavaClasses projections;

    @BeforeAll
    static void importProjections() {
        projections = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ledger.projections");
    }

    @Test
    void the_read_side_does_not_depend_on_the_application() {
        noClasses().that().resideInAPackage("vn.ledger.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.ledger.api..")
                .check(projections);
    }

    @Test
    void the_read_side_does_not_depend_on_Spring() {
        noClasses().that().resideInAPackage("vn.ledger.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(projections);
    }

    @Test
    void only_the_store_encodes_BSON() {
        noClasses().that().resideInAPackage("vn.ledger.projections..")
                .and().resideOutsideOfPackage("vn.ledger.projections.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bson.codecs..", "org.bson.io..")
                .orShould().dependOnClassesThat().haveNameMatching("org\\.bson\\.Bson(Writer|Reader|Value)")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("RawBson")
                .check(projections);
    }

    @Test
    void only_the_store_talks_to_the_MongoDB_driver() {
        noClasses().that().resideInAPackage("vn.ledger.projections..")
                .and().resideOutsideOfPackage("vn.ledger.projections.store..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..")
                .check(projections);
    }

    @Test
    void the_store_depends_on_no_read_model() {
        noClasses().that().resideInAPackage("vn.ledger.projections.store..")
                .should().dependOnClassesThat(resideInAPackage("vn.ledger.projections..")
                        .and(not(resideInAPackage("vn.ledger.projections.store.."))))
                .check(projections);
    }
}
