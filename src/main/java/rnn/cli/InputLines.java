package rnn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import rnn.data.DataException;
import rnn.data.TextFiles;

/**
 * The lines a command reads, one at a time: each of the files in turn (plain or gzipped, an empty
 * line after each, so that a file's last sentence ends with it), or standard input. A first few
 * lines can be looked at before they are read, to detect the format.
 */
final class InputLines implements Iterator<String>, AutoCloseable {
    private final List<Path> files;
    private final Deque<String> peeked = new ArrayDeque<>();
    private int nextFile;
    private BufferedReader reader;
    private String source;
    private String next;

    /** The lines of {@code files}, or of standard input when there are none. */
    InputLines(List<Path> files) {
        this.files = files;
        if (files.isEmpty()) {
            reader = TextFiles.standardInput();
            source = "standard input";
        }
    }

    /** Up to {@code n} first lines still to be read; they are read again by {@link #next}. */
    List<String> peek(int n) {
        while (peeked.size() < n && advance()) {
            peeked.addLast(next);
            next = null;
        }
        return new ArrayList<>(peeked).subList(0, Math.min(n, peeked.size()));
    }

    @Override
    public boolean hasNext() {
        return !peeked.isEmpty() || next != null || advance();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (!peeked.isEmpty()) {
            return peeked.removeFirst();
        }
        String line = next;
        next = null;
        return line;
    }

    /** Reads the next line into {@code next}; false at the end of the last input. */
    private boolean advance() {
        if (next != null) {
            return true;
        }
        try {
            while (true) {
                if (reader == null) {
                    if (nextFile == files.size()) {
                        return false;
                    }
                    Path file = files.get(nextFile++);
                    reader = TextFiles.openLines(file);
                    source = file.toString();
                }
                String line = reader.readLine();
                if (line != null) {
                    next = line;
                    return true;
                }
                reader.close();
                reader = null;
                if (!files.isEmpty()) {
                    next = "";   // a file's end ends its last sentence
                    return true;
                }
                return false;
            }
        } catch (IOException e) {
            throw files.isEmpty() ? new DataException(source + ": cannot read (" + e.getMessage() + ")", e)
                    : TextFiles.readFailure(Path.of(source), e);
        }
    }

    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
