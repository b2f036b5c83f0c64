package rnn.spark;

import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import rnn.bundle.BundleReader;
import rnn.util.UserException;

/** What every job takes: the model and where models are, the Spark master, partitions, whether to replace output. */
final class JobOptions {
    /** The context a job of this JVM started, which {@link SparkMain#main} stops at the end. */
    private static volatile JavaSparkContext started;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A bundle folder on the driver, or a name under --models.")
    String model;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Folder that holds model bundles, on the driver (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not started by spark-submit, e.g. local[2] or spark://host:7077.")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spread the input over N partitions, keeping its order (default: as Spark reads it;"
                    + " a .gz file is one partition).")
    int partitions;

    @Option(names = "--overwrite", description = "Replace OUTPUT if it exists.")
    boolean overwrite;

    /** The model's bundle folder on the driver. */
    Path modelDir() {
        return BundleReader.locate(model, models);
    }

    /** The running Spark context, or a new one for {@code job}, which needs a master. */
    JavaSparkContext context(String job) {
        return context(master, job);
    }

    /** The running Spark context, or a new one for {@code job} on {@code master} (null: spark-submit's). */
    static JavaSparkContext context(String master, String job) {
        SparkConf conf = new SparkConf().setAppName("rnn-spark " + job);
        if (master != null) {
            conf.setMaster(master);
        }
        SparkContext context;
        try {
            context = SparkContext.getOrCreate(conf);
        } catch (Exception e) {
            if (e instanceof SparkException && !conf.contains("spark.master")) {
                throw new UserException("no Spark master: submit the job with spark-submit, or give --master"
                        + " (local[2] runs it on this machine)");
            }
            throw e;
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(context);
        started = sc;
        return sc;
    }

    /** Stops the context a job started, if any. */
    static void stopStarted() {
        JavaSparkContext sc = started;
        if (sc != null) {
            sc.stop();
            started = null;
        }
    }
}
