import { canonicalJson } from "../../src/definition";
import { example, validJson } from "./fixtures";

/** One acceptance case: a definition (and samples) that `validate` must reject at exactly these paths. */
export interface RejectionCase {
  readonly name: string;
  readonly definition: unknown;
  readonly samples?: unknown;
  readonly paths: ReadonlyArray<string>;
  /** Text the (first) message must contain. */
  readonly says: string;
}

function mutated(change: (d: any) => void): any {
  const d = validJson();
  change(d);
  return d;
}

const huge = mutated((d) => {
  d.filters[0].conditions[1].value = Array.from({ length: 20000 }, (_, i) => `routing-status-${i}`);
});

/** The rejection table: each case names the rule it breaks and the exact property paths reported. */
export const rejectionCases: ReadonlyArray<RejectionCase> = [
  {
    name: "an unknown operator",
    definition: mutated((d) => (d.filters[0].conditions[0].operator = "like")),
    paths: ["filters[0].conditions[0].operator"],
    says: 'expected one of eq, neq, in, gte, lte, found "like"',
  },
  {
    name: "in with a non-array value",
    definition: mutated((d) => (d.filters[0].conditions[1].value = "queued")),
    paths: ["filters[0].conditions[1].value"],
    says: 'operator in expects a non-empty array of scalars, found "queued"',
  },
  {
    name: "gte with a non-numeric string",
    definition: mutated((d) => (d.filters[1].conditions[0].value = "thirty")),
    paths: ["filters[1].conditions[0].value"],
    says: 'operator gte expects a number or an ISO 8601 timestamp string, found "thirty"',
  },
  {
    name: "a missing id",
    definition: mutated((d) => delete d.id),
    paths: ["id"],
    says: "is required",
  },
  {
    name: "a bad account id",
    definition: mutated((d) => (d.configuration.awsAccountId = "12345678901X")),
    paths: ["configuration.awsAccountId"],
    says: 'expected a 12-digit AWS account id, found "12345678901X"',
  },
  {
    name: "a role ARN from another account",
    definition: mutated((d) => (d.configuration.roleArn = "arn:aws:iam::210987654321:role/genesys-eb-role")),
    paths: ["configuration.roleArn"],
    says: "expected a role in account 123456789012 (awsAccountId), found account 210987654321",
  },
  {
    name: "an extract directive without path",
    definition: mutated((d) => delete d.transformations[1].path),
    paths: ["transformations[1].path"],
    says: "is required: an extract directive needs an extract path",
  },
  {
    name: "a malformed field path",
    definition: mutated((d) => (d.transformations[0].sourceField = "conversation..id")),
    paths: ["transformations[0].sourceField"],
    says: 'found "conversation..id"',
  },
  {
    name: "a __proto__ field path",
    definition: mutated((d) => (d.attributeMappings[0].source = "__proto__.polluted")),
    paths: ["attributeMappings[0].source"],
    says: 'segment "__proto__" is not allowed',
  },
  {
    name: "a duplicated target",
    definition: mutated((d) => (d.attributeMappings[0].target = "convId")),
    paths: ["attributeMappings[0].target"],
    says: 'target "convId" collides with transformations[0].targetField ("convId"), the same target',
  },
  {
    name: "a payload over 262,144 bytes",
    definition: huge,
    paths: [""],
    // The example has every default explicit, so its canonical JSON is the payload's.
    says: `payload is ${Buffer.byteLength(canonicalJson(huge))} bytes of canonical JSON; at most 262144 bytes are allowed`,
  },
  {
    name: "a sample whose fields do not resolve (the original design's sample lacks top-level metadata)",
    definition: example("original-definition.json"),
    samples: example("original-sample.json"),
    paths: ["transformations[2].sourceField"],
    says: "does not resolve on samples[0] (v2.detail.events.conversation.{id}.customer.start): metadata is missing",
  },
];
