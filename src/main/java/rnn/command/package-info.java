/**
 * What the command lines built on rnn share ({@code rnn}'s in {@code rnn.cli}, {@code rnn-spark}'s
 * jobs): picocli option groups that turn into requests of the layers below.
 */
package rnn.command;
