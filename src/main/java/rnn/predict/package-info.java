/**
 * Prediction with a loaded bundle: {@link rnn.predict.Predictor} and the sentiment classifier's predictor.
 */
package rnn.predict;
