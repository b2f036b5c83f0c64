package rnn.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import rnn.cli.Rnn;

/** One local[2] Spark context for the test classes, and the runs they compare. */
final class SparkTestContext {
    private static JavaSparkContext context;

    private SparkTestContext() {
    }

    /** The shared context: two executor threads in this JVM, no web UI, loopback only. */
    static synchronized JavaSparkContext get() {
        if (context == null) {
            context = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("rnn-spark tests")
                    .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
            Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
        }
        return context;
    }

    /** What a command printed, and its exit code. */
    record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        /** The training log's {@code data:} line. */
        String dataLine() {
            return lines().stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
        }
    }

    /** {@code rnn ARGS}, the command line, run in this JVM. */
    static Result rnn(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Rnn.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code rnn-spark ARGS} on the shared context. */
    static Result rnnSpark(String... args) {
        get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A trained model's {@code metrics.json}. */
    static com.google.gson.JsonObject metrics(Path model) {
        try {
            return com.google.gson.JsonParser.parseString(Files.readString(model.resolve("metrics.json")))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code first} followed by {@code more}. */
    static String[] concat(String[] first, String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
    }

    /**
     * A word2vec text file of {@code words}, each with {@code dimension} numbers that differ from
     * word to word; the header line word2vec writes comes first.
     */
    static Path writeVectors(Path file, int dimension, String... words) throws IOException {
        List<String> lines = new ArrayList<>(List.of(words.length + " " + dimension));
        for (int w = 0; w < words.length; w++) {
            StringBuilder line = new StringBuilder(words[w]);
            for (int d = 0; d < dimension; d++) {
                line.append(' ').append((w + 1) * 0.01 - d * 0.001);
            }
            lines.add(line.toString());
        }
        return Files.write(file, lines);
    }

    /** The lines of a job's part files, in part order. */
    static List<String> partLines(Path output) {
        try (Stream<Path> files = Files.list(output)) {
            List<String> lines = new ArrayList<>();
            for (Path part : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of part files a job wrote. */
    static long parts(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }
}
