package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How every input is read: invalid UTF-8 reads as U+FFFD with one warning naming the file (or
 * standard input) and line, in data files and in what is predicted or tagged alike; a cut gzip
 * is one line naming the file; and rnn tag reads, tags and writes a chunk at a time, in order.
 */
class InputPolicyTest {
    private static final String TAGGER = "src/test/resources/bundles/tagger-crf-chars-v2";
    private static final String CLASSIFIER = "src/test/resources/bundles/imdb-fused-v2";

    @TempDir
    Path dir;

    /** {@code text} as UTF-8 with one invalid byte (0xFF) in place of each '#'. */
    private static byte[] withBadBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = (byte) 0xFF;
            }
        }
        return bytes;
    }

    @Test
    void invalidUtf8InATrainingFileIsReplacedWithOneWarningNamingTheLine() throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            tsv.append(i % 2 == 0 ? "pos\tgreat wonderful film\n" : "neg\tawful boring film\n");
        }
        tsv.insert(tsv.indexOf("\n", tsv.indexOf("\n") + 1) + 1, "pos\tsuperb caf# and # again\n");
        Path data = Files.write(dir.resolve("bad.tsv"), withBadBytes(tsv.toString()));
        CliTestSupport.Result r = CliTestSupport.run("train", "imdb", "--config", "src/test/resources/configs/tiny.yaml",
                "--data", data.toString(), "--set", "training.epochs=1", "--models", dir.resolve("m").toString(), "-q");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("rnn: warning: " + data + ":3: not valid UTF-8; such bytes read as U+FFFD (later ones in"
                + " this input are not reported)"), r.err().lines().filter(l -> l.contains("warning")).toList());
    }

    @Test
    void invalidUtf8InPredictInputIsReadTheSameWay() throws IOException {
        Path texts = Files.write(dir.resolve("texts.txt"), withBadBytes("a good film\nawful # plot\n"));
        CliTestSupport.Result r = CliTestSupport.run("predict", CLASSIFIER, "--file", texts.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.err().contains(texts + ":2: not valid UTF-8"), r.err());

        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(withBadBytes("Tom visited Osl#\n")));
            CliTestSupport.Result tagged = CliTestSupport.run("tag", TAGGER);
            assertEquals(0, tagged.exitCode(), tagged.toString());
            assertTrue(tagged.err().contains("standard input:1: not valid UTF-8"), tagged.err());
            assertTrue(tagged.out().startsWith("Tom\t"), tagged.out());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void aCutGzipIsOneLineNamingTheFile() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write("hello world\n".repeat(2000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = buffer.toByteArray();
        Path cut = Files.write(dir.resolve("cut.txt.gz"), Arrays.copyOf(whole, whole.length / 2));
        CliTestSupport.Result lm = CliTestSupport.run("train", "lm", "--config", "src/test/resources/configs/tiny-lm.yaml",
                "--data", cut.toString(), "--set", "data.dev=" + cut, "--models", dir.resolve("m").toString());
        assertEquals(2, lm.exitCode(), lm.toString());
        assertEquals(List.of("rnn: " + cut + ": cannot read (the file ends too soon: a cut gzip or archive?)"),
                lm.err().lines().toList());
        CliTestSupport.Result tag = CliTestSupport.run("tag", TAGGER, cut.toString());
        assertEquals(2, tag.exitCode(), tag.toString());
        assertTrue(tag.err().contains(cut + ": cannot read (the file ends too soon"), tag.err());
    }

    @Test
    void tagReadsTagsAndWritesAChunkAtATimeInInputOrder() throws IOException {
        int n = 9000;   // more than two chunks of rnn tag
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("w").append(i).append(i % 3 == 0 ? " visited Oslo today .\n" : " left .\n");
        }
        Path input = Files.writeString(dir.resolve("many.txt"), text);
        CliTestSupport.Result r = CliTestSupport.run("tag", TAGGER, input.toString(), "--batch-size", "16");
        assertEquals(0, r.exitCode(), r.err());
        List<String> firstWords = r.out().lines().filter(l -> l.startsWith("w")).map(l -> l.split("\t")[0]).toList();
        assertEquals(n, firstWords.size());
        for (int i = 0; i < n; i++) {
            assertEquals("w" + i, firstWords.get(i));
        }
    }
}
