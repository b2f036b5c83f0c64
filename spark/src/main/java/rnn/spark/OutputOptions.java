package rnn.spark;

import java.util.Locale;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import picocli.CommandLine.Option;

import rnn.util.UserException;

/**
 * How a job that writes one JSON object per record writes them under OUTPUT: as JSON Lines part
 * files, or as Parquet with the same fields (its schema inferred from the records, so nested
 * fields such as a classifier's {@code probabilities} become columns of a struct).
 */
final class OutputOptions {
    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (JSON Lines part files) or parquet, the same fields (default: ${DEFAULT-VALUE}).")
    String format;

    /** The format asked for, checked before any work starts. */
    String checked() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("parquet")) {
            throw new UserException("--output-format must be json or parquet, got '" + format + "'");
        }
        return f;
    }

    /**
     * Writes {@code records} (JSON objects, one a record, in order) under {@code output}. Parquet
     * reads them twice, once to infer the schema: they are kept (memory, then disk) so the work
     * that made them runs once.
     */
    void write(JavaRDD<String> records, String output) {
        if (checked().equals("json")) {
            records.saveAsTextFile(output);
            return;
        }
        JavaRDD<String> kept = records.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SparkSession spark = SparkSession.builder().sparkContext(kept.context()).getOrCreate();
            spark.read().json(spark.createDataset(kept.rdd(), Encoders.STRING())).write().parquet(output);
        } finally {
            kept.unpersist(false);
        }
    }
}
