package genesys.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.event.ruler.Machine;

/**
 * Answers event-pattern questions with AWS's own matcher, one JSON line per
 * request on stdin:
 *
 *   {"patterns": ["<pattern JSON text>", ...], "events": ["<event JSON text>", ...]}
 *
 * (or {"pattern": "<pattern JSON text>", ...} for one), and one JSON line per
 * answer on stdout, in order:
 *
 *   {"accepted": true, "verdicts": [[0], [], [0, 1], ...]}
 *   {"accepted": false, "error": "pattern 1: <why the pattern was refused>"}
 *
 * A fresh machine holds the request's patterns as its rules, named by their
 * index; per event the verdict lists the indexes of the rules that match it
 * (rulesForJSONEvent: array-consistent matching, as EventBridge), ascending,
 * so a test sees both the union and any event two rules match. Texts are
 * passed through as given, so a test can send numbers a double cannot hold.
 * An event the matcher cannot read is answered with null.
 */
public final class Main {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Main() { }

    public static void main(final String[] args) throws Exception {
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        final BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.write(JSON.writeValueAsString(answer(JSON.readTree(line))));
            out.write('\n');
            // Flush only when no further request is waiting, so batches travel in few writes.
            if (!in.ready()) {
                out.flush();
            }
        }
        out.flush();
    }

    private static ObjectNode answer(final JsonNode request) {
        final ObjectNode reply = JSON.createObjectNode();
        final Machine machine = Machine.builder().build();
        final List<String> patterns = new ArrayList<>();
        if (request.has("patterns")) {
            for (final JsonNode pattern : request.get("patterns")) {
                patterns.add(pattern.asText());
            }
        } else {
            patterns.add(request.get("pattern").asText());
        }
        for (int i = 0; i < patterns.size(); i++) {
            try {
                machine.addRule(Integer.toString(i), patterns.get(i));
            } catch (Exception | Error e) {
                reply.put("accepted", false);
                reply.put("error", "pattern " + i + ": " + e.getMessage());
                return reply;
            }
        }
        reply.put("accepted", true);
        final ArrayNode verdicts = reply.putArray("verdicts");
        for (final JsonNode event : request.get("events")) {
            try {
                final List<Integer> matched = new ArrayList<>();
                for (final String rule : machine.rulesForJSONEvent(event.asText())) {
                    matched.add(Integer.valueOf(rule));
                }
                Collections.sort(matched);
                final ArrayNode names = verdicts.addArray();
                matched.forEach(names::add);
            } catch (Exception e) {
                verdicts.addNull();
            }
        }
        return reply;
    }
}
