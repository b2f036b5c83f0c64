/**
 * Batch evaluation: several models scored on several data files in one run, each model on each
 * file, a failure reported on its own row while the rest go on.
 */
package rnn.batch;
