package rnn.bundle;

import rnn.util.UserException;

/** A model bundle that is missing, damaged, of another format version or of another task. */
public final class BundleException extends UserException {
    public BundleException(String message) {
        super(message);
    }
}
