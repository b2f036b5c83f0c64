/**
 * Small shared pieces: user errors, progress display, atomic file writes, JSON settings and version strings.
 */
package rnn.util;
