import { Reply, genesysError } from "../http-io";
import type { EmulatorRequest, Route } from "../router";
import type { EmulatorState } from "../state";
import type { IntegrationReadLag } from "./integration-lag";
import { INTEGRATIONS, StoredIntegration, asIntegration } from "./integration-records";

function record(body: unknown): Record<string, unknown> | undefined {
  return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

function absent(request: EmulatorRequest): Reply {
  return genesysError(404, "not.found", `integration '${request.params.id}' not found`, request.correlationId);
}

/**
 * Changes an integration the way a console user or another tool would:
 * top-level `name`, `intendedState`, `notes` replace the integration's;
 * `config` fields (`name`, `properties`, `advanced`, `notes`, `credentials`)
 * replace the config's and bump its version. Not validated, on purpose.
 */
function edited(before: StoredIntegration, body: Record<string, unknown>): StoredIntegration {
  const text = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
  const object = (v: unknown, fallback: Record<string, unknown>) => record(v) ?? fallback;
  const config = record(body["config"]);
  const name = text(body["name"], before.name);
  return {
    ...before,
    name,
    intendedState: text(body["intendedState"], before.intendedState),
    notes: text(body["notes"], before.notes),
    config: config === undefined
      ? { ...before.config, name }
      : {
        name: text(config["name"], name),
        version: before.config.version + 1,
        properties: object(config["properties"], before.config.properties),
        advanced: object(config["advanced"], before.config.advanced),
        notes: text(config["notes"], before.config.notes),
        credentials: object(config["credentials"], before.config.credentials),
      },
  };
}

/**
 * The emulator's control routes for integrations: the read-after-write lag
 * switch, listing, and editing or deleting an integration behind the
 * client's back (drift tests). Documented in `src/emulator/README.md`.
 */
export function integrationAdminRoutes(state: EmulatorState, lag: IntegrationReadLag): ReadonlyArray<Route> {
  const integrations = () => state.collection(INTEGRATIONS);
  return [
    {
      method: "POST",
      pattern: "/__emulator/integrations/lag",
      access: "admin",
      handle(request) {
        const reads = record(request.body)?.["reads"];
        if (typeof reads !== "number" || !Number.isInteger(reads) || reads < 0) {
          return genesysError(400, "bad.request", "expected { \"reads\": <integer >= 0> }", request.correlationId);
        }
        state.integrationReadLag = reads;
        return { status: 200, body: { reads } };
      },
    },
    {
      method: "GET",
      pattern: "/__emulator/integrations",
      access: "admin",
      handle: () => ({ status: 200, body: { entities: integrations().list().map((d) => d.body) } }),
    },
    {
      method: "GET",
      pattern: "/__emulator/integrations/:id",
      access: "admin",
      handle(request) {
        const doc = integrations().get(request.params.id);
        return doc === undefined ? absent(request) : { status: 200, body: doc.body };
      },
    },
    {
      method: "PATCH",
      pattern: "/__emulator/integrations/:id",
      access: "admin",
      async handle(request) {
        const doc = integrations().get(request.params.id);
        const before = doc === undefined ? undefined : asIntegration(doc.body);
        if (before === undefined) return absent(request);
        const body = record(request.body);
        if (body === undefined) return genesysError(400, "bad.request", "expected a JSON object", request.correlationId);
        const next = edited(before, body);
        integrations().write(next.id, next);
        await state.persist();
        return { status: 200, body: next };
      },
    },
    {
      method: "DELETE",
      pattern: "/__emulator/integrations/:id",
      access: "admin",
      async handle(request) {
        const outcome = integrations().remove(request.params.id);
        lag.forget(request.params.id);
        await state.persist();
        return outcome === "removed" ? { status: 204 } : absent(request);
      },
    },
  ];
}
