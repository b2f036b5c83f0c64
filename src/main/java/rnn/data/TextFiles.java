package rnn.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Opens UTF-8 text files, plain or gzipped, the one way every reader of rnn does. */
public final class TextFiles {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextFiles() {
    }

    /**
     * Opens the file as UTF-8 text, inflating it first when {@code gzipped}, without a leading
     * byte-order mark. Malformed bytes become U+FFFD rather than failing: one odd byte in a large
     * corpus should not stop a training run.
     */
    static BufferedReader open(Path path, boolean gzipped) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            // decompressConcatenated: multi-member files (cat a.gz b.gz) are valid gzip too.
            InputStream body = gzipped ? new GzipCompressorInputStream(in, true) : in;
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Opens the file as UTF-8 text; gzip is recognised by its magic bytes, whatever the file's name. */
    static BufferedReader open(Path path) throws IOException {
        return open(path, isGzip(path));
    }

    /** The whole file as text, plain or gzipped. */
    public static String readString(Path path) {
        try {
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = open(path)) {
                char[] buffer = new char[1 << 16];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    text.append(buffer, 0, n);
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw readFailure(path, e);
        }
    }

    /** The one-line error for a file that {@link #open} or reading it failed on. */
    static DataException readFailure(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(path + ": no such file");
        }
        String reason = Files.isDirectory(path) ? "is a directory" : String.valueOf(e.getMessage());
        return new DataException(path + ": cannot read (" + reason + ")", e);
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
