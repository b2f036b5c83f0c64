package rnn.bench;

import java.util.List;
import java.util.Locale;

/**
 * One network to time: a cell and one or two directions. Names are the cell with a {@code bi}
 * prefix for two directions ({@code lstm}, {@code bilstm}, {@code gru}, {@code bigru}), the same
 * names the PyTorch reference takes.
 *
 * @param cell          the {@code model.cell} value
 * @param bidirectional the {@code model.bidirectional} value
 */
record BenchCase(String cell, boolean bidirectional) {
    /** The default cases: LSTM and GRU, one and two directions. */
    static final List<BenchCase> ALL = List.of(new BenchCase("lstm", false), new BenchCase("lstm", true),
            new BenchCase("gru", false), new BenchCase("gru", true));

    /** The case named {@code name}, e.g. {@code bilstm}. */
    static BenchCase parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        boolean bidirectional = n.startsWith("bi");
        String cell = bidirectional ? n.substring(2) : n;
        if (cell.isEmpty()) {
            throw new IllegalArgumentException("unknown case '" + name + "' (expected e.g. lstm, bilstm, gru, bigru)");
        }
        return new BenchCase(cell, bidirectional);
    }

    String name() {
        return (bidirectional ? "bi" : "") + cell;
    }

    /** The config overrides that select this case. */
    List<String> overrides() {
        return List.of("model.cell=" + cell, "model.bidirectional=" + bidirectional);
    }
}
