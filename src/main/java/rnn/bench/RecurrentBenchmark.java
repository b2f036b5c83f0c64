package rnn.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.config.ConfigException;
import rnn.nn.memory.Backend;
import rnn.util.UserException;

/**
 * Times a training step and an inference pass of IMDB-shaped recurrent classifiers built by
 * {@link rnn.task.classify.ClassifierNetwork}, case by case, and prints tokens per second. Run by hand
 * ({@code apps/bench} runs it next to the PyTorch reference); it is not part of the test suite.
 *
 * <p>Thread counts come from {@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS}, which the
 * natives read once at start-up, so they are set by the caller, not here.
 */
@Command(name = "rnn-bench", sortOptions = false,
        description = {"Time a training step (forward, backward, Adam) and an inference pass of rnn's",
            "recurrent classifiers on one random batch; print tokens/s (median of the timed iterations)."},
        footer = {"", "Exit status: 0 success, 2 usage or config error, 1 anything unexpected."})
public final class RecurrentBenchmark implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cases", split = ",", paramLabel = "CASE",
            description = "Comma-separated cases: lstm, bilstm, gru, bigru (default: all four).")
    List<String> cases = new ArrayList<>();

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "256",
            description = "Time steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--embedding", paramLabel = "N", defaultValue = "128",
            description = "Embedding width (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "128",
            description = "Units per direction (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--vocab", paramLabel = "N", defaultValue = "10000",
            description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocab;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "Untimed iterations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "Timed iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--variable-lengths",
            description = "Lengths spread evenly from STEPS/2 to STEPS, so masking does real work.")
    boolean variableLengths;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Config override after the case's own, e.g. --set model.layers=2 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per case on stdout; the header goes to stderr.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RecurrentBenchmark());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parseResult) -> {
            if (e instanceof ConfigException || e instanceof UserException) {
                line.getErr().println("rnn-bench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        Backend.requireForTraining("rnn-bench");   // it trains, and its header loads OpenBLAS
        checkPositive();
        BenchShape shape = new BenchShape(batch, steps, embedding, hidden, vocab, variableLengths);
        CaseRunner runner = new CaseRunner(shape, overrides, warmup, iterations);
        List<BenchCase> selected = selectedCases();
        selected.forEach(runner::config);   // a bad --set or case fails here, before minutes of timing
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter headerTo = json ? spec.commandLine().getErr() : out;
        headerTo.println("rnn benchmark: " + shape.describe() + " | " + warmup + " warm-up + " + iterations
                + " timed iterations, median");
        BenchEnvironment.describe().forEach(headerTo::println);
        headerTo.flush();
        ResultPrinter printer = new ResultPrinter(out, json);
        printer.tableHeader();
        selected.forEach(c -> printer.print(runner.run(c)));
        return 0;
    }

    private List<BenchCase> selectedCases() {
        try {
            return cases.isEmpty() ? BenchCase.ALL : cases.stream().map(BenchCase::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cases: " + e.getMessage());
        }
    }

    private void checkPositive() {
        if (batch < 1 || steps < 1 || embedding < 1 || hidden < 1 || vocab < 3 || warmup < 0 || iterations < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch, --steps, --embedding, --hidden"
                    + " and --iterations must be at least 1, --vocab at least 3, --warmup at least 0");
        }
    }
}
