import * as fs from "node:fs";
import * as path from "node:path";
import { Either, left, right } from "fp-ts/Either";
import { DefinitionIssue, formatIssue, SampleEvent, validateDefinition } from "../definition";
import type { DecodedPair } from "./diff";
import { CorpusEvent, decodeCorpus } from "../definition/impact/corpus-event";
import { deliveryImpact } from "../definition/impact/impact";
import { exampleLines, impactLine } from "../definition/impact/summary";
import { describeFileProblem } from "../files/problem";
import { readEventCorpus } from "../files/event-corpus";
import { definitionOf } from "./inputs";
import { decodeSteering } from "./steering";
import { unknownPaths } from "./unknowns";

/**
 * Reads the `impactEvents` corpus, relative to the program's folder (the
 * provider's working folder). Left is one problem at the `impactEvents`
 * property, naming the file, line and fix. Never throws.
 */
export function readImpactEvents(location: string, root: string = process.cwd()): Either<DefinitionIssue, ReadonlyArray<CorpusEvent>> {
  const file = path.resolve(root, location);
  const stamp = stampOf(file);
  if (stamp !== undefined && last?.file === file && last.stamp === stamp) return right(last.events);
  const read = readEventCorpus(file, location);
  if (read._tag === "Left") return left({ _tag: "DefinitionIssue", path: "impactEvents", message: describeFileProblem(read.left) });
  const decoded = decodeCorpus(read.right.values);
  if (decoded._tag === "Left") {
    const first = decoded.left[0];
    const more = decoded.left.length > 1 ? ` (and ${decoded.left.length - 1} more)` : "";
    return left({ _tag: "DefinitionIssue", path: "impactEvents", message: `${location}: ${formatIssue(first)}${more}` });
  }
  // Examples name an event without an id by its place in the corpus: `recorded.jsonl[3]`.
  const events = decoded.right.map((e) => (e.id === undefined ? { ...e, label: `${location}[${e.index}]` } : e));
  if (stamp !== undefined) last = { file, stamp, events };
  return right(events);
}

/**
 * The last corpus read, by file and its size and modification time: `check`
 * and `diff` of one resource read the same corpus in one provider process,
 * and a large one is then read once.
 */
let last: { readonly file: string; readonly stamp: string; readonly events: ReadonlyArray<CorpusEvent> } | undefined;

function stampOf(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/** What a preview shows about delivery: the one line, and the examples for verbose output. */
export interface PreviewImpact {
  readonly line: string;
  readonly examples: ReadonlyArray<string>;
}

/**
 * The delivery impact of an update, for `diff`: the desired inputs' samples
 * and `impactEvents` corpus replayed through the deployed definition (kept
 * in the old outputs) and the desired one. `undefined` when there is
 * nothing to replay, a value is still unknown, or either definition does
 * not decode (check reports that). Reads the corpus file; never throws.
 */
export function previewImpact(
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  decoded?: DecodedPair,
): PreviewImpact | undefined {
  if (unknownPaths(news).length > 0) return undefined;
  const steering = decodeSteering(news);
  const before = decoded === undefined ? validateDefinition(definitionOf(olds)) : right(decoded.before);
  const after = decoded === undefined ? validateDefinition(definitionOf(news)) : right(decoded.after);
  if (steering._tag === "Left" || before._tag === "Left" || after._tag === "Left") return undefined;
  const { samples = [], impactEvents } = steering.right;
  const recorded = impactEvents === undefined ? right([]) : readImpactEvents(impactEvents);
  if (recorded._tag === "Left" || samples.length + recorded.right.length === 0) return undefined;
  const corpus = [...samples.map(sampleEvent), ...recorded.right].map((e, index) => ({ ...e, index }));
  const impact = deliveryImpact(before.right, after.right, corpus);
  return { line: impactLine(impact), examples: exampleLines(impact) };
}

function sampleEvent(sample: SampleEvent, index: number): CorpusEvent {
  return { index, label: `samples[${index}]`, eventType: sample.eventType, body: sample.event };
}
