import type { SourceDefinition } from "./source-definition";

/**
 * The JSON object sent to the event-streams API for a source: the definition
 * with every default made explicit (`eventStreamType`, empty `conditions`,
 * `transformations`, `attributeMappings`). `eventSourceSuffix` is present only
 * when the definition declares it. Plain JSON: fresh objects, no shared arrays.
 * Its type is the decoded definition's, so the codec stays the one description.
 */
export type EventStreamPayload = SourceDefinition;

/** Builds the {@link EventStreamPayload} of a decoded definition. Pure; never throws. */
export function buildPayload(def: SourceDefinition): EventStreamPayload {
  return {
    id: def.id,
    eventStreamType: def.eventStreamType,
    ...(def.eventSourceSuffix === undefined ? {} : { eventSourceSuffix: def.eventSourceSuffix }),
    configuration: {
      awsAccountId: def.configuration.awsAccountId,
      roleArn: def.configuration.roleArn,
      region: def.configuration.region,
    },
    filters: def.filters.map((f) => ({
      eventType: f.eventType,
      conditions: f.conditions.map((c) => ({
        field: c.field,
        operator: c.operator,
        value: Array.isArray(c.value) ? [...c.value] : c.value,
      })),
    })),
    transformations: def.transformations.map((d) => ({
      sourceField: d.sourceField,
      targetField: d.targetField,
      type: d.type,
      ...(d.path === undefined ? {} : { path: d.path }),
      ...(d.format === undefined ? {} : { format: d.format }),
    })),
    attributeMappings: def.attributeMappings.map((m) => ({ source: m.source, target: m.target })),
  };
}
