package rnn.task.lm;

import java.nio.file.Path;
import java.util.List;

import rnn.data.TokenStream;
import rnn.text.Vocabulary;
import rnn.train.EpochFeed;

/**
 * What a language model's training reads, however it was read: {@code rnn train} reads the text
 * on this machine and lays it out in parallel rows, and a Spark job reads it on a cluster and
 * feeds chunks of it to its workers. The network, the dev perplexity and the bundle are built from
 * these the same way for both.
 *
 * @param vocabulary   the tokens, counted from the training text only
 * @param trainTokens  tokens of the training text, for the log
 * @param trainUnknown of them, how many are {@code <unk>}
 * @param dev          the dev stream, scored on this machine after each epoch
 * @param layout       how the feed lays the training text out, for the log's data line
 * @param feed         the training text, one epoch at a time
 * @param files        the data files read, for the manifest's checksums (files elsewhere are left out)
 */
public record LanguageModelInputs(Vocabulary vocabulary, long trainTokens, long trainUnknown, TokenStream dev,
                                  String layout, EpochFeed feed, List<Path> files, float[][] vectorsById) {
}
