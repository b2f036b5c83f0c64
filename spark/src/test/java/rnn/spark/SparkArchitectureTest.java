package rnn.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The jobs sit beside the command line, not on it: they call the tasks' predictors, as it does. */
class SparkArchitectureTest {
    @Test
    void jobsDoNotUseTheCommandLine() {
        JavaClasses jobs = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("rnn.spark");
        noClasses().that().resideInAPackage("rnn.spark..").should().dependOnClassesThat()
                .resideInAPackage("rnn.cli..").check(jobs);
    }
}
