/**
 * Networks and layers: assembly from the model config ({@link rnn.nn.SentimentNetwork}, the
 * masked recurrent encoder, pooling, output), rnn's fused LSTM and GRU layers with their cell
 * kernels (scalar and Vector API) and direct OpenBLAS products, and batched inference.
 */
package rnn.nn;
