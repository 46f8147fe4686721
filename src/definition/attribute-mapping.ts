import * as t from "io-ts";
import { struct } from "./codec-kit";
import { FieldPath } from "./field-path";

/** Codec of an attribute mapping: copy the event's `source` field to `target` of the projected event. */
export const AttributeMapping = struct("AttributeMapping", { source: FieldPath, target: FieldPath }, {});
/** An attribute mapping. */
export type AttributeMapping = t.TypeOf<typeof AttributeMapping>;
