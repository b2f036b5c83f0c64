package rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import rnn.util.Warnings;

class Utf8ReaderTest {
    private static String readAll(byte[] bytes, StringWriter warnings) throws IOException {
        Warnings.to(new PrintWriter(warnings, true));
        StringBuilder text = new StringBuilder();
        try (Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes), "in")) {
            char[] buffer = new char[1000];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
        } finally {
            Warnings.to(new PrintWriter(System.err, true));
        }
        return text.toString();
    }

    @Test
    void aBadByteRightWhenTheCharacterBufferIsFullWaitsForTheNextRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("a".repeat(65535).getBytes());
        bytes.write(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 'z'});   // é across two reads, then a bad byte
        StringWriter warnings = new StringWriter();
        String text = readAll(bytes.toByteArray(), warnings);
        assertEquals("a".repeat(65535) + "\u00e9\ufffdz", text);
        assertEquals(1, warnings.toString().lines().count(), warnings.toString());
    }

    @Test
    void warnsOnceWithTheLineOfTheFirstBadByte() throws IOException {
        StringWriter warnings = new StringWriter();
        String text = readAll(new byte[] {'o', 'k', '\n', 'b', (byte) 0xFF, '\n', (byte) 0xFE}, warnings);
        assertEquals("ok\nb\ufffd\n\ufffd", text);
        assertEquals("rnn: warning: in:2: not valid UTF-8; such bytes read as U+FFFD (later ones in this input are not"
                + " reported)\n", warnings.toString().replace(System.lineSeparator(), "\n"));
    }
}
