/**
 * The one training loop, its listeners, early stopping with savable state, and the run folder of checkpoints
 * that {@code --resume} continues from.
 */
package rnn.train;
