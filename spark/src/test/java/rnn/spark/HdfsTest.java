package rnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import rnn.spark.SparkTestContext.Result;

/**
 * The jobs read and write HDFS as they do local files: an HDFS of one name node and one data node
 * in this JVM (Hadoop's MiniDFSCluster), the same inputs on both, the same outputs from both.
 */
class HdfsTest {
    private static final Path BUNDLES = Path.of("src/test/resources/bundles");
    private static final Path CLASSIFIER = BUNDLES.resolve("imdb-fused-v2");
    private static final Path TAGGER = BUNDLES.resolve("tagger-crf-chars-v2");
    private static final Path REVIEWS = BUNDLES.resolve("inputs/reviews.tsv");
    private static final Path CONLL = BUNDLES.resolve("inputs/entities.conll");

    @TempDir
    static Path dir;

    static MiniDFSCluster hdfs;
    static FileSystem fs;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        fs = hdfs.getFileSystem();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void predictAndTagWriteToHdfsWhatTheyWriteLocally() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(REVIEWS)) {
            texts.add(line.substring(line.indexOf('\t') + 1));
        }
        Path localTexts = Files.write(dir.resolve("texts.txt"), texts);
        assertSameOutput(List.of("predict", CLASSIFIER.toString()), localTexts, "--partitions", "2");
        assertSameOutput(List.of("tag", TAGGER.toString()), CONLL, "--partitions", "2");
    }

    @Test
    void evalScoresAnHdfsFileAsTheLocalCopy() throws IOException {
        Result local = SparkTestContext.rnnSpark("eval", CLASSIFIER.toString(), REVIEWS.toString());
        assertEquals(0, local.exitCode(), local.err());
        String remote = put(REVIEWS);
        Result onHdfs = SparkTestContext.rnnSpark("eval", CLASSIFIER.toString(), remote);
        assertEquals(0, onHdfs.exitCode(), onHdfs.err());
        assertTrue(local.out().contains("accuracy"), local.out());
        assertEquals(local.out().replace(REVIEWS.toString(), "DATA"), onHdfs.out().replace(remote, "DATA"));
    }

    @Test
    void trainsFromHdfsAsFromTheLocalFile() throws IOException {
        Path sample = Path.of("data/topics/sample.tsv.gz");
        String remote = put(sample);
        Path models = dir.resolve("models");
        String[] args = {"train", "classify", "--config", "configs/topics-bilstm.yaml", "--models", models.toString(),
            "--set", "training.epochs=1"};
        Result local = SparkTestContext.rnnSpark(SparkTestContext.concat(args, "--name", "local"));
        assertEquals(0, local.exitCode(), local.err());
        Result onHdfs = SparkTestContext.rnnSpark(SparkTestContext.concat(args, "--name", "hdfs", "--data", remote));
        assertEquals(0, onHdfs.exitCode(), onHdfs.err());
        assertEquals(local.dataLine().replace(sample.toString(), "DATA"), onHdfs.dataLine().replace(remote, "DATA"));
        assertEquals(Files.readAllLines(models.resolve("local/vocab/tokens.txt")),
                Files.readAllLines(models.resolve("hdfs/vocab/tokens.txt")));
        // The same examples in the same partitions: the same training, to the last digit.
        JsonObject fromLocal = SparkTestContext.metrics(models.resolve("local"));
        JsonObject fromHdfs = SparkTestContext.metrics(models.resolve("hdfs"));
        assertEquals(fromLocal.get("dev"), fromHdfs.get("dev"));
        assertEquals(fromLocal.getAsJsonArray("epochs").get(0).getAsJsonObject().get("trainLoss"),
                fromHdfs.getAsJsonArray("epochs").get(0).getAsJsonObject().get("trainLoss"));
    }

    /** A job run on a local input into a local folder, and on its HDFS copy into HDFS: the same lines. */
    private static void assertSameOutput(List<String> job, Path input, String... options) throws IOException {
        String name = job.get(0) + "-" + input.getFileName();
        Path localOut = dir.resolve(name);
        Result local = SparkTestContext.rnnSpark(args(job, input.toString(), localOut.toString(), options));
        assertEquals(0, local.exitCode(), local.err());
        String remoteOut = fs.getUri() + "/out/" + name;
        Result onHdfs = SparkTestContext.rnnSpark(args(job, put(input), remoteOut, options));
        assertEquals(0, onHdfs.exitCode(), onHdfs.err());
        List<String> expected = SparkTestContext.partLines(localOut);
        assertTrue(expected.size() > 5, name + ": " + expected.size() + " lines");
        assertEquals(expected, hdfsPartLines(remoteOut), name);
    }

    private static String[] args(List<String> job, String input, String output, String... options) {
        List<String> all = new ArrayList<>(job);
        all.add(input);
        all.add(output);
        all.addAll(Arrays.asList(options));
        return all.toArray(String[]::new);
    }

    /** {@code local} copied to HDFS; its full {@code hdfs://} address. */
    private static String put(Path local) throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path("/in/" + local.getFileName());
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()), target);
        return fs.getUri() + target.toString();
    }

    private static List<String> hdfsPartLines(String folder) throws IOException {
        FileStatus[] parts = fs.globStatus(new org.apache.hadoop.fs.Path(folder + "/part-*"));
        Arrays.sort(parts, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        List<String> lines = new ArrayList<>();
        for (FileStatus part : parts) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(part.getPath()),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            }
        }
        return lines;
    }
}
