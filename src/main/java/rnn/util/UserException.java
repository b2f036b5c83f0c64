package rnn.util;

/**
 * A failure caused by what the user gave us (a config, a data file, a model bundle), reported
 * as one line without a stack trace. The message names the file, line or key at fault.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
