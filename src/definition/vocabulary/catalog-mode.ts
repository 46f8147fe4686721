import * as t from "io-ts";
import { oneOf } from "../codec-kit";

/**
 * How strictly a definition is checked against the organization's topic
 * catalog (`genesys:catalog`): `enforce` fails `check` (so `pulumi preview`
 * fails), `warn` reports the same problems as warnings, `off` skips the check
 * (for a topic Genesys has not documented).
 */
export const CATALOG_MODES = ["enforce", "warn", "off"] as const;
/** Codec of a catalog mode: one of {@link CATALOG_MODES}. */
export const CatalogMode = oneOf("CatalogMode", CATALOG_MODES);
/** A catalog mode. */
export type CatalogMode = t.TypeOf<typeof CatalogMode>;
/** The mode when the settings choose none. */
export const DEFAULT_CATALOG_MODE: CatalogMode = "enforce";
