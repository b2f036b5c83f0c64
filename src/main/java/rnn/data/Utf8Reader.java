package rnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import rnn.util.Warnings;

/**
 * UTF-8 text from a byte stream, rnn's one policy for invalid bytes in any input: each malformed
 * sequence reads as U+FFFD, and the first one of a source is reported once, with its line, as a
 * warning. One odd byte in a large corpus should not stop a run, and should not pass unseen.
 */
final class Utf8Reader extends Reader {
    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private long line = 1;
    private boolean eof;
    private boolean flushed;
    private boolean warned;

    /** {@code source} names the input in the warning (a file's path, "standard input"). */
    Utf8Reader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Decodes at least one more character into {@code chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0 || !eof && bytes.hasRemaining() && chars.hasRemaining()) {
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isError()) {
                if (!chars.hasRemaining()) {
                    break;   // the bad bytes stay for the next call, which has room for U+FFFD
                }
                warnOnce();
                bytes.position(bytes.position() + result.length());
                chars.put('\uFFFD');
            } else if (result.isOverflow()) {
                break;
            } else if (eof) {
                decoder.flush(chars);
                flushed = true;
                break;
            } else {
                fill();
            }
        }
        chars.flip();
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                line++;
            }
        }
        return chars.hasRemaining();
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void warnOnce() {
        if (warned) {
            return;
        }
        warned = true;
        long at = line;
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                at++;
            }
        }
        Warnings.warn(source + ":" + at + ": not valid UTF-8; such bytes read as U+FFFD (later ones in this input"
                + " are not reported)");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
