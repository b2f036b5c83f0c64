/**
 * rnn's own non-recurrent layers and graph vertices, each a configuration class (saved by name in
 * {@code network.zip}) with its computation: token embedding, character CNN word encoder, softmax
 * output over sequences, pooling over time, step concatenation and row selection.
 */
package rnn.nn.layer;
