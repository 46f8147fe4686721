import * as t from "io-ts";
import { Finding, InputOf, list, oneOf, struct, text, withDefault } from "./codec-kit";
import { AttributeMapping } from "./attribute-mapping";
import { Configuration } from "./configuration";
import { FORBIDDEN_SEGMENTS } from "./field-path";
import { Filter } from "./filter";
import { preview } from "./preview";
import { targetConflicts } from "./targets";
import { Transformation } from "./transformation";

/**
 * Codec of a definition id: 1..128 characters of letters, digits, `.`, `_`
 * and `-` (safe in URLs, resource names and EventBridge source names), and
 * not one of {@link FORBIDDEN_SEGMENTS}: ids key maps of sources (stack
 * outputs, stores), where those names would reach an object prototype.
 */
export const DefinitionId = text("DefinitionId", "an id of 1..128 letters, digits, '.', '_' or '-'", (s) => {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(s)) return `expected an id of 1..128 letters, digits, '.', '_' or '-', found ${preview(s)}`;
  if (FORBIDDEN_SEGMENTS.includes(s)) return `id ${JSON.stringify(s)} is not allowed (${FORBIDDEN_SEGMENTS.join(", ")} are refused): choose another id`;
  return undefined;
});

/** Codec of an event source suffix: 1..64 characters of letters, digits, `.`, `_` and `-`. */
export const EventSourceSuffix = text("EventSourceSuffix", "a suffix of 1..64 letters, digits, '.', '_' or '-'", (s) =>
  /^[A-Za-z0-9._-]{1,64}$/.test(s) ? undefined : `expected a suffix of 1..64 letters, digits, '.', '_' or '-', found ${preview(s)}`,
);

/** The only event stream type: Amazon EventBridge. */
export const EventStreamType = oneOf("EventStreamType", ["aws-eventbridge"] as const);

/**
 * Codec of a source definition, the file format of the original design.
 * Decoding applies the defaults (`eventStreamType: "aws-eventbridge"`, empty
 * `conditions`, `transformations`, `attributeMappings`), refuses unknown
 * properties, and checks the cross-property rules once the structure is
 * sound: no colliding targets. The payload
 * size limit is checked on the built payload by `validateDefinition`.
 */
export const SourceDefinition = struct(
  "SourceDefinition",
  {
    /**
     * The source's stable identifier: 1..128 letters, digits, `.`, `_` or `-`;
     * `__proto__`, `constructor` and `prototype` are refused. Changing it
     * replaces the source.
     * @example "eventbridge-source-prod-01"
     */
    id: DefinitionId,
    /**
     * The event stream type: `aws-eventbridge`, the only one and the default.
     * @example "aws-eventbridge"
     */
    eventStreamType: withDefault(EventStreamType, () => "aws-eventbridge" as const),
    /**
     * The AWS side: the account that receives the events, its region, and the
     * IAM role Genesys assumes (in the same account and the region's partition).
     * @example { awsAccountId: "123456789012", region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/genesys-eb-role" }
     */
    configuration: Configuration,
    /**
     * Which events leave Genesys: at least one filter; an event leaves when
     * it matches some filter's type and all that filter's conditions.
     * Several filters may share an event type: they are alternatives (OR).
     * @example [{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "mediaType", operator: "eq", value: "VOICE" }] }]
     */
    filters: list("Filters", Filter, { nonEmpty: true }),
    /**
     * How events are reshaped: each directive writes one target field of the
     * projected event; no two directives or mappings may write the same or a
     * nested target. Default `[]`.
     * @example [{ sourceField: "eventTime", targetField: "eventTime", type: "transform", format: "iso8601" }]
     */
    transformations: withDefault(list("Transformations", Transformation), () => []),
    /**
     * Which attributes are copied where: each mapping copies one event field to
     * one target field of the projected event (targets may not collide with
     * the directives'). Default `[]`.
     * @example [{ source: "attributes.tenantId", target: "custom.tenant" }]
     */
    attributeMappings: withDefault(list("AttributeMappings", AttributeMapping), () => []),
  },
  {
    /**
     * Integrations API: the partner event source's suffix, 1..64 letters,
     * digits, `.`, `_` or `-`; derived from `id` when absent.
     * @example "prod-conversations"
     */
    eventSourceSuffix: EventSourceSuffix,
  },
  (def): ReadonlyArray<Finding> => {
    const findings: Finding[] = [];
    findings.push(
      ...targetConflicts([
        ...def.transformations.map((d, i) => ({ at: `.transformations[${i}].targetField`, target: d.targetField })),
        ...def.attributeMappings.map((m, i) => ({ at: `.attributeMappings[${i}].target`, target: m.target })),
      ]),
    );
    return findings;
  },
);
/** A decoded source definition, defaults applied. */
export type SourceDefinition = t.TypeOf<typeof SourceDefinition>;
/** A source definition as written (a definition file, a resource's arguments): the defaulted properties may be left out. */
export type SourceDefinitionInput = InputOf<typeof SourceDefinition>;
