package rnn.config;

import rnn.text.TokenLevel;

/**
 * The {@code data:} section. Keys that a task does not read hold a fixed value: {@code classify} reads
 * no {@code level} (always words), {@code lm} no {@code max_length} (0) or {@code truncate}, and
 * only {@code tagger} reads {@code format}, {@code token_column}, {@code tag_column} and
 * {@code tag_scheme} (null, 0, 0, null elsewhere).
 *
 * @param train       {@code train}: for {@code classify}, labelled examples: a {@code label<TAB>text} file
 *                    (plain or .gz), the official {@code aclImdb_v1.tar.gz}, or an unpacked {@code aclImdb/}
 *                    folder; for {@code lm}, a text file (plain or .gz) read as one stream
 * @param dev         {@code dev}: an optional separate dev set in the same formats; null carves it from train
 * @param devFraction {@code dev_fraction}: share of train held out as dev when {@code dev} is null, in (0, 0.5]
 *                    ({@code lm}: the end of the stream)
 * @param maxLength   {@code max_length}: tokens kept per example, at least 1
 * @param truncate    {@code truncate}: which end of a long example is kept
 * @param lowercase   {@code lowercase}: fold text to lower case before counting tokens
 * @param vocabSize   {@code vocab_size}: most frequent tokens kept, {@code <pad>} and {@code <unk>} included; at least 3
 * @param minCount    {@code min_count}: tokens seen fewer times in train become {@code <unk>}; at least 1
 * @param level       {@code level}: ({@code lm}) a token is a word (lines end with {@code <eos>}) or a character
 * @param format      {@code format}: ({@code tagger}) the files' format; null for other tasks
 * @param tokenColumn {@code token_column}: ({@code tagger}) the token's column, from 0
 * @param tagColumn   {@code tag_column}: ({@code tagger}) the tag's column, from 0; negative counts from the end
 * @param tagScheme   {@code tag_scheme}: ({@code tagger}) the scheme the model learns; null for other tasks
 * @param wordVectors {@code word_vectors}: ({@code tagger}) pretrained word vectors (word2vec, GloVe or fastText
 *                    text format) to start the word embedding from, their words joining the vocabulary up to
 *                    {@code vocab_size}; null for none
 */
public record DataConfig(String train, String dev, double devFraction, int maxLength, Truncation truncate,
                         boolean lowercase, int vocabSize, int minCount, TokenLevel level,
                         TagFormat format, int tokenColumn, int tagColumn, TagSchemeName tagScheme,
                         String wordVectors) {
}
