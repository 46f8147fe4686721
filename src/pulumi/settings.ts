import { resolveAuditLocation } from "../audit/default-path";
import { API_KINDS, ApiKind, DEFAULT_API_KIND } from "../definition/vocabulary/api-kind";
import { CATALOG_MODES, CatalogMode, DEFAULT_CATALOG_MODE } from "../definition/vocabulary/catalog-mode";
import { CONFLICT_POLICIES, ConflictPolicy, DEFAULT_CONFLICT_POLICY } from "../definition/vocabulary/conflict-policy";
import { domainOf, regionDomains } from "../genesys/regions";
import { DEFAULT_TOKEN_POOL, MAX_TOKEN_POOL } from "../genesys/token-pool";
import { UNKNOWN } from "./unknowns";

/**
 * Provider settings: where Genesys is, how to authenticate, where the audit
 * log lives. Read from stack config under `genesys:` with the conventional
 * `GENESYSCLOUD_*` environment variables as fallbacks.
 */
export interface ProviderSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly region?: string;
  readonly apiBaseUrl?: string;
  readonly authBaseUrl?: string;
  readonly api: ApiKind;
  /** The audit log: an absolute file path (relative ones are resolved against the Pulumi project root) or `s3://bucket/prefix`. */
  readonly auditLogPath: string;
  /** An S3-compatible endpoint for an `s3://` audit log (`genesys:auditS3Endpoint`); pass it to the audit calls as `s3Endpoint`. */
  readonly auditS3Endpoint?: string;
  readonly defaultConflictPolicy: ConflictPolicy;
  /** How many client-credentials tokens the provider process spreads its requests over (`genesys:tokenPool`). */
  readonly tokenPool: number;
  /** How `check` treats what the topic catalog refutes (`genesys:catalog`): `enforce` (default), `warn` or `off`. */
  readonly catalog: CatalogMode;
  /** A saved topic catalog to check against instead of Genesys's (`genesys:catalogFile`), for pipelines without network to Genesys. */
  readonly catalogFile?: string;
}

/** Reads one config value; `undefined` when absent. Keys are given without namespace. */
export type ConfigGetter = (key: string) => string | undefined;

/** A problem with the settings, naming the config key. */
export interface SettingsIssue {
  readonly key: string;
  readonly message: string;
}

/**
 * Builds the settings from config and environment. Missing credentials are
 * reported by key, never by value.
 */
export function readSettings(
  get: ConfigGetter,
  env: Readonly<Record<string, string | undefined>>,
): { settings?: ProviderSettings; issues: SettingsIssue[] } {
  // Where each value came from, so that a message about an environment variable names it.
  const origin = new Map<string, string>();
  const pick = (key: string, envName?: string): string | undefined => {
    const fromConfig = get(key);
    if (fromConfig !== undefined && fromConfig !== "") return fromConfig;
    const fromEnv = envName === undefined ? undefined : env[envName];
    if (fromEnv === undefined || fromEnv === "") return undefined;
    origin.set(key, envName!);
    return fromEnv;
  };
  // A value the engine does not know yet (preview) is checked once it is known.
  const known = (v: string | undefined): v is string => v !== undefined && v !== UNKNOWN;
  const from = (key: string) => (origin.has(key) ? ` (from ${origin.get(key)})` : "");
  const issues: SettingsIssue[] = [];
  const clientId = pick("clientId", "GENESYSCLOUD_OAUTHCLIENT_ID");
  const clientSecret = pick("clientSecret", "GENESYSCLOUD_OAUTHCLIENT_SECRET");
  if (clientId === undefined) {
    issues.push({ key: "genesys:clientId", message: "missing: set it in stack config or GENESYSCLOUD_OAUTHCLIENT_ID" });
  }
  if (clientSecret === undefined) {
    issues.push({
      key: "genesys:clientSecret",
      message: "missing: set it with `pulumi config set --secret genesys:clientSecret` or GENESYSCLOUD_OAUTHCLIENT_SECRET",
    });
  }
  const region = pick("region", "GENESYSCLOUD_REGION");
  const apiBaseUrl = pick("apiBaseUrl", "GENESYSCLOUD_API_BASE_URL");
  const authBaseUrl = pick("authBaseUrl", "GENESYSCLOUD_AUTH_BASE_URL") ?? apiBaseUrl;
  if (region === undefined && apiBaseUrl === undefined) {
    issues.push({ key: "genesys:region", message: "missing: set genesys:region (e.g. us-east-1) or genesys:apiBaseUrl" });
  }
  if (known(region) && domainOf(region) === undefined) {
    issues.push({
      key: "genesys:region",
      message: `unknown region '${region}'${from("region")} (known: ${Object.keys(regionDomains).join(", ")}; or a Genesys domain such as mypurecloud.ie)`,
    });
  }
  for (const [key, value] of [["apiBaseUrl", apiBaseUrl], ["authBaseUrl", pick("authBaseUrl", "GENESYSCLOUD_AUTH_BASE_URL")]] as const) {
    if (known(value) && !isHttpUrl(value)) {
      issues.push({ key: `genesys:${key}`, message: `expected an http or https URL such as https://api.mypurecloud.ie, found '${value}'${from(key)}` });
    }
  }
  const api = (pick("api", "GENESYS_EVENTBRIDGE_API") ?? DEFAULT_API_KIND) as ApiKind;
  if (known(api) && !ApiKind.is(api)) {
    issues.push({ key: "genesys:api", message: `unknown API '${api}'${from("api")} (known: ${API_KINDS.join(", ")})` });
  }
  const auditS3Endpoint = pick("auditS3Endpoint");
  const policy = (pick("conflictPolicy") ?? DEFAULT_CONFLICT_POLICY) as ConflictPolicy;
  if (known(policy) && !ConflictPolicy.is(policy)) {
    issues.push({ key: "genesys:conflictPolicy", message: `unknown conflict policy '${policy}' (known: ${CONFLICT_POLICIES.join(", ")})` });
  }
  const poolText = pick("tokenPool", "GENESYS_EVENTBRIDGE_TOKEN_POOL");
  const tokenPool = poolText === undefined || !known(poolText) ? DEFAULT_TOKEN_POOL : Number(poolText.trim());
  if (known(poolText) && !(/^\s*\d+\s*$/.test(poolText) && tokenPool >= 1 && tokenPool <= MAX_TOKEN_POOL)) {
    issues.push({ key: "genesys:tokenPool", message: `expected a whole number of tokens from 1 to ${MAX_TOKEN_POOL} (default ${DEFAULT_TOKEN_POOL}), found '${poolText}'${from("tokenPool")}` });
  }
  const catalog = (pick("catalog", "GENESYS_EVENTBRIDGE_CATALOG") ?? DEFAULT_CATALOG_MODE) as CatalogMode;
  if (known(catalog) && !CatalogMode.is(catalog)) {
    issues.push({ key: "genesys:catalog", message: `unknown catalog mode '${catalog}'${from("catalog")} (known: ${CATALOG_MODES.join(", ")})` });
  }
  const catalogFile = pick("catalogFile");
  if (issues.length > 0 || clientId === undefined || clientSecret === undefined) return { issues };
  return {
    issues,
    settings: {
      clientId,
      clientSecret,
      region,
      apiBaseUrl,
      authBaseUrl,
      api,
      auditLogPath: resolveAuditLocation(pick("auditLogPath"), process.cwd(), env),
      ...(auditS3Endpoint === undefined ? {} : { auditS3Endpoint }),
      defaultConflictPolicy: policy,
      tokenPool,
      catalog,
      ...(catalogFile === undefined ? {} : { catalogFile }),
    },
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
