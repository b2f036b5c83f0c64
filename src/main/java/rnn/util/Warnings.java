package rnn.util;

import java.io.PrintWriter;

/**
 * Where rnn says that it went on despite something in the input (one line each, on standard
 * error): the command line points it at its error writer; code that reads input calls
 * {@link #warn}.
 */
public final class Warnings {
    private static volatile PrintWriter sink = new PrintWriter(System.err, true);

    private Warnings() {
    }

    /** Sends later warnings to {@code writer}. */
    public static void to(PrintWriter writer) {
        sink = writer;
    }

    public static void warn(String message) {
        PrintWriter w = sink;
        w.println("rnn: warning: " + message);
        w.flush();
    }
}
