package rnn.data;

import rnn.util.UserException;

/** A data file that is missing, unreadable, malformed or empty: {@code file:line: problem}. */
public final class DataException extends UserException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
