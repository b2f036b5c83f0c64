package rnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code rnn} in-process through {@link Rnn#commandLine}, capturing its output. */
final class CliTestSupport {
    /** The exit code and what the command printed. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private CliTestSupport() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Rnn.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Makes a finished run's model folder look like a run of {@code planned} epochs killed after
     * its {@code trained}th: no manifest, and the stored config asks for {@code planned}.
     */
    static void interrupt(Path bundle, int trained, int planned) throws IOException {
        Files.delete(bundle.resolve("manifest.json"));
        Path runConfig = bundle.resolve("run/config.yaml");
        String config = Files.readString(runConfig);
        String was = "  epochs: " + trained + "\n";
        if (!config.contains(was)) {
            throw new IllegalStateException(runConfig + " has no '" + was.strip() + "'");
        }
        Files.writeString(runConfig, config.replace(was, "  epochs: " + planned + "\n"));
    }
}
