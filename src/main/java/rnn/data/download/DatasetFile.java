package rnn.data.download;

import java.net.URI;

/**
 * A downloadable dataset file: its registry name, where to fetch it, its expected MD5 (lower-case
 * hex) and the name it is cached under.
 */
public record DatasetFile(String name, URI url, String md5, String fileName) {
}
