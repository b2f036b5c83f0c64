package rnn.config;

/**
 * The {@code model:} keys every task's recurrent encoder reads: embedding, a stack of recurrent
 * layers, dropout.
 *
 * @param embeddingSize    {@code embedding_size}: width of the token embedding, at least 1
 * @param embeddingDropout {@code embedding_dropout}: probability of dropping an embedding unit, in [0, 1)
 * @param cell             {@code cell}: the recurrent cell
 * @param implementation   {@code implementation}: the code that computes the recurrent layers
 * @param hidden           {@code hidden}: units per direction in each recurrent layer, at least 1
 * @param layers           {@code layers}: recurrent layers stacked, at least 1
 * @param bidirectional    {@code bidirectional}: run each layer both ways and concatenate (a language
 *                         model must not see the future, so it never reads this key: false)
 * @param dropout          {@code dropout}: probability of dropping a unit between recurrent layers and
 *                         before the output, in [0, 1)
 * @param variational      {@code variational_dropout}: each sequence keeps one dropout mask for all its
 *                         steps on the recurrent layers' inputs and on a sequence output's input
 *                         (Gal and Ghahramani 2016), rather than a new mask at every step
 * @param wordDropout      {@code word_dropout}: probability that a training token reads as {@code <unk>},
 *                         so that the {@code <unk>} embedding, which unseen words get, is learnt; in [0, 1)
 * @param start            {@code encoder_from} and its companions: where the embedding and recurrent layers
 *                         start, and how fast they learn
 */
public record EncoderConfig(int embeddingSize, double embeddingDropout, CellType cell,
                            RecurrentImplementation implementation, int hidden, int layers, boolean bidirectional,
                            double dropout, boolean variational, double wordDropout, EncoderStart start) {

    /** An encoder that starts from random values. */
    public EncoderConfig(int embeddingSize, double embeddingDropout, CellType cell,
                         RecurrentImplementation implementation, int hidden, int layers, boolean bidirectional,
                         double dropout, boolean variational, double wordDropout) {
        this(embeddingSize, embeddingDropout, cell, implementation, hidden, layers, bidirectional, dropout, variational,
                wordDropout, EncoderStart.NONE);
    }

    /** An encoder with per-step dropout masks and no word dropout. */
    public EncoderConfig(int embeddingSize, double embeddingDropout, CellType cell,
                         RecurrentImplementation implementation, int hidden, int layers, boolean bidirectional,
                         double dropout) {
        this(embeddingSize, embeddingDropout, cell, implementation, hidden, layers, bidirectional, dropout, false, 0.0);
    }

    /** A task's defaults for the keys whose default differs between tasks. */
    public record Defaults(int embeddingSize, int hidden, int layers, boolean readsBidirectional) {
    }

    /** Reads the encoder's keys from the {@code model} section; the caller reads its own keys and finishes it. */
    public static EncoderConfig read(ConfigSection model, Defaults defaults) {
        int embeddingSize = model.getInt("embedding_size", defaults.embeddingSize(), 1);
        double embeddingDropout = model.getDouble("embedding_dropout", 0.0, ValueRange.closedOpen(0, 1));
        CellType cell = model.getEnum("cell", CellType.class, CellType.LSTM);
        RecurrentImplementation implementation = model.getEnum("implementation", RecurrentImplementation.class,
                RecurrentImplementation.FUSED);
        int hidden = model.getInt("hidden", defaults.hidden(), 1);
        int layers = model.getInt("layers", defaults.layers(), 1);
        boolean bidirectional = defaults.readsBidirectional() && model.getBoolean("bidirectional", true);
        double dropout = model.getDouble("dropout", 0.0, ValueRange.closedOpen(0, 1));
        boolean variational = model.getBoolean("variational_dropout", false);
        double wordDropout = model.getDouble("word_dropout", 0.0, ValueRange.closedOpen(0, 1));
        EncoderStart start = EncoderStart.read(model);
        return new EncoderConfig(embeddingSize, embeddingDropout, cell, implementation, hidden, layers, bidirectional,
                dropout, variational, wordDropout, start);
    }

    /** Writes the keys {@link #read} reads, in the same order, into the current section. */
    public void write(YamlWriter out, boolean writesBidirectional) {
        out.key("embedding_size", embeddingSize).key("embedding_dropout", embeddingDropout).key("cell", cell)
                .key("implementation", implementation).key("hidden", hidden).key("layers", layers);
        if (writesBidirectional) {
            out.key("bidirectional", bidirectional);
        }
        out.key("dropout", dropout).key("variational_dropout", variational).key("word_dropout", wordDropout);
        start.write(out);
    }
}
