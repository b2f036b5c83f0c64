package rnn.spark;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

import rnn.util.UserException;

/** The jobs' input and output on any file system Hadoop reads (local, HDFS, S3). */
final class JobFiles {
    private JobFiles() {
    }

    /**
     * The lines of {@code input} (a file, folder or glob) in order. With {@code partitions > 0}
     * they are spread over that many partitions, still in order: a gzipped file reads as one
     * partition, which would leave all but one executor idle.
     */
    static JavaRDD<String> lines(JavaSparkContext sc, String input, int partitions) {
        requireInput(sc, input);
        return ordered(sc.textFile(input), partitions);
    }

    /**
     * The blocks of {@code input} that blank lines separate (CoNLL sentences), each with its
     * lines joined by line breaks, in order. A file with Windows line ends reads as one block:
     * still correct (blocks are split again into sentences), but not spread over executors.
     */
    static JavaRDD<String> blocks(JavaSparkContext sc, String input, int partitions) {
        requireInput(sc, input);
        Configuration conf = new Configuration(sc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n\n");
        // Hadoop reuses its Text objects: each becomes a String at once.
        JavaRDD<String> blocks = sc.newAPIHadoopFile(input, TextInputFormat.class, LongWritable.class, Text.class, conf)
                .map(record -> record._2().toString().replace("\r", ""));
        return ordered(blocks, partitions);
    }

    /** The lines of {@code input} with their index from 0 (a single file's line number less one), in order. */
    static JavaPairRDD<String, Long> numberedLines(JavaSparkContext sc, String input, int partitions) {
        requireInput(sc, input);
        return numbered(sc.textFile(input), partitions);
    }

    /** The blocks of {@code input}, as {@link #blocks}, with their index from 0, in order. */
    static JavaPairRDD<String, Long> numberedBlocks(JavaSparkContext sc, String input, int partitions) {
        return numbered(blocks(sc, input, 0), partitions);
    }

    private static JavaPairRDD<String, Long> numbered(JavaRDD<String> records, int partitions) {
        JavaPairRDD<String, Long> numbered = records.zipWithIndex();
        if (partitions <= 0 || partitions == records.getNumPartitions()) {
            return numbered;
        }
        return numbered.mapToPair(t -> t.swap()).sortByKey(true, partitions).mapToPair(t -> t.swap());
    }

    private static JavaRDD<String> ordered(JavaRDD<String> records, int partitions) {
        if (partitions <= 0 || partitions == records.getNumPartitions()) {
            return records;
        }
        return numbered(records, partitions).keys();
    }

    /** Checks that {@code input} names something to read, so the error is one line, not a failed job. */
    static void requireInput(JavaSparkContext sc, String input) {
        try {
            Path path = new Path(input);
            FileStatus[] found = path.getFileSystem(sc.hadoopConfiguration()).globStatus(path);
            if (found == null || found.length == 0) {
                throw new UserException(input + ": no such file or folder");
            }
        } catch (IOException e) {
            throw new UserException(input + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Whether {@code input} is the IMDB archive or an {@code aclImdb} folder, which only rnn train reads. */
    static boolean isImdbArchive(JavaSparkContext sc, String input) {
        if (input.endsWith(".tar.gz") || input.endsWith(".tgz")) {
            return true;
        }
        try {
            Path path = new Path(input);
            return path.getFileSystem(sc.hadoopConfiguration()).exists(new Path(path, "train/pos"));
        } catch (IOException e) {
            throw new UserException(input + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Makes way for {@code output}: refused if it exists, unless {@code overwrite}. */
    static void prepareOutput(JavaSparkContext sc, String output, boolean overwrite) {
        try {
            Path path = new Path(output);
            FileSystem fs = path.getFileSystem(sc.hadoopConfiguration());
            if (fs.exists(path)) {
                if (!overwrite) {
                    throw new UserException(output + " exists; name another output folder, or pass --overwrite");
                }
                fs.delete(path, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output " + output, e);
        }
    }
}
