import type { SourceDefinition } from "../source-definition";
import { DefinitionIssue, definitionIssue } from "../issue";
import { parseFieldPath } from "../field-path";
import { parseExtractPath } from "../extract-path";
import type { AvailableTopic, AvailableTopicEntityListing } from "./available-topic";
import { describeTransports, isDeliverable } from "./deliverable";
import { findTopic } from "./find-topic";
import { nearestTopics } from "./nearest-topics";
import { SchemaNode } from "./schema-node";
import { resolveSchemaPath } from "./schema-path";
import { nearestPath, schemaPaths } from "./schema-paths";
import { conditionMisfits } from "./value-fit";

/** How each catalog message says to turn the check down, for a topic Genesys has not documented. */
export const CATALOG_HINT = "if Genesys has not documented this, set genesys:catalog to warn (or off)";

/** A topic with the schema of its events. */
interface Schemed {
  readonly topic: AvailableTopic;
  readonly schema: SchemaNode;
}

function withHint(message: string): string {
  return `${message} (${CATALOG_HINT})`;
}

function quoted(ids: ReadonlyArray<string>): string {
  return ids.join(", ");
}

function topicIssues(eventType: string, topic: AvailableTopic | undefined, catalog: AvailableTopicEntityListing, path: string): DefinitionIssue[] {
  if (topic === undefined) {
    const deliverable = catalog.entities.filter(isDeliverable).map((t) => t.id);
    const nearest = nearestTopics(eventType, deliverable.length > 0 ? deliverable : catalog.entities.map((t) => t.id));
    const suggestion = nearest.length === 0 ? "the catalog lists no topics" : `nearest: ${quoted(nearest)}`;
    return [definitionIssue(path, withHint(`${JSON.stringify(eventType)} is not a topic of the Genesys Cloud topic catalog; ${suggestion}`))];
  }
  if (!isDeliverable(topic)) {
    return [definitionIssue(path, withHint(
      `${topic.id} is not delivered to EventBridge: its transports are ${describeTransports(topic)}, and EventBridge receives only topics whose transports include EventBridge or All`,
    ))];
  }
  return [];
}

/** Where a field path leads in several topics' schemas: found (or undescribed) in one of them, or missing from all, with the nearest path they have. */
function locate(path: ReadonlyArray<string>, topics: ReadonlyArray<Schemed>): { found: true } | { found: false; nearest?: string } {
  for (const { schema } of topics) {
    if (resolveSchemaPath(schema, path).kind !== "missing") return { found: true };
  }
  const nearest = nearestPath(path.join("."), topics.flatMap(({ schema }) => schemaPaths(schema)));
  return nearest === undefined ? { found: false } : { found: false, nearest };
}

function missingField(field: string, topics: ReadonlyArray<Schemed>, nearest: string | undefined): string {
  const names = topics.map(({ topic }) => topic.id).join(" or ");
  return withHint(`${JSON.stringify(field)} is not a field of ${names} events${nearest === undefined ? "" : `; nearest: ${nearest}`}`);
}

/** The topics of a definition whose events have a schema, once each, in filter order. */
function schemedTopics(topics: ReadonlyArray<AvailableTopic | undefined>): ReadonlyArray<Schemed> {
  const out: Schemed[] = [];
  for (const topic of topics) {
    if (topic?.schema !== undefined && !out.some((s) => s.topic.id === topic.id)) out.push({ topic, schema: topic.schema });
  }
  return out;
}

/**
 * Checks a decoded definition against a topic catalog: every filter's event
 * type must be a topic (else the up to three nearest are named) that
 * EventBridge receives (transports `EventBridge` or `All`); every field a
 * condition reads must be in that topic's schema, with an operator and value
 * that fit the field's type and enum; every field a transformation or an
 * attribute mapping reads (they apply to every event) must be in the schema
 * of one of the definition's topics, an `extract` path inside the array it
 * plucks from. A topic without a schema is not checked for fields. Each
 * issue names its property path and how to turn the check down. Pure.
 */
export function checkAgainstCatalog(definition: SourceDefinition, catalog: AvailableTopicEntityListing): ReadonlyArray<DefinitionIssue> {
  const issues: DefinitionIssue[] = [];
  const topics = definition.filters.map((filter) => findTopic(catalog, filter.eventType));
  definition.filters.forEach((filter, i) => {
    const topic = topics[i];
    issues.push(...topicIssues(filter.eventType, topic, catalog, `filters[${i}].eventType`));
    if (topic?.schema === undefined) return;
    const schemed: Schemed = { topic, schema: topic.schema };
    filter.conditions.forEach((condition, j) => {
      const at = `filters[${i}].conditions[${j}]`;
      const segments = parseFieldPath(condition.field);
      if (segments._tag === "Left") return;
      const resolved = resolveSchemaPath(schemed.schema, segments.right);
      if (resolved.kind === "missing") {
        const nearest = nearestPath(condition.field, schemaPaths(schemed.schema));
        issues.push(definitionIssue(`${at}.field`, missingField(condition.field, [schemed], nearest)));
      } else if (resolved.kind === "found") {
        for (const misfit of conditionMisfits(condition, resolved.nodes, `${condition.field} of ${topic.id}`)) {
          issues.push(definitionIssue(`${at}${misfit.at}`, withHint(misfit.message)));
        }
      }
    });
  });
  const schemed = schemedTopics(topics);
  if (schemed.length === 0) return issues;
  const read = (path: string, field: string): boolean => {
    const segments = parseFieldPath(field);
    if (segments._tag === "Left") return true;
    const located = locate(segments.right, schemed);
    if (!located.found) issues.push(definitionIssue(path, missingField(field, schemed, located.nearest)));
    return located.found;
  };
  definition.transformations.forEach((directive, k) => {
    if (!read(`transformations[${k}].sourceField`, directive.sourceField) || directive.type !== "extract" || directive.path === undefined) return;
    const step = parseExtractPath(directive.path);
    const source = parseFieldPath(directive.sourceField);
    if (step._tag === "Left" || source._tag === "Left" || step.right.rest.length === 0) return;
    const full = [...source.right, ...step.right.rest];
    const located = locate(full, schemed);
    if (!located.found) issues.push(definitionIssue(`transformations[${k}].path`, missingField(full.join("."), schemed, located.nearest)));
  });
  definition.attributeMappings.forEach((mapping, m) => void read(`attributeMappings[${m}].source`, mapping.source));
  return issues;
}
