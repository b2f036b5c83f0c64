package rnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.report.BatchFile;
import rnn.report.BatchReport;
import rnn.util.ConsoleProgress;

/** {@code rnn report BATCH.yaml} (what {@code apps/evaluate} runs): a batch evaluation with a written report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Run a batch evaluation file: train the models it names that are missing (from their",
            "configs), score each model on its data files, and write REPORTS/NAME/summary.md, summary.json,",
            "PNG plots (learning curves, confusion matrices, reliability diagrams, F1 per entity type, one",
            "comparison per data file) and each pair's per-example output under predictions/.",
            "${VAR} and ${VAR:-default} in the file are read from the environment. See docs/evaluation.md.",
            "Exit status 2 if any pair failed (the report shows why)."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Parameters(index = "0", paramLabel = "BATCH", description = "The batch file (YAML).")
    Path batchFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BatchFile batch = BatchFile.read(batchFile, System::getenv);
        String home = System.getenv("RNN_HOME");
        BatchReport.Outcome outcome = BatchReport.run(batch, ConsoleProgress.forTerminal(err, runtime.quiet), err,
                Path.of(home != null ? home : "."));
        out.printf(Locale.ROOT, "report written to %s (%d pairs, %d plots, %.1f minutes)%n",
                outcome.folder().resolve("summary.md"), outcome.entries().size(), outcome.plots().size(),
                outcome.minutes());
        out.flush();
        return outcome.failed() ? Rnn.EXIT_USER_ERROR : 0;
    }
}
