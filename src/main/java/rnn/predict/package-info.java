/**
 * The {@link rnn.predict.Predictor} contract that every task's predictor implements, used by the
 * commands, evaluation, and anything else that runs a trained model over many inputs.
 */
package rnn.predict;
