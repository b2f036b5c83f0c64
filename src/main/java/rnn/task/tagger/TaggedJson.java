package rnn.task.tagger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rnn.text.Span;
import rnn.text.TagScheme;

/**
 * A tagged sentence as the JSON object {@code rnn tag --json} writes for it: its text, its
 * tokens with their offsets, tags and confidences, and (for tags with spans) its entities.
 */
public final class TaggedJson {
    private TaggedJson() {
    }

    /** The object for {@code s} tagged {@code tagged}; {@code entities}: the tags mark spans. */
    public static Map<String, Object> of(TaggingInput.Sentence s, TaggerPredictor.Tags tagged, boolean entities) {
        List<String> tags = tagged.tags();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("text", s.text());
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("text", s.tokens().get(i));
            t.put("start", s.offsets().get(i)[0]);
            t.put("end", s.offsets().get(i)[1]);
            t.put("tag", tags.get(i));
            // rounded: more digits would only show float noise
            t.put("confidence", Math.round(tagged.confidences()[i] * 1e4) / 1e4);
            tokens.add(t);
        }
        o.put("tokens", tokens);
        if (entities) {
            List<Map<String, Object>> spans = new ArrayList<>();
            for (Span span : TagScheme.spans(tags)) {
                int start = s.offsets().get(span.start())[0];
                int end = s.offsets().get(span.end() - 1)[1];
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", span.type());
                e.put("start", start);
                e.put("end", end);
                e.put("text", s.text().substring(start, end));
                spans.add(e);
            }
            o.put("entities", spans);
        }
        return o;
    }
}
