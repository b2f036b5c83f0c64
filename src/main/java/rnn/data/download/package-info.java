/**
 * Downloads of public datasets: the registry of known files with their official addresses and md5 sums, and a
 * resumable, checksum-verified {@link rnn.data.download.Downloader}.
 */
package rnn.data.download;
