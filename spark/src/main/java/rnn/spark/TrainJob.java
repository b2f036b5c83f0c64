package rnn.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.apache.spark.api.java.JavaSparkContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import rnn.command.TrainOptions;
import rnn.task.Task;
import rnn.task.classify.ClassifyTask;
import rnn.task.lm.LanguageModelTask;
import rnn.task.tagger.TaggerTask;
import rnn.task.registry.Tasks;
import rnn.train.TrainRequest;
import rnn.train.TrainingSummary;
import rnn.util.ConsoleProgress;
import rnn.util.UserException;

/**
 * {@code rnn-spark train TASK}: {@code rnn train} with the epochs fitted data-parallel on Spark.
 * The same configs, options, training log, checkpoints, early stopping, {@code --resume} and
 * bundle; the driver holds the network between epochs, scores dev and writes the model folder.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on Spark and write its bundle to MODELS/NAME on the driver.",
            "Workers fit copies of the network and their parameters are averaged (DL4J's parameter averaging);"
                + " the config, log, checkpoints and bundle are rnn train's. Tasks: classify (imdb), tagger, lm.",
            "--config, --models and the files a config names beside its data (data.word_vectors, data.train_ids)"
                + " are on the driver; --data is any path Spark reads."})
final class TrainJob implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "What to train: classify (imdb), tagger or lm.")
    String task;

    @Mixin
    TrainOptions training;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Network copies fitted at once (default: Spark's default parallelism, one per core).")
    int workers;

    @Option(names = "--averaging", paramLabel = "N", defaultValue = "5",
            description = "Minibatches each worker fits between two averagings of the parameters (default: ${DEFAULT-VALUE}).")
    int averaging;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "10",
            description = "lm: truncated-BPTT segments in each chunk of the text that a minibatch row trains on; the"
                    + " hidden state starts from zero at each chunk (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = "--gradient-sharing",
            description = "Share gradients between workers as they train (DL4J's SharedTrainingMaster over Aeron UDP)"
                    + " instead of averaging parameters.")
    boolean gradientSharing;

    @Option(names = "--sharing-port", paramLabel = "PORT", defaultValue = "40123",
            description = "With --gradient-sharing: the UDP port of the driver's transport; executor N's uses PORT+1+N (default: ${DEFAULT-VALUE}).")
    int sharingPort;

    @Option(names = "--sharing-network", paramLabel = "MASK",
            description = "With --gradient-sharing: the network executors take their address from, e.g. 10.0.0.0/16"
                    + " (default: 127.0.0.1, a one-machine cluster).")
    String sharingNetwork;

    @Option(names = "--sharing-threshold", paramLabel = "T", defaultValue = "1e-3",
            description = "With --gradient-sharing: the starting threshold of the gradient values sent (default: ${DEFAULT-VALUE}).")
    double sharingThreshold;

    @Override
    public Integer call() throws IOException {
        if (workers < 0) {
            throw new UserException("--workers: 0 or more, not " + workers);
        }
        if (averaging < 1) {
            throw new UserException("--averaging: 1 or more, not " + averaging);
        }
        if (segments < 1) {
            throw new UserException("--segments: 1 or more, not " + segments);
        }
        Task t = Tasks.get(task);
        PrintWriter out = spec.commandLine().getOut();
        TrainRequest request = training.request(t, task, ConsoleProgress.forTerminal(spec.commandLine().getErr(), false),
                out);
        TrainingSummary summary;
        if (t instanceof ClassifyTask) {
            summary = ClassifyTask.train(request, onCluster(out, ClassifyOnSpark::read));
        } else if (t instanceof TaggerTask) {
            summary = TaggerTask.train(request, onCluster(out, TaggerOnSpark::read));
        } else if (t instanceof LanguageModelTask) {
            summary = LanguageModelTask.train(request, onCluster(out, (sc, config, spread) ->
                    LanguageModelOnSpark.read(sc, config, spread, segments, request.resume())));
        } else {
            throw new UserException("rnn-spark train: task '" + t.name() + "' is not trained on Spark yet; train it"
                    + " with rnn train");
        }
        out.println(summary.describe());
        return 0;
    }

    /** A task's reader of its training inputs on a cluster. */
    private interface ClusterReader<C, I> {
        I read(JavaSparkContext sc, C config, SparkFeed.Spread spread);
    }

    /**
     * {@code reader} on the Spark context, which is started once the config is read and checked;
     * how the work is spread is logged.
     */
    private <C, I> Function<C, I> onCluster(PrintWriter out, ClusterReader<C, I> reader) {
        return config -> {
            JavaSparkContext sc = cluster.context("train");
            int copies = workers > 0 ? workers : sc.defaultParallelism();
            GradientSharing sharing = !gradientSharing ? null : new GradientSharing(
                    sc.getConf().get("spark.driver.host", "127.0.0.1"), sharingPort, sharingNetwork, sharingThreshold);
            out.printf(Locale.ROOT, "spark: master %s, %d workers, %s%n", sc.master(), copies, sharing == null
                    ? "parameters averaged every " + averaging + " minibatches"
                    : String.format(Locale.ROOT, "gradients shared (threshold from %.0e, driver %s:%d)",
                            sharingThreshold, sharing.driverHost(), sharingPort));
            return reader.read(sc, config, new SparkFeed.Spread(cluster.partitions, copies, averaging, sharing));
        };
    }
}
