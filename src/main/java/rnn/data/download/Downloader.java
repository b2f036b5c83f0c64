package rnn.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import rnn.data.DataException;
import rnn.util.Progress;
import rnn.util.Warnings;

/**
 * Fetches dataset files into a local cache, resuming interrupted downloads and checking MD5s.
 *
 * <p>A download goes to {@code <file>.part} and is renamed to {@code <file>} only once its
 * checksum matches, so the final name always means "complete and verified". A network failure
 * keeps the {@code .part} so the next run resumes it with an HTTP {@code Range} request.
 */
public final class Downloader {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final int OK = 200;
    private static final int PARTIAL_CONTENT = 206;
    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final HttpClient client;

    /** A downloader with its own HTTP client that follows redirects. */
    public Downloader() {
        this(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build());
    }

    /** A downloader over the given client (which should follow redirects). */
    public Downloader(HttpClient client) {
        this.client = client;
    }

    /** The cache folder: {@code $RNN_CACHE} if set, else {@code ~/.cache/rnn}. */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultCacheDir(Map<String, String> env, String home) {
        String configured = env.get("RNN_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(home, ".cache", "rnn");
    }

    /**
     * Returns {@code cacheDir/fileName}, downloading it first unless a copy with the right MD5 is
     * already there. Failures are one-line {@link DataException}s.
     */
    public Path fetch(DatasetFile file, Path cacheDir, Progress progress) {
        Path target = cacheDir.resolve(file.fileName());
        Path created = firstMissing(target.toAbsolutePath().getParent());
        createDirectories(target.toAbsolutePath().getParent());
        if (Files.isRegularFile(target) && (file.md5() == null || file.md5().equalsIgnoreCase(md5(target)))) {
            return target;
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            download(file, part, progress);
        } catch (DataException e) {
            removeIfNothingCame(part, created);
            throw e;
        }
        verify(file, part);
        moveIntoPlace(part, target);
        return target;
    }

    /** The outermost folder of {@code dir} that does not exist yet, or null when it exists. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /**
     * After a download that got no bytes (offline, refused, not found), removes the empty part and
     * the cache folders this call made, so a failed first try leaves nothing behind; a part with
     * bytes stays, to resume from.
     */
    private static void removeIfNothingCame(Path part, Path created) {
        try {
            if (Files.isRegularFile(part) && Files.size(part) == 0) {
                Files.delete(part);
            }
            if (created != null && !Files.exists(part)) {
                for (Path p = part.getParent(); p != null && p.startsWith(created); p = p.getParent()) {
                    try (var entries = Files.list(p)) {
                        if (entries.findAny().isPresent()) {
                            break;
                        }
                    }
                    Files.delete(p);
                }
            }
        } catch (IOException ignored) {
            // Leaving an empty folder behind is no reason to hide the download's own error.
        }
    }

    /**
     * Brings {@code part} up to date: appends on 206, restarts on 200 (the server ignored the
     * range), and on 416 leaves it as is, since the part already holds every byte; a wrong
     * resume is caught by the checksum that follows.
     */
    private void download(DatasetFile file, Path part, Progress progress) {
        long have = Files.isRegularFile(part) ? size(part) : 0;
        HttpResponse<InputStream> response = send(file.url(), have);
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (status == PARTIAL_CONTENT && have > 0) {
                copy(file, body, part, have, length, progress);
            } else if (status == OK) {
                copy(file, body, part, 0, length, progress);
            } else if (status != RANGE_NOT_SATISFIABLE || have == 0) {
                throw cannotDownload(file.url(), "HTTP " + status);
            }
        } catch (IOException e) {
            throw cannotDownload(file.url(), reason(e));
        }
    }

    private HttpResponse<InputStream> send(URI url, long resumeFrom) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(1)).GET();
        if (resumeFrom > 0) {
            request.header("Range", "bytes=" + resumeFrom + "-");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw cannotDownload(url, reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cannotDownload(url, "interrupted");
        }
    }

    /** Writes {@code body} to {@code part} from byte {@code offset}, reporting bytes as they arrive. */
    private static void copy(DatasetFile file, InputStream body, Path part, long offset, long length,
                             Progress progress) throws IOException {
        OpenOption[] options = offset > 0
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE};
        progress.start(file.fileName(), length < 0 ? -1 : offset + length, "B");
        try (OutputStream out = Files.newOutputStream(part, options)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            long done = offset;
            progress.update(done, "");
            for (int n; (n = body.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                done += n;
                progress.update(done, "");
            }
        } finally {
            progress.finish();
        }
    }

    /** A bad part cannot be resumed into a good file, so it is removed before reporting. */
    private static void verify(DatasetFile file, Path part) {
        String actual = md5(part);
        if (file.md5() == null) {
            Warnings.warn(file.url() + ": rnn knows no checksum for this file; its MD5 is " + actual
                    + " (compare it with the source's)");
            return;
        }
        if (!file.md5().equalsIgnoreCase(actual)) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // The message below still tells the user what went wrong; a stale part only
                // costs another mismatch on the next run.
            }
            throw new DataException(file.url() + ": checksum mismatch (expected " + file.md5() + ", got "
                    + actual + "); the partial file was removed, run again");
        }
    }

    private static void moveIntoPlace(Path part, Path target) {
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataException(target + ": cannot store the download (" + reason(e) + ")", e);
        }
    }

    /** The lower-case hex MD5 of a file. */
    static String md5(Path path) {
        MessageDigest digest = newMd5();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DataException(path + ": cannot read (" + reason(e) + ")", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new DataException(path + ": cannot read (" + reason(e) + ")", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException(dir + ": cannot create the cache folder (" + reason(e) + ")", e);
        }
    }

    private static DataException cannotDownload(URI url, String reason) {
        return new DataException("cannot download " + url + ": " + reason);
    }

    /**
     * The first message along the cause chain: the JDK client often wraps the useful one in an
     * exception that has none, and some failures (refused, unknown host) carry no message at all.
     */
    private static String reason(Throwable e) {
        boolean refused = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            refused |= t instanceof ConnectException;
        }
        return refused ? "connection refused" : e.getClass().getSimpleName();
    }
}
