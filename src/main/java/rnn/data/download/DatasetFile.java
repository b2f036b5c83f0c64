package rnn.data.download;

import java.net.URI;

/**
 * A downloadable dataset file: its registry name, where to fetch it, its expected MD5 (lower-case
 * hex) and the name it is cached under. The MD5 is null for a file rnn could not check itself (an
 * official test file that rnn's own work never reads): it comes from a fixed release address, and
 * its MD5 is printed after the download for the user to compare with the source's.
 */
public record DatasetFile(String name, URI url, String md5, String fileName) {
}
