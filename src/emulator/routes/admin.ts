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

/**
 * The emulator's control API under `/__emulator/`: the journal, reset, fault
 * injection, the permission mode, token lifetime and revocation, and the
 * rate limit. Documented in `src/emulator/README.md`.
 */
export const adminRoutes: RouteModule = (state): ReadonlyArray<Route> => [
  { method: "GET", pattern: "/__emulator/journal", access: "admin", handle: () => ({ status: 200, body: { entries: state.journal.list() } }) },
  {
    method: "POST",
    pattern: "/__emulator/reset",
    access: "admin",
    async handle() {
      await state.reset();
      return { status: 204 };
    },
  },
  { method: "GET", pattern: "/__emulator/faults", access: "admin", handle: () => ({ status: 200, body: { faults: state.faults.list() } }) },
  {
    method: "POST",
    pattern: "/__emulator/faults",
    access: "admin",
    handle(request) {
      const spec = FaultSpec.decode(request.body);
      if (isLeft(spec)) return badAdmin(request, `invalid fault: ${PathReporter.report(spec).join("; ")}`);
      return { status: 201, body: state.faults.add(spec.right) };
    },
  },
  {
    method: "DELETE",
    pattern: "/__emulator/faults",
    access: "admin",
    handle() {
      state.faults.clear();
      return { status: 204 };
    },
  },
  {
    method: "POST",
    pattern: "/__emulator/permissions",
    access: "admin",
    handle(request) {
      const write = field(request.body, "write");
      if (typeof write !== "boolean") return badAdmin(request, "expected { \"write\": true | false }");
      state.writable = write;
      return { status: 200, body: { write } };
    },
  },
  {
    method: "POST",
    pattern: "/__emulator/token-lifetime",
    access: "admin",
    handle(request) {
      const seconds = field(request.body, "seconds");
      if (typeof seconds !== "number" || !(seconds > 0)) return badAdmin(request, "expected { \"seconds\": <positive number> }");
      state.tokens.lifetimeSeconds = seconds;
      return { status: 200, body: { seconds } };
    },
  },
  {
    method: "POST",
    pattern: "/__emulator/tokens/revoke",
    access: "admin",
    handle() {
      state.tokens.revokeAll();
      return { status: 204 };
    },
  },
  {
    method: "POST",
    pattern: "/__emulator/latency",
    access: "admin",
    handle(request) {
      const ms = field(request.body, "ms");
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0 || ms > 60_000) return badAdmin(request, "expected { \"ms\": 0..60000 }");
      state.latencyMs = ms;
      return { status: 200, body: { ms } };
    },
  },
  {
    method: "POST",
    pattern: "/__emulator/rate-limit",
    access: "admin",
    handle(request) {
      const model = rateLimitModel(request.body);
      if (typeof model === "string") return badAdmin(request, model);
      state.rateLimiter.configure(model.bucket);
      state.rateWindows.configure(model.windows);
      return { status: 200, body: model.bucket === undefined && Object.keys(model.windows).length === 0 ? { enabled: false } : { enabled: true, ...model.bucket, ...model.windows } };
    },
  },
];
