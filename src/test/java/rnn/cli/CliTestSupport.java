package rnn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

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
}
