import * as t from "io-ts";
import { struct } from "./codec-kit";
import { FieldPath } from "./field-path";

/** Codec of an attribute mapping: copy the event's `source` field to `target` of the projected event. */
export const AttributeMapping = struct(
  "AttributeMapping",
  {
    /**
     * The event field copied: a dotted path of 1..16 segments.
     * @example "divisionId"
     */
    source: FieldPath,
    /**
     * The field of the projected event written: a dotted path of 1..16 segments.
     * @example "custom.division"
     */
    target: FieldPath,
  },
  {},
);
/** An attribute mapping. */
export type AttributeMapping = t.TypeOf<typeof AttributeMapping>;
