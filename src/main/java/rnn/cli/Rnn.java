package rnn.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import rnn.util.UserException;
import rnn.util.Warnings;

/**
 * The {@code rnn} command. {@link #commandLine} is the one place that installs the error handler
 * and exit codes: 0 success, 2 usage, config and bad-input errors (one line, no stack trace
 * unless {@code -x}), 1 anything unexpected.
 */
@Command(name = "rnn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train and run recurrent neural networks (LSTM, GRU, stacked, bidirectional).",
            "Tasks: text classification (classify, alias imdb), language models (lm), sequence tagging (tagger)."},
        subcommands = {TrainCommand.class, PredictCommand.class, GenerateCommand.class, TagCommand.class,
                EvalCommand.class, ReportCommand.class, VectorsCommand.class,
                DataCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success, 1 unexpected failure, 2 usage, config or input error."})
public final class Rnn implements Runnable {
    public static final int EXIT_USER_ERROR = 2;
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }

    /** The configured command line, printing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Rnn());
        cl.setOut(out);
        cl.setErr(err);
        Warnings.to(err);
        cl.setExecutionExceptionHandler((e, line, parseResult) -> {
            boolean trace = RuntimeOptions.stackTraceRequested(parseResult);
            PrintWriter w = line.getErr();
            if (e instanceof UserException) {
                w.println("rnn: " + e.getMessage());
                if (trace) {
                    e.printStackTrace(w);
                }
                return EXIT_USER_ERROR;
            }
            w.println("rnn: unexpected failure: " + e);
            if (trace) {
                e.printStackTrace(w);
            } else {
                w.println("rnn: run again with -x to see the stack trace");
            }
            return EXIT_FAILURE;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
