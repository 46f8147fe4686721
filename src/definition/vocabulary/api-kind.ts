import * as t from "io-ts";
import { oneOf } from "../codec-kit";

/** The Genesys API contracts the provider can speak: the real Integrations API, or the original design's event-streams contract. */
export const API_KINDS = ["event-streams", "integrations"] as const;
/** Codec of an API contract: one of {@link API_KINDS}. */
export const ApiKind = oneOf("ApiKind", API_KINDS);
/** An API contract. */
export type ApiKind = t.TypeOf<typeof ApiKind>;
/** The contract spoken when none is chosen: the real Genesys Cloud Integrations API. */
export const DEFAULT_API_KIND: ApiKind = "integrations";
