/**
 * The fused recurrent layers (LSTM, GRU in PyTorch's formulation, plain RNN): one input projection
 * for all steps and directions, one recurrent product and one fused element-wise pass per step,
 * with scalar and Vector API cell kernels.
 */
package rnn.nn.recurrent;
