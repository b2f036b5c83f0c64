package rnn.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnn.data.DataException;
import rnn.util.Progress;

/** {@link Downloader} against a loopback server: full and resumed downloads, checksums, caching, errors. */
class DownloaderTest {
    private static final byte[] DATA = randomBytes(300_000);
    private static final String FILE_NAME = "data.bin";

    @TempDir
    Path cache;
    private RangeServer server;
    private final Downloader downloader = new Downloader();

    @BeforeEach
    void startServer() throws IOException {
        server = new RangeServer(DATA);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadsAndVerifies() {
        RecordingProgress progress = new RecordingProgress();
        Path result = downloader.fetch(file("/data.bin", md5(DATA)), cache, progress);

        assertEquals(cache.resolve(FILE_NAME), result);
        assertArrayEquals(DATA, read(result));
        assertFalse(Files.exists(part()));
        assertEquals(List.of(RangeServer.NO_RANGE), server.ranges);
        assertEquals(DATA.length, progress.total);
        assertEquals(DATA.length, progress.lastDone);
        assertTrue(progress.finished);
    }

    @Test
    void resumesFromPartialFile() throws IOException {
        Files.write(part(), Arrays.copyOf(DATA, 1000));
        RecordingProgress progress = new RecordingProgress();
        Path result = downloader.fetch(file("/data.bin", md5(DATA)), cache, progress);

        assertEquals(List.of("bytes=1000-"), server.ranges);
        assertArrayEquals(DATA, read(result));
        assertEquals(DATA.length, progress.total);
        assertEquals(1000, progress.updates.get(0));
        assertEquals(DATA.length, progress.lastDone);
    }

    @Test
    void restartsWhenServerIgnoresRange() throws IOException {
        Files.write(part(), new byte[] {9, 9, 9});
        server.ignoreRange = true;
        Path result = downloader.fetch(file("/data.bin", md5(DATA)), cache, Progress.NONE);

        assertEquals(List.of("bytes=3-"), server.ranges);
        assertArrayEquals(DATA, read(result));
    }

    @Test
    void completePartAnsweredWith416IsVerifiedAndKept() throws IOException {
        Files.write(part(), DATA);
        Path result = downloader.fetch(file("/data.bin", md5(DATA)), cache, Progress.NONE);

        assertEquals(List.of("bytes=" + DATA.length + "-"), server.ranges);
        assertArrayEquals(DATA, read(result));
        assertFalse(Files.exists(part()));
    }

    @Test
    void checksumMismatchRemovesPartAndThrows() {
        String wrong = "0123456789abcdef0123456789abcdef";
        DatasetFile file = file("/data.bin", wrong);
        DataException e = assertThrows(DataException.class, () -> downloader.fetch(file, cache, Progress.NONE));

        assertEquals(file.url() + ": checksum mismatch (expected " + wrong + ", got " + md5(DATA)
                + "); the partial file was removed, run again", e.getMessage());
        assertFalse(Files.exists(part()));
        assertFalse(Files.exists(cache.resolve(FILE_NAME)));
    }

    @Test
    void aFileWithoutAKnownChecksumIsKeptAndItsChecksumPrinted() {
        java.io.StringWriter warnings = new java.io.StringWriter();
        rnn.util.Warnings.to(new java.io.PrintWriter(warnings, true));
        try {
            DatasetFile file = file("/data.bin", null);
            Path result = downloader.fetch(file, cache, Progress.NONE);
            assertTrue(Files.isRegularFile(result));
            assertTrue(warnings.toString().contains(file.url() + ": rnn knows no checksum for this file; its MD5 is "
                    + md5(DATA)), warnings.toString());
            assertEquals(result, downloader.fetch(file, cache, Progress.NONE), "a copy already there is kept");
        } finally {
            rnn.util.Warnings.to(new java.io.PrintWriter(System.err, true));
        }
    }

    @Test
    void cachedFileWithGoodChecksumSkipsTheNetwork() throws IOException {
        Path cached = Files.write(cache.resolve(FILE_NAME), DATA);
        assertEquals(cached, downloader.fetch(file("/data.bin", md5(DATA)), cache, Progress.NONE));
        assertEquals(List.of(), server.ranges);
    }

    @Test
    void cachedFileWithBadChecksumIsDownloadedAgain() throws IOException {
        Files.write(cache.resolve(FILE_NAME), new byte[] {1, 2, 3});
        Path result = downloader.fetch(file("/data.bin", md5(DATA)), cache, Progress.NONE);
        assertArrayEquals(DATA, read(result));
        assertEquals(1, server.ranges.size());
    }

    @Test
    void followsRedirects() {
        Path result = downloader.fetch(file("/moved", md5(DATA)), cache, Progress.NONE);
        assertArrayEquals(DATA, read(result));
    }

    @Test
    void notFoundIsOneLine() {
        DatasetFile file = file("/missing.bin", md5(DATA));
        DataException e = assertThrows(DataException.class, () -> downloader.fetch(file, cache, Progress.NONE));
        assertEquals("cannot download " + file.url() + ": HTTP 404", e.getMessage());
    }

    @Test
    void offlineFirstTryLeavesNoEmptyCacheFolderBehind() {
        Path fresh = cache.resolve("new/cache");
        DatasetFile file = file("/data.bin", md5(DATA));
        server.close();
        DataException e = assertThrows(DataException.class, () -> downloader.fetch(file, fresh, Progress.NONE));
        assertTrue(e.getMessage().startsWith("cannot download " + file.url() + ": "), e.getMessage());
        assertFalse(Files.exists(cache.resolve("new")), "the folders this try made are gone");
    }

    @Test
    void networkFailureKeepsThePartForResume() throws IOException {
        Files.write(part(), Arrays.copyOf(DATA, 500));
        DatasetFile file = file("/data.bin", md5(DATA));
        server.close();
        DataException e = assertThrows(DataException.class, () -> downloader.fetch(file, cache, Progress.NONE));

        assertTrue(e.getMessage().startsWith("cannot download " + file.url() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(500, Files.size(part()));
    }

    @Test
    void cacheDirComesFromEnvironmentOrHome() {
        assertEquals(Path.of("/data/cache"), Downloader.defaultCacheDir(Map.of("RNN_CACHE", "/data/cache"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/rnn"), Downloader.defaultCacheDir(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/rnn"), Downloader.defaultCacheDir(Map.of("RNN_CACHE", " "), "/home/u"));
    }

    @Test
    void datasetFetchesIntoItsFolderAndUnpacks() throws IOException {
        byte[] text = "First Citizen:\nBefore we proceed any further, hear me speak.\n".repeat(50)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (RangeServer textServer = new RangeServer(text)) {
            Dataset dataset = new Dataset("test", List.of(new DatasetFile("test", textServer.uri("/data.bin"),
                    md5(text), "test/input.txt")), Dataset.split("test", new int[] {100}, "head.txt", "rest.txt"));
            List<Path> files = dataset.fetch(downloader, cache, Progress.NONE);
            assertEquals(List.of(cache.resolve("test/head.txt"), cache.resolve("test/rest.txt")), files);
            assertTrue(Files.isRegularFile(cache.resolve("test/input.txt")));
            assertFalse(Files.exists(cache.resolve("test/input.txt.part")));
            assertEquals(new String(text, java.nio.charset.StandardCharsets.US_ASCII),
                    Files.readString(files.get(0)) + Files.readString(files.get(1)));
            assertEquals(100, Files.readString(files.get(0)).length());
        }
    }

    private DatasetFile file(String path, String md5) {
        URI url = server.uri(path);
        return new DatasetFile("test", url, md5, FILE_NAME);
    }

    private Path part() {
        return cache.resolve(FILE_NAME + ".part");
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Remembers what the downloader reported. */
    private static final class RecordingProgress implements Progress {
        long total = Long.MIN_VALUE;
        long lastDone = -1;
        final List<Long> updates = new ArrayList<>();
        boolean finished;

        @Override
        public void start(String label, long total, String unit) {
            this.total = total;
        }

        @Override
        public void update(long done, String detail) {
            updates.add(done);
            lastDone = done;
        }

        @Override
        public void finish() {
            finished = true;
        }
    }
}
