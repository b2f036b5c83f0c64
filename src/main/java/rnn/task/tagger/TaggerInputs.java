package rnn.task.tagger;

import java.nio.file.Path;
import java.util.List;

import rnn.data.TaggedSentence;
import rnn.text.Vocabulary;
import rnn.train.EpochFeed;

/**
 * What a tagger's training reads, however it was read: {@code rnn train} reads files on this
 * machine, and a Spark job reads them on a cluster and feeds epochs to its workers. The network,
 * its dev evaluation and the bundle are built from these the same way for both.
 *
 * @param encoder     word (and character) vocabularies and how a sentence becomes ids
 * @param tags        the tag set, in the scheme the model learns
 * @param trainSize   training sentences, for the log
 * @param dev         the dev sentences as read, scored in their own scheme after each epoch
 * @param feed        the training sentences, one epoch at a time
 * @param files       the data files read, for the manifest's checksums (files elsewhere are left out)
 * @param vectorsById pretrained vectors by word id ({@code null} rows for words without one), or null
 */
public record TaggerInputs(TaggerEncoder encoder, Vocabulary tags, long trainSize, List<TaggedSentence> dev,
                           EpochFeed feed, List<Path> files, float[][] vectorsById) {
}
