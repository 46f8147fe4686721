import * as t from "io-ts";
import { Either, left, right } from "fp-ts/Either";
import { DefinitionIssue, InputOf, SampleEvents, leaf, struct, text, withDefault } from "../definition";
import { ConflictPolicy } from "../definition/vocabulary/conflict-policy";
import { DEFAULT_INTENDED_STATE, IntendedState } from "../definition/vocabulary/intended-state";
import { issuesFromErrors } from "../definition/issues-from-errors";
import { expected } from "../definition/preview";


const Flag = leaf<boolean>("Boolean", (u) => (typeof u === "boolean" ? { ok: true, value: u } : { ok: false, message: expected("a boolean", u) }));

/**
 * Codec of the inputs that steer the provider rather than describe the
 * source, with their defaults: `adoptExisting` false, `intendedState`
 * `ENABLED`, `owner` empty; `conflictPolicy` falls back to the provider
 * setting `genesys:conflictPolicy` and `samples` to none.
 */
export const SteeringInputs = struct(
  "SteeringInputs",
  {
    /**
     * Take over an existing remote source with the same id instead of failing
     * on create (`pulumi import` does not work for dynamic providers). Default `false`.
     * @example true
     */
    adoptExisting: withDefault(Flag, () => false),
    /**
     * Integrations API: whether the integration is `ENABLED` (default) or `DISABLED`.
     * @example "DISABLED"
     */
    intendedState: withDefault(IntendedState, () => DEFAULT_INTENDED_STATE),
    /**
     * The marker the resource writes on what it creates remotely, so that an
     * interrupted create is completed rather than duplicated. Set by
     * `EventBridgeSource` itself.
     */
    owner: withDefault(text("Owner", "an owner marker"), () => ""),
  },
  {
    /**
     * On a concurrent remote change: `overwrite` re-applies the declaration,
     * `fail` stops and shows what changed. Default: the provider setting
     * `genesys:conflictPolicy`, itself `overwrite` by default.
     * @example "fail"
     */
    conflictPolicy: ConflictPolicy,
    /**
     * Sample events projected through the definition at `check` and before any
     * write: every filter, directive and mapping they reach must resolve.
     * Each is `{ eventType, event }`.
     * @example [{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { mediaType: "VOICE" } }]
     */
    samples: SampleEvents,
    /**
     * Recorded events (a JSON or JSON Lines file, or a folder of them;
     * relative to the program's folder) that a preview of an update replays
     * through the deployed and the changed definition, together with
     * `samples`, to show what the change does to delivery. Only the path is
     * kept in state, never the events.
     * @example "recorded/conversations.jsonl"
     */
    impactEvents: text("ImpactEvents", "a path to a file or folder of recorded events", (s) =>
      s.trim() === "" ? "expected a path to a file or folder of recorded events, found an empty string" : undefined,
    ),
    /**
     * A saved topic catalog (`genesys-eventbridge topics --out`) to check the
     * definition against instead of the organization's, for pipelines without
     * network to Genesys; relative to the Pulumi project folder. Default: the
     * provider setting `genesys:catalogFile`, else the organization's catalog
     * (Integrations API).
     * @example "genesys-topics.json"
     */
    catalog: text("CatalogFile", "a path to a saved topic catalog"),
  },
);
/** The steering inputs, defaults applied. */
export type SteeringInputs = t.TypeOf<typeof SteeringInputs>;
/** The steering inputs as written: every one may be left out. */
export type SteeringInputsInput = InputOf<typeof SteeringInputs>;

/** The names of the steering inputs, from the codec. */
export const STEERING_KEYS: ReadonlyArray<keyof SteeringInputs> = [
  ...Object.keys(SteeringInputs.required),
  ...Object.keys(SteeringInputs.optional),
] as Array<keyof SteeringInputs>;

/**
 * Decodes the steering inputs out of a resource's property bag (the other
 * properties are ignored), defaults applied. Issue paths are input property
 * paths (`conflictPolicy`, `samples[0].eventType`). Never throws.
 */
export function decodeSteering(props: Readonly<Record<string, unknown>>): Either<ReadonlyArray<DefinitionIssue>, SteeringInputs> {
  const picked: Record<string, unknown> = {};
  for (const key of STEERING_KEYS) {
    if (Object.prototype.hasOwnProperty.call(props, key) && props[key] !== undefined) picked[key] = props[key];
  }
  const decoded = SteeringInputs.validate(picked, [{ key: "", type: SteeringInputs, actual: picked }]);
  return decoded._tag === "Left" ? left(issuesFromErrors(decoded.left)) : right(decoded.right);
}
