/**
 * Networks: assembly of the recurrent encoder and the optimiser from the model config. The layers
 * live below it, by concern: {@link rnn.nn.layer} (embedding, character encoder, pooling and the
 * softmax output), {@link rnn.nn.crf} (the linear-chain CRF), {@link rnn.nn.recurrent} (the fused
 * LSTM, GRU and plain RNN layers and their cell kernels) and {@link rnn.nn.memory} (direct BLAS
 * calls and the time-major layout the layers share).
 */
package rnn.nn;
