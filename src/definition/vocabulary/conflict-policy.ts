import * as t from "io-ts";
import { oneOf } from "../codec-kit";

/** What a conditional write does when the remote object changed underneath: re-apply the declaration, or stop and show the change. */
export const CONFLICT_POLICIES = ["overwrite", "fail"] as const;
/** Codec of a conflict policy: one of {@link CONFLICT_POLICIES}. */
export const ConflictPolicy = oneOf("ConflictPolicy", CONFLICT_POLICIES);
/** A conflict policy. */
export type ConflictPolicy = t.TypeOf<typeof ConflictPolicy>;
/** The policy when neither the resource nor the provider settings choose one. */
export const DEFAULT_CONFLICT_POLICY: ConflictPolicy = "overwrite";
