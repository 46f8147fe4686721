import { isLeft } from "fp-ts/Either";
import { PathReporter } from "io-ts/PathReporter";
import { FaultSpec } from "../faults";
import { Reply, genesysError } from "../http-io";
import { RateLimitSettings } from "../rate-limit";
import { WindowLimits } from "../rate-windows";
import type { EmulatorRequest, Route, RouteModule } from "../router";

function badAdmin(request: EmulatorRequest, message: string): Reply {
  return genesysError(400, "bad.request", message, request.correlationId);
}

const rateLimitUsage =
  "expected { \"perToken\": { \"allowed\": >= 1, \"windowSeconds\": > 0 }, \"perClient\"?: ..., \"perOrganization\"?: ... }, " +
  "{ \"capacity\": >= 1, \"refillPerSecond\": >= 0 } or { \"enabled\": false }";

/**
 * The rate-limit model a `POST /__emulator/rate-limit` body sets: the
 * platform's fixed windows (`perToken`, `perClient`, `perOrganization`), the
 * per-client token bucket (`capacity`, `refillPerSecond`), both, or neither
 * (`enabled: false`); what the body leaves out is off. A string says what is wrong.
 */
function rateLimitModel(body: unknown): { bucket: RateLimitSettings | undefined; windows: WindowLimits } | string {
  if (field(body, "enabled") === false) return { bucket: undefined, windows: {} };
  const { capacity, refillPerSecond, enabled: _enabled, ...rest } = (body !== null && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const windows = WindowLimits.decode(rest);
  if (isLeft(windows)) return `${rateLimitUsage}: ${PathReporter.report(windows).join("; ")}`;
  const unknown = Object.keys(rest).filter((k) => !(k in windows.right));
  if (unknown.length > 0) return `${rateLimitUsage}: unknown field ${unknown.join(", ")}`;
  if (capacity === undefined && refillPerSecond === undefined) {
    return Object.keys(windows.right).length === 0 ? rateLimitUsage : { bucket: undefined, windows: windows.right };
  }
  if (typeof capacity !== "number" || capacity < 1 || typeof refillPerSecond !== "number" || refillPerSecond < 0) return rateLimitUsage;
  return { bucket: { capacity, refillPerSecond }, windows: windows.right };
}

function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
}

/** A control route at `/__emulator/<name>`. */
function adminRoute(method: string, name: string, handle: Route["handle"]): Route {
  return { method, pattern: `/__emulator/${name}`, access: "admin", handle };
}

/**
 * A control route that sets one value: `POST /__emulator/<name>` with
 * `{ "<key>": value }`. A value `valid` refuses is a 400 saying `usage`; one
 * it accepts is applied and echoed back.
 */
function settingRoute<T>(name: string, key: string, valid: (value: unknown) => value is T, usage: string, apply: (value: T) => void): Route {
  return adminRoute("POST", name, (request) => {
    const value = field(request.body, key);
    if (!valid(value)) return badAdmin(request, usage);
    apply(value);
    return { status: 200, body: { [key]: value } };
  });
}

/**
 * The emulator's control API under `/__emulator/`: the journal, reset, fault
 * injection, the permission mode, token lifetime and revocation, and the
 * rate limit. Documented in `src/emulator/README.md`.
 */
export const adminRoutes: RouteModule = (state): ReadonlyArray<Route> => [
  adminRoute("GET", "journal", () => ({ status: 200, body: { entries: state.journal.list() } })),
  adminRoute("POST", "reset", async () => {
    await state.reset();
    return { status: 204 };
  }),
  adminRoute("GET", "faults", () => ({ status: 200, body: { faults: state.faults.list() } })),
  adminRoute("POST", "faults", (request) => {
    const spec = FaultSpec.decode(request.body);
    if (isLeft(spec)) return badAdmin(request, `invalid fault: ${PathReporter.report(spec).join("; ")}`);
    return { status: 201, body: state.faults.add(spec.right) };
  }),
  adminRoute("DELETE", "faults", () => {
    state.faults.clear();
    return { status: 204 };
  }),
  settingRoute("permissions", "write", (v): v is boolean => typeof v === "boolean", "expected { \"write\": true | false }", (write) => {
    state.writable = write;
  }),
  settingRoute("token-lifetime", "seconds", (v): v is number => typeof v === "number" && v > 0, "expected { \"seconds\": <positive number> }", (seconds) => {
    state.tokens.lifetimeSeconds = seconds;
  }),
  adminRoute("POST", "tokens/revoke", () => {
    state.tokens.revokeAll();
    return { status: 204 };
  }),
  settingRoute("latency", "ms", (v): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 60_000, "expected { \"ms\": 0..60000 }", (ms) => {
    state.latencyMs = ms;
  }),
  adminRoute("POST", "rate-limit", (request) => {
    const model = rateLimitModel(request.body);
    if (typeof model === "string") return badAdmin(request, model);
    state.rateLimiter.configure(model.bucket);
    state.rateWindows.configure(model.windows);
    return { status: 200, body: model.bucket === undefined && Object.keys(model.windows).length === 0 ? { enabled: false } : { enabled: true, ...model.bucket, ...model.windows } };
  }),
];
