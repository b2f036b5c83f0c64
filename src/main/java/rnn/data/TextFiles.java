package rnn.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
     * byte-order mark. Invalid bytes read as U+FFFD, with one warning naming the file and line
     * ({@link Utf8Reader}).
     */
    static BufferedReader open(Path path, boolean gzipped) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            // decompressConcatenated: multi-member files (cat a.gz b.gz) are valid gzip too.
            InputStream body = gzipped ? new GzipCompressorInputStream(in, true) : in;
            return withoutByteOrderMark(new BufferedReader(new Utf8Reader(body, path.toString())));
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Standard input as UTF-8 text, by the same policy as files. */
    public static BufferedReader standardInput() {
        try {
            return withoutByteOrderMark(new BufferedReader(new Utf8Reader(System.in, "standard input")));
        } catch (IOException e) {
            throw new DataException("standard input: cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** A text file, plain or gzipped, to read line by line; the caller closes it. */
    public static BufferedReader openLines(Path path) {
        try {
            return open(path);
        } catch (IOException e) {
            throw readFailure(path, e);
        }
    }

    /** {@code content} decoded as UTF-8 by the same policy as files; {@code source} names it in the warning. */
    public static String decode(byte[] content, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return decodeReplacing(content, source);
        }
    }

    private static String decodeReplacing(byte[] content, String source) {
        StringBuilder text = new StringBuilder(content.length);
        try (Reader reader = new Utf8Reader(new ByteArrayInputStream(content), source)) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory", e);
        }
        return text.toString();
    }

    private static BufferedReader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
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
    public static DataException readFailure(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(path + ": no such file");
        }
        if (e instanceof EOFException) {
            return new DataException(path + ": cannot read (the file ends too soon: a cut gzip or archive?)", e);
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
