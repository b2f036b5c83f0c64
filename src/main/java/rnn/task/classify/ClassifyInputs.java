package rnn.task.classify;

import java.nio.file.Path;
import java.util.List;

import rnn.data.EncodedExample;
import rnn.data.TextEncoder;
import rnn.text.Vocabulary;
import rnn.train.EpochFeed;

/**
 * What a classifier's training reads, however it was read: {@code rnn train} reads files on this
 * machine, and a Spark job reads them on a cluster and feeds epochs to its workers. The network,
 * its dev evaluation and the bundle are built from these the same way for both.
 *
 * @param encoder      tokenizer, vocabulary and truncation
 * @param labels       the label set
 * @param trainSize    training examples, for the log
 * @param dev          the encoded dev examples, scored on this machine after each epoch
 * @param devSource    where dev came from, for the log
 * @param feed         the training examples, one epoch at a time
 * @param files        the data files read, for the manifest's checksums (files elsewhere are left out)
 * @param vectorsById  pretrained vectors by token id ({@code null} rows for tokens without one), or null
 */
public record ClassifyInputs(TextEncoder encoder, Vocabulary labels, long trainSize, List<EncodedExample> dev,
                             String devSource, EpochFeed feed, List<Path> files, float[][] vectorsById) {
}
