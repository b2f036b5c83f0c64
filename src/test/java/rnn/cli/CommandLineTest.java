package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void versionNamesRnnAndDl4j() {
        CliTestSupport.Result r = CliTestSupport.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("rnn ") && r.out().contains("DeepLearning4J 1.0.0-M2.1"), r.out());
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {"train", "predict", "eval", "data", "completion"}) {
            CliTestSupport.Result r = CliTestSupport.run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().startsWith("Usage: rnn " + command), r.out());
        }
    }

    @Test
    void completionScriptCoversSubcommands() {
        CliTestSupport.Result r = CliTestSupport.run("completion");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("complete -F"), "a bash completion script");
        assertTrue(r.out().contains("train") && r.out().contains("predict") && r.out().contains("download"));
    }

    @Test
    void dataListNamesImdbWithItsChecksum() {
        CliTestSupport.Result r = CliTestSupport.run("data", "list");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("imdb") && r.out().contains("7c2ac02c03563afcf9b574c7e56c153a"), r.out());
    }

    @Test
    void unknownDatasetIsAUserError() {
        CliTestSupport.Result r = CliTestSupport.run("data", "download", "mnist");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown dataset 'mnist'"), r.err());
    }
}
