package rnn.spark;

import java.nio.file.Path;

import org.apache.spark.api.java.JavaSparkContext;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import rnn.bundle.BundleReader;

/** What every inference job takes: the model and where models are, the cluster, whether to replace output. */
final class JobOptions {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A bundle folder on the driver, or a name under --models.")
    String model;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Folder that holds model bundles, on the driver (default: ${DEFAULT-VALUE}).")
    Path models;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--overwrite", description = "Replace OUTPUT if it exists.")
    boolean overwrite;

    /** The model's bundle folder on the driver. */
    Path modelDir() {
        return BundleReader.locate(model, models);
    }

    /** The running Spark context, or a new one for {@code job}. */
    JavaSparkContext context(String job) {
        return cluster.context(job);
    }

    /** Input partitions asked for (0: as Spark reads the input). */
    int partitions() {
        return cluster.partitions;
    }
}
