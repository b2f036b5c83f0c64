package rnn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import rnn.task.registry.Tasks;

/** Every config the repository ships loads, and its resolved form reads back the same. */
class ShippedConfigsTest {
    @Test
    void everyShippedConfigLoadsAndRoundTrips() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.list(Path.of("configs"))) {
            configs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(configs.isEmpty());
        for (Path file : configs) {
            RunConfig config = ConfigLoader.load(file, List.of(), Tasks.schemas());
            Tasks.checkConfig(config, file.toString());
            assertEquals(config, Tasks.parseConfig(ConfigLoader.toYaml(config), file.toString(), List.of()),
                    file.toString());
        }
    }
}
