package rnn.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

import picocli.CommandLine.Option;

import rnn.util.UserException;

/** What every job takes about the cluster: the Spark master and how many partitions to spread the input over. */
final class ClusterOptions {
    /** The context a job of this JVM started, which {@link SparkMain#main} stops at the end. */
    private static volatile JavaSparkContext started;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not started by spark-submit, e.g. local[2] or spark://host:7077.")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spread the input over N partitions, keeping its order (default: as Spark reads it;"
                    + " a .gz file is one partition).")
    int partitions;

    /** The running Spark context, or a new one for {@code job} on {@code --master} (none: spark-submit's). */
    JavaSparkContext context(String job) {
        if (partitions < 0) {
            throw new UserException("--partitions: 0 or more, not " + partitions);
        }
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
