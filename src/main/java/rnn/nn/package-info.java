/**
 * Network assembly from the model config: the embedding, the masked recurrent encoder (bidirectional without
 * padding leaking into the backward direction), pooling and output, and batched inference.
 */
package rnn.nn;
