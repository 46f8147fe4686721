import { findTopic } from "../definition/catalog/find-topic";
import { nearestTopics } from "../definition/catalog/nearest-topics";
import { sampleFromSchema } from "../definition/catalog/sample-from-schema";
import { parseArgs } from "./args";
import { Command, ExitCode, UsageError } from "./command";
import { loadCatalog } from "./catalog";
import { reportProblems } from "./problems";

/**
 * The `sample` command: prints a sample event for a topic, shaped by the
 * topic's schema in the catalog and the same on every run:
 * `{ "eventType": <topic>, "event": {...} }`, the form `--samples` and the
 * `samples` input read. A starting point: edit the values to those the
 * definition's conditions look for.
 */
export const sampleCommand: Command = {
  name: "sample",
  usage: "sample <topic> [--catalog <file>]",
  summary: "print a sample event shaped by a topic's schema, a starting point for samples",
  details: [
    "arguments:",
    "  <topic>           the topic, such as v2.detail.events.conversation.{id}.customer.start",
    "options:",
    "  --catalog <file>  read a saved catalog instead of the organization's",
    "  -h, --help        print this help",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, ["catalog"]);
    if (parsed.positional.length !== 1) throw new UsageError("expected exactly one topic");
    const [wanted] = parsed.positional;
    const catalog = await loadCatalog(typeof parsed.options["catalog"] === "string" ? parsed.options["catalog"] : undefined);
    if (catalog._tag === "Left") return reportProblems(io, [{ message: catalog.left }], false);
    const topic = findTopic(catalog.right, wanted);
    if (topic === undefined) {
      const nearest = nearestTopics(wanted, catalog.right.entities.map((t) => t.id));
      return reportProblems(io, [{ message: `${JSON.stringify(wanted)} is not a topic of the catalog${nearest.length === 0 ? "" : `; nearest: ${nearest.join(", ")}`}` }], false);
    }
    if (topic.schema === undefined) return reportProblems(io, [{ message: `${topic.id}: the catalog holds no schema for this topic` }], false);
    io.out(JSON.stringify({ eventType: wanted, event: sampleFromSchema(topic.schema) }, null, 2));
    return ExitCode.ok;
  },
};
