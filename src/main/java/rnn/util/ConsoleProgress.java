package rnn.util;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws a progress line on a terminal: {@code label [=====>    ] done/total unit  detail  rate  ETA}.
 * Redraws at most ten times a second; safe to update from several threads (word2vec reports from
 * its workers). Use {@link #forTerminal} so that pipes and CI get nothing.
 */
public final class ConsoleProgress implements Progress {
    private static final int BAR = 24;

    private final PrintWriter out;
    private String label = "";
    private String unit = "";
    private long total;
    private long started;
    private long lastDraw;
    private int lastWidth;

    public ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    /** A console progress on {@code err} when a terminal is attached and not {@code quiet}; else {@link #NONE}. */
    public static Progress forTerminal(PrintWriter err, boolean quiet) {
        return !quiet && System.console() != null ? new ConsoleProgress(err) : NONE;
    }

    @Override
    public synchronized void start(String label, long total, String unit) {
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.started = System.nanoTime();
        this.lastDraw = 0;
        update(0, "");
    }

    @Override
    public synchronized void update(long done, String detail) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) (BAR * Math.min(1.0, (double) done / total));
            line.append('[').append("=".repeat(filled)).append(filled < BAR ? ">" : "")
                    .append(" ".repeat(Math.max(0, BAR - filled - 1))).append("] ");
            line.append(done).append('/').append(total).append(' ').append(unit);
        } else {
            line.append(done).append(' ').append(unit);
        }
        if (!detail.isEmpty()) {
            line.append("  ").append(detail);
        }
        line.append(String.format(Locale.ROOT, "  %.1f %s/s", rate, unit));
        if (total > 0 && rate > 0) {
            line.append("  ETA ").append(clock((total - done) / rate));
        }
        int pad = Math.max(0, lastWidth - line.length());
        lastWidth = line.length();
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
    }

    @Override
    public synchronized void finish() {
        out.println();
        out.flush();
        lastWidth = 0;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
