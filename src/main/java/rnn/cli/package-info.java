/**
 * The picocli commands and their shared options. Each command parses its arguments, makes one call into the
 * task, bundle or data packages and prints the result; {@link rnn.cli.Rnn#commandLine} installs the one error
 * handler that maps user errors to exit status 2.
 */
package rnn.cli;
