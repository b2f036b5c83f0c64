/**
 * The linear-chain CRF: its maths as pure functions over arrays ({@link rnn.nn.crf.LinearChainCrf}:
 * forward algorithm, gradients, Viterbi, forbidden transitions) and the output layer that puts it
 * on top of a network.
 */
package rnn.nn.crf;
