package rnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.cli.Rnn;
import rnn.config.ConfigException;
import rnn.task.lm.LanguageModelConfig;
import rnn.task.lm.LanguageModelNetwork;
import rnn.task.registry.Tasks;

class NetworkSizeTest {
    @TempDir
    Path dir;

    @Test
    void countsTheParametersWithoutAllocatingThem() {
        LanguageModelConfig config = (LanguageModelConfig) Tasks.parseConfig("task: lm\nmodel: {hidden: 12}\n", "test",
                List.of());
        ComputationGraph network = LanguageModelNetwork.build(config, 30);
        NetworkSize.Count count = NetworkSize.count(network.getConfiguration());
        assertEquals(network.numParams(), count.total());
        ConfigException e = assertThrows(ConfigException.class,
                () -> NetworkSize.check(network.getConfiguration(), count.total() * 4));
        assertTrue(e.getMessage().startsWith("model.hidden: the network would have " + String.format("%,d",
                count.total()) + " parameters"), e.getMessage());
    }

    @Test
    void aNetworkThatCannotFitIsRefusedWithTheKeyAndNothingIsWritten() throws Exception {
        Path data = Files.writeString(dir.resolve("text.txt"), "hello world\n".repeat(50));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Rnn.commandLine(new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(err, true)).execute("train", "lm", "--config",
                "src/test/resources/configs/tiny-lm.yaml", "--data", data.toString(), "--set", "data.dev=" + data,
                "--set", "model.hidden=100000", "--models", dir.resolve("models").toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().startsWith("rnn: model.hidden: the network would have "), err.toString());
        assertTrue(err.toString().contains("more than this process may use"), err.toString());
        assertFalse(Files.exists(dir.resolve("models/lm/run")), "nothing trained");
    }
}
