package rnn.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A language model's score on a token stream, from the summed negative log-likelihood of every
 * predicted token (never from DL4J's {@code score()}, which sums over steps, averages over rows
 * and adds regularisation).
 *
 * @param tokens        tokens predicted (every token of the stream after the first)
 * @param nll           their summed negative log-likelihood, in nats
 * @param loss          nats per token: {@code nll / tokens}
 * @param perplexity    {@code exp(loss)}
 * @param bitsPerToken  {@code loss / ln 2}; bits per character for a character model
 * @param characterLevel whether a token is a character (then the table says bits per character)
 * @param intervals     95% bootstrap intervals over lines of {@code perplexity} (and {@code bpc} for a
 *                      character model); empty when the stream was not cut into lines
 */
public record LanguageModelReport(long tokens, double nll, double loss, double perplexity, double bitsPerToken,
                                  boolean characterLevel, Map<String, Bootstrap.Interval> intervals)
        implements Report {

    public static LanguageModelReport of(long tokens, double nll, boolean characterLevel) {
        return of(tokens, nll, characterLevel, new double[0][]);
    }

    /** {@code lines}: per line of the stream, its summed negative log-likelihood and its tokens predicted. */
    public static LanguageModelReport of(long tokens, double nll, boolean characterLevel, double[][] lines) {
        if (tokens <= 0) {
            throw new IllegalArgumentException("no tokens were predicted");
        }
        double loss = nll / tokens;
        Map<String, Bootstrap.Interval> intervals = new LinkedHashMap<>();
        if (lines.length > 1) {
            intervals.put("perplexity", Bootstrap.interval(lines, perplexitySample(lines).value()));
            if (characterLevel) {
                intervals.put("bpc", Bootstrap.interval(lines, sums -> Bootstrap.ratio(sums[0], sums[1]) / Math.log(2)));
            }
        }
        return new LanguageModelReport(tokens, nll, loss, Math.exp(loss), loss / Math.log(2), characterLevel,
                intervals);
    }

    /** Perplexity line by line ({@code lines}: each line's summed negative log-likelihood and tokens). */
    public static Bootstrap.Sample perplexitySample(double[][] lines) {
        return new Bootstrap.Sample("perplexity", false, lines, sums -> Math.exp(Bootstrap.ratio(sums[0], sums[1])));
    }

    /** {@code loss} and {@code perplexity}, and {@code bpc} for a character model. */
    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("perplexity", perplexity);
        if (characterLevel) {
            m.put("bpc", bitsPerToken);
        }
        return m;
    }

    @Override
    public String toTable() {
        String unit = characterLevel ? "characters" : "tokens";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %,d%n", unit + " predicted", tokens));
        out.append(String.format(Locale.ROOT, "%-22s %.4f%n", "nats per " + (characterLevel ? "char" : "token"), loss));
        out.append(String.format(Locale.ROOT, "%-22s %.4f%n", characterLevel ? "bits per char" : "bits per token",
                bitsPerToken));
        out.append(String.format(Locale.ROOT, "%-22s %.2f%n", "perplexity", perplexity));
        intervals.forEach((name, ci) -> out.append(String.format(Locale.ROOT, "%-22s %.4f-%.4f%n",
                "95% CI " + name, ci.low(), ci.high())));
        return out.toString();
    }
}
