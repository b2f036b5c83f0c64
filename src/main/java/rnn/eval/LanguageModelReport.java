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
 */
public record LanguageModelReport(long tokens, double nll, double loss, double perplexity, double bitsPerToken,
                                  boolean characterLevel) implements Report {

    public static LanguageModelReport of(long tokens, double nll, boolean characterLevel) {
        if (tokens <= 0) {
            throw new IllegalArgumentException("no tokens were predicted");
        }
        double loss = nll / tokens;
        return new LanguageModelReport(tokens, nll, loss, Math.exp(loss), loss / Math.log(2), characterLevel);
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
        return out.toString();
    }
}
