package rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;

/**
 * The packages are the architecture, and they depend only downward: each layer below may be
 * used by the layers above it and never uses them. A new package must be placed in
 * {@link #LAYERS} (docs/architecture.md has the same table), or its classes break the rules.
 */
class ArchitectureTest {
    /** Top to bottom; each entry is a layer name and the packages it is made of. */
    private static final String[][] LAYERS = {
        {"cli", "rnn.cli"},
        {"command options", "rnn.command"},
        {"batch report", "rnn.report"},
        {"batch evaluation", "rnn.batch"},
        {"bench", "rnn.bench"},
        {"task registry", "rnn.task.registry"},
        {"tasks", "rnn.task.classify", "rnn.task.lm", "rnn.task.tagger"},
        {"task contract", "rnn.task"},
        {"train", "rnn.train"},
        {"predict", "rnn.predict"},
        {"eval", "rnn.eval"},
        {"network assembly", "rnn.nn"},
        {"crf", "rnn.nn.crf"},
        {"layers", "rnn.nn.layer"},
        {"recurrent kernels", "rnn.nn.recurrent"},
        {"memory", "rnn.nn.memory"},
        {"downloads", "rnn.data.download"},
        {"data", "rnn.data"},
        {"bundle", "rnn.bundle"},
        {"config", "rnn.config"},
        {"text", "rnn.text"},
        {"util", "rnn.util"},
    };

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("rnn");

    @Test
    void layersDependOnlyDownward() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            layers = layers.layer(layer[0]).definedBy(List.of(layer).subList(1, layer.length).toArray(String[]::new));
        }
        List<String> above = new ArrayList<>();
        for (String[] layer : LAYERS) {
            layers = above.isEmpty() ? layers.whereLayer(layer[0]).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(layer[0]).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            above.add(layer[0]);
        }
        layers.check(MAIN);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        List<String> placed = new ArrayList<>();
        for (String[] layer : LAYERS) {
            placed.addAll(List.of(layer).subList(1, layer.length));
        }
        List<String> unplaced = MAIN.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> !placed.contains(p)).sorted().toList();
        assertEquals(List.of(), unplaced, "packages missing from LAYERS");
    }

    /** The package table of docs/architecture.md names the same packages, top to bottom, as {@link #LAYERS}. */
    @Test
    void theArchitecturePageListsTheLayersInOrder() throws IOException {
        List<String> layered = new ArrayList<>();
        for (String[] layer : LAYERS) {
            layered.addAll(List.of(layer).subList(1, layer.length));
        }
        String page = Files.readString(Path.of("docs/architecture.md"));
        String table = page.substring(page.indexOf("| package |"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(rnn[a-z.]*)` \\|").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(layered, documented, "docs/architecture.md's package table against LAYERS");
    }

    /** Each task stands alone; only the registry knows them all. */
    @Test
    void tasksDoNotUseEachOther() {
        slices().matching("rnn.task.(*)..").should().notDependOnEachOther()
                .check(MAIN.that(JavaClass.Predicates.resideOutsideOfPackage("rnn.task.registry")));
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("rnn.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
