package rnn.spark;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import rnn.util.UserException;

/**
 * {@code rnn-spark}: rnn's jobs for a Spark cluster, in the job jar {@code target/rnn-spark.jar}
 * that spark-submit runs. Exit codes as rnn's: 0 success, 2 a user's mistake (one line), 1 a failure.
 */
@Command(name = "rnn-spark", mixinStandardHelpOptions = true,
        description = "rnn's jobs on Apache Spark: the same bundles as the rnn command line.",
        subcommands = {TrainJob.class, PredictJob.class, TagJob.class, EvalJob.class})
public final class SparkMain implements Runnable {
    static final int EXIT_USER_ERROR = 2;
    static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = commandLine(out, err).execute(args);
        } finally {
            ClusterOptions.stopStarted();
        }
        System.exit(code);
    }

    /** The configured command line, printing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parseResult) -> {
            PrintWriter w = line.getErr();
            if (e instanceof UserException) {
                w.println("rnn-spark: " + e.getMessage());
                return EXIT_USER_ERROR;
            }
            w.println("rnn-spark: unexpected failure: " + e);
            e.printStackTrace(w);
            return EXIT_FAILURE;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
