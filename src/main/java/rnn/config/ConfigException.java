package rnn.config;

import rnn.util.UserException;

/** A config file or override that is malformed, unknown or out of range: {@code file:line: key: problem}. */
public final class ConfigException extends UserException {
    public ConfigException(String message) {
        super(message);
    }
}
