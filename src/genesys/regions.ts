import { Either, left, right } from "fp-ts/Either";

/**
 * The Genesys Cloud domain of each AWS-style region name. Hosts are
 * `api.<domain>` and `login.<domain>`; see
 * https://developer.genesys.cloud/platform/api/ (Regions and URLs).
 */
export const regionDomains: Readonly<Record<string, string>> = {
  "us-east-1": "mypurecloud.com",
  "us-east-2": "use2.us-gov-pure.cloud",
  "us-west-2": "usw2.pure.cloud",
  "ca-central-1": "cac1.pure.cloud",
  "sa-east-1": "sae1.pure.cloud",
  "mx-central-1": "mxc1.pure.cloud",
  "eu-west-1": "mypurecloud.ie",
  "eu-west-2": "euw2.pure.cloud",
  "eu-central-1": "mypurecloud.de",
  "eu-central-2": "euc2.pure.cloud",
  "eusc-de-east-1": "edee1.eusc-pure.cloud",
  "ap-northeast-1": "mypurecloud.jp",
  "ap-northeast-2": "apne2.pure.cloud",
  "ap-northeast-3": "apne3.pure.cloud",
  "ap-south-1": "aps1.pure.cloud",
  "ap-southeast-1": "apse1.pure.cloud",
  "ap-southeast-2": "mypurecloud.com.au",
  "me-central-1": "mec1.pure.cloud",
};

/** The two origins a client talks to: the Platform API and the OAuth login host. */
export interface Hosts {
  /** e.g. `https://api.mypurecloud.ie` (no trailing slash). */
  readonly apiBaseUrl: string;
  /** e.g. `https://login.mypurecloud.ie` (no trailing slash). */
  readonly authBaseUrl: string;
}

/** How to find the hosts: a region or domain, and optional explicit overrides. */
export interface HostSettings {
  /** An AWS-style region (`eu-west-1`) or a raw Genesys domain (`mypurecloud.ie`); default `us-east-1`. */
  readonly region?: string;
  /** Overrides the API origin (an emulator, a proxy). */
  readonly apiBaseUrl?: string;
  /** Overrides the login origin; defaults to `apiBaseUrl` when only that is given. */
  readonly authBaseUrl?: string;
}

/** A region that is neither a known region name nor a domain. */
export interface UnknownRegion {
  readonly _tag: "UnknownRegion";
  readonly region: string;
  readonly valid: ReadonlyArray<string>;
}

/** The message for an `UnknownRegion`, listing the valid names. */
export function describeUnknownRegion(e: UnknownRegion): string {
  return `unknown Genesys Cloud region '${e.region}': use one of ${e.valid.join(", ")}, a Genesys domain such as mypurecloud.ie, or an explicit API base URL`;
}

const domainPattern = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** The domain of a region name or raw domain; `undefined` when it is neither. */
export function domainOf(region: string): string | undefined {
  const r = region.trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(regionDomains, r)) return regionDomains[r];
  return domainPattern.test(r) ? r : undefined;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, "");

/**
 * Resolves the API and login origins. Explicit base URLs win; when only the
 * API base is given, the login host is the same origin (the emulator serves
 * both). Otherwise the region (default `us-east-1`) picks the domain.
 */
export function resolveHosts(settings: HostSettings): Either<UnknownRegion, Hosts> {
  const api = settings.apiBaseUrl === undefined ? undefined : trimSlash(settings.apiBaseUrl);
  const auth = settings.authBaseUrl === undefined ? undefined : trimSlash(settings.authBaseUrl);
  if (api !== undefined && auth !== undefined) return right({ apiBaseUrl: api, authBaseUrl: auth });
  if (api !== undefined && settings.region === undefined) return right({ apiBaseUrl: api, authBaseUrl: auth ?? api });
  const region = settings.region ?? "us-east-1";
  const domain = domainOf(region);
  if (domain === undefined) return left({ _tag: "UnknownRegion", region, valid: Object.keys(regionDomains) });
  return right({
    apiBaseUrl: api ?? `https://api.${domain}`,
    authBaseUrl: auth ?? `https://login.${domain}`,
  });
}
