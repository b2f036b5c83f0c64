package rnn.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * The entry point for labelled text on disk: detects what a path holds and reads every example.
 *
 * <p>Three forms are understood:
 * <ul>
 *   <li>a TSV file of {@code label<TAB>text} lines, plain or gzipped (told apart by the gzip magic
 *       bytes, not by the name);</li>
 *   <li>the IMDB archive {@code aclImdb_v1.tar.gz}, streamed without unpacking;</li>
 *   <li>an unpacked {@code aclImdb/} directory, or a directory containing one.</li>
 * </ul>
 * Problems are reported as one-line {@link DataException}s naming the path.
 */
public final class LabeledTextSource {
    /** Which half of the IMDB data to read; TSV files have no splits and ignore it. */
    public enum Split {
        TRAIN, TEST;

        /** The folder name under {@code aclImdb/}. */
        public String dirName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private LabeledTextSource() {
    }

    /** Reads all examples at {@code path}, taking the IMDB {@code train} split. */
    public static List<LabeledText> read(Path path) {
        return read(path, Split.TRAIN);
    }

    /** Reads all examples at {@code path}; {@code split} picks the IMDB half (ignored for TSV). */
    public static List<LabeledText> read(Path path, Split split) {
        if (!Files.exists(path)) {
            throw new DataException(path + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            return ImdbReader.readDirectory(path, split);
        }
        if (!Files.isReadable(path)) {
            throw new DataException(path + ": cannot read (permission denied)");
        }
        return isGzip(path) ? readGzip(path, split) : TsvReader.read(path, false);
    }

    /** Whether {@code path} is the IMDB archive or folder, whose unlabelled reviews {@link #unlabelledReviews} reads. */
    public static boolean hasUnlabelledReviews(Path path) {
        return Files.isDirectory(path) || Files.isRegularFile(path) && isGzip(path) && ImdbReader.isTarGz(path);
    }

    /**
     * The unlabelled reviews ({@code train/unsup}) when {@code path} is the official IMDB archive,
     * an unpacked {@code aclImdb} folder or a folder holding one; empty for any other file.
     */
    public static Optional<List<String>> unlabelledReviews(Path path) {
        if (hasUnlabelledReviews(path)) {
            return Optional.of(ImdbReader.readUnlabelled(path));
        }
        return Optional.empty();
    }

    /** A gzip file holds either the IMDB tarball or a gzipped TSV; the tar header tells them apart. */
    private static List<LabeledText> readGzip(Path path, Split split) {
        return ImdbReader.isTarGz(path) ? ImdbReader.readArchive(path, split) : TsvReader.read(path, true);
    }

    private static boolean isGzip(Path path) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        } catch (IOException e) {
            throw new DataException(path + ": cannot read (" + reason(e) + ")", e);
        }
    }

    /** A short human reason for an I/O failure; some JDK exceptions carry no message. */
    static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
