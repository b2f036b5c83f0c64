/**
 * Text to tokens: the {@link rnn.text.Tokenizer}, the {@link rnn.text.Token} record and the
 * {@link rnn.text.Vocabulary} of tokens and labels.
 */
package rnn.text;
