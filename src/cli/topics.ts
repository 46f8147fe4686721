import * as fs from "fs";
import type { AvailableTopic } from "../definition/catalog/available-topic";
import { describeTransports, isDeliverable } from "../definition/catalog/deliverable";
import { findTopic } from "../definition/catalog/find-topic";
import { nearestTopics } from "../definition/catalog/nearest-topics";
import { parseArgs } from "./args";
import { Command, ExitCode, UsageError } from "./command";
import { loadCatalog } from "./catalog";
import { printJson, reportProblems } from "./problems";

/** One topic in the listing: its id, transports and description. */
function summary(topic: AvailableTopic): Record<string, unknown> {
  return { id: topic.id, transports: topic.transports ?? [], ...(topic.description === undefined ? {} : { description: topic.description }) };
}

function matches(topic: AvailableTopic, search: string | undefined): boolean {
  if (search === undefined) return true;
  const text = search.toLowerCase();
  return topic.id.toLowerCase().includes(text) || (topic.description ?? "").toLowerCase().includes(text);
}

/**
 * The `topics` command: what the organization's EventBridge integration can
 * receive, from its topic catalog (`GET /api/v2/notifications/availabletopics`,
 * with the `GENESYSCLOUD_*` settings) or a saved one (`--catalog`). Lists the
 * topics whose transports include `EventBridge` or `All` (every topic with
 * `--all`), filtered by `--search`; `--schema <topic>` prints one topic's
 * event schema; `--out <file>` saves the whole catalog, schemas included, for
 * `--catalog` and `genesys:catalogFile` in pipelines without network to Genesys.
 */
export const topicsCommand: Command = {
  name: "topics",
  usage: "topics [--search <text>] [--schema <topic>] [--all] [--json] [--out <file>] [--catalog <file>]",
  summary: "list the Genesys Cloud topics EventBridge can receive, print one topic's event schema, or save the catalog",
  details: [
    "options:",
    "  --search <text>   only topics whose id or description contains the text (any case)",
    "  --schema <topic>  print the JSON Schema of one topic's events",
    "  --all             list every topic, also those EventBridge does not receive (Websocket only, ...)",
    "  --json            print {\"ok\":true,\"topics\":[{\"id\",\"transports\",\"description\"}]} (with --schema: {\"ok\":true,\"id\",\"schema\"})",
    "  --out <file>      save the whole catalog (every topic, schemas included) as an AvailableTopicEntityListing",
    "  --catalog <file>  read a saved catalog instead of the organization's",
    "  -h, --help        print this help",
    "",
    "Reads the organization's catalog with GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and",
    "GENESYSCLOUD_REGION (or GENESYSCLOUD_API_BASE_URL), unless --catalog is given.",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, ["search", "schema", "out", "catalog"], ["all", "json"]);
    if (parsed.positional.length > 0) throw new UsageError(`unexpected argument ${parsed.positional[0]}`);
    const text = (name: string) => (typeof parsed.options[name] === "string" ? (parsed.options[name] as string) : undefined);
    const json = parsed.options["json"] === true;
    const catalog = await loadCatalog(text("catalog"));
    if (catalog._tag === "Left") return reportProblems(io, [{ message: catalog.left }], json);
    const out = text("out");
    if (out !== undefined) {
      try {
        fs.writeFileSync(out, `${JSON.stringify(catalog.right, null, 2)}\n`);
      } catch (e) {
        return reportProblems(io, [{ message: `${out}: cannot write the catalog (${(e as NodeJS.ErrnoException).code ?? String(e)})` }], json);
      }
      if (json) return printJson(io, { out, topics: catalog.right.entities.length });
      io.out(`saved ${catalog.right.entities.length} topics to ${out}`);
      return ExitCode.ok;
    }
    const wanted = text("schema");
    if (wanted !== undefined) {
      const topic = findTopic(catalog.right, wanted);
      if (topic === undefined) {
        const nearest = nearestTopics(wanted, catalog.right.entities.map((t) => t.id));
        return reportProblems(io, [{ message: `${JSON.stringify(wanted)} is not a topic of the catalog${nearest.length === 0 ? "" : `; nearest: ${nearest.join(", ")}`}` }], json);
      }
      if (topic.schema === undefined) return reportProblems(io, [{ message: `${topic.id}: the catalog holds no schema for this topic` }], json);
      if (json) return printJson(io, { id: topic.id, schema: topic.schema });
      io.out(JSON.stringify(topic.schema, null, 2));
      return ExitCode.ok;
    }
    const all = parsed.options["all"] === true;
    const listed = catalog.right.entities.filter((t) => (all || isDeliverable(t)) && matches(t, text("search")));
    if (json) return printJson(io, { topics: listed.map(summary) });
    io.out(listed.map((t) => `${t.id}  [${describeTransports(t)}]${!isDeliverable(t) ? " (not delivered to EventBridge)" : ""}${t.description === undefined ? "" : `  ${t.description}`}`).join("\n"));
    return ExitCode.ok;
  },
};
