/**
 * Data on disk to mini-batches: labelled-text sources (TSV, the IMDB archive and folder) behind a DataVec
 * record reader, the dev split, the text encoder and the length-bucketed, masked batch iterator.
 */
package rnn.data;
