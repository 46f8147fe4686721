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
import software.amazon.event.ruler.Machine;

/**
 * Answers event-pattern questions with AWS's own matcher, one JSON line per
 * request on stdin:
 *
 *   {"pattern": "<pattern JSON text>", "events": ["<event JSON text>", ...]}
 *
 * and one JSON line per answer on stdout, in order:
 *
 *   {"accepted": true, "verdicts": [true, false, ...]}
 *   {"accepted": false, "error": "<why the pattern was refused>"}
 *
 * A fresh machine holds each pattern as its only rule; an event matches when
 * rulesForJSONEvent (array-consistent matching, as EventBridge) names it.
 * Texts are passed through as given, so a test can send numbers a double
 * cannot hold. An event the matcher cannot read is answered with null.
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
        try {
            machine.addRule("rule", request.get("pattern").asText());
        } catch (Exception | Error e) {
            reply.put("accepted", false);
            reply.put("error", String.valueOf(e.getMessage()));
            return reply;
        }
        reply.put("accepted", true);
        final ArrayNode verdicts = reply.putArray("verdicts");
        for (final JsonNode event : request.get("events")) {
            try {
                verdicts.add(!machine.rulesForJSONEvent(event.asText()).isEmpty());
            } catch (Exception e) {
                verdicts.addNull();
            }
        }
        return reply;
    }
}
