package rnn.task.tagger;

/** The file format of a tagger's data. */
public enum TagFormat {
    /** CoNLL-2003 style: token and tag columns separated by spaces, blank lines between sentences. */
    CONLL,
    /** CoNLL-U: ten tab-separated columns, tagged by UPOS (column 4) or XPOS (column 5). */
    CONLLU
}
