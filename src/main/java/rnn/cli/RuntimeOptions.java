package rnn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command takes: quiet output and stack traces on failure. */
public final class RuntimeOptions {
    @Option(names = {"-q", "--quiet"}, description = "Draw no progress bar.")
    boolean quiet;

    @Option(names = {"-x", "--stacktrace"}, description = "Print the stack trace of a failure.")
    boolean stackTrace;

    /** Whether {@code -x} was given anywhere on the command line. */
    static boolean stackTraceRequested(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("-x")) {
                return true;
            }
        }
        return false;
    }
}
