package rnn.config;

/** The recurrent cell of the encoder layers. */
public enum CellType {
    LSTM,
    GRU,
    /** A plain Elman cell. */
    RNN
}
