import { Either, isLeft, left, right } from "fp-ts/Either";
import type { Clock } from "../../src/genesys/clock";
import { createGenesysClient } from "../../src/genesys/client";
import type { GenesysClient } from "../../src/genesys/client";
import type { SourceApi } from "../../src/genesys/port";
import { TokenCache } from "../../src/genesys/token-cache";
import { createSourceApi } from "../../src/genesys/factory";
import type { ClientSettings } from "../../src/genesys/client";
import type { CreateRequest, DeleteRequest, UpdateRequest, WriteAudit, WriteFailure, WriteOutcome, WriteRecord } from "../../src/genesys/port";
import { auditRefusal } from "../../src/genesys/port";
import { RunningEmulator, defaultCredentials, startEmulator } from "../../src/emulator";
import { SourceDefinition, validateDefinition } from "../../src/definition";
import { payloadOf, PreparedPayload } from "../../src/definition/prepare";

/** A valid definition as plain JSON; `id` and a condition value vary per test. */
export function definitionJson(id = "orders-source", source = "web"): Record<string, unknown> {
  return {
    id,
    eventStreamType: "aws-eventbridge",
    configuration: {
      awsAccountId: "123456789012",
      roleArn: "arn:aws:iam::123456789012:role/genesys-eb-role",
      region: "us-east-1",
    },
    filters: [
      { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "metadata.source", operator: "eq", value: source }] },
    ],
    transformations: [{ sourceField: "conversation.id", targetField: "convId", type: "direct" }],
    attributeMappings: [{ source: "attributes.tenantId", target: "custom.tenant" }],
  };
}

/** The decoded definition of `definitionJson`. */
export function definition(id = "orders-source", source = "web"): SourceDefinition {
  const decoded = validateDefinition(definitionJson(id, source));
  if (isLeft(decoded)) throw new Error(`fixture is invalid: ${JSON.stringify(decoded.left)}`);
  return decoded.right;
}

/** Fast retry settings so that backoff does not slow the suite. */
export const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };

/** Client settings for an emulator, with a private token cache. */
export function settingsFor(emulator: RunningEmulator, extra: Partial<ClientSettings> = {}): ClientSettings {
  return {
    clientId: defaultCredentials.clientId,
    clientSecret: defaultCredentials.clientSecret,
    apiBaseUrl: emulator.url,
    retry: fastRetry,
    tokenCache: new TokenCache(),
    ...extra,
  };
}

/** A client for an emulator (throws on a settings error: fixtures are valid). */
export function clientFor(emulator: RunningEmulator, extra: Partial<ClientSettings> = {}): GenesysClient {
  const client = createGenesysClient(settingsFor(emulator, extra));
  if (isLeft(client)) throw new Error(client.left._tag);
  return client.right;
}

/** An event-streams adapter for an emulator. */
export function apiFor(emulator: RunningEmulator, extra: Partial<ClientSettings> & { conflictAttempts?: number } = {}): SourceApi {
  const api = createSourceApi({ ...settingsFor(emulator, extra), api: "event-streams" });
  if (isLeft(api)) throw new Error(api.left._tag);
  return api.right;
}

/** Starts an emulator for one test file. */
export function emulatorFixture(options: Parameters<typeof startEmulator>[0] = {}): { get: () => RunningEmulator } {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(async () => {
    await emulator?.reset();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return {
    get: () => {
      if (emulator === undefined) throw new Error("emulator not started");
      return emulator;
    },
  };
}

/** A clock on real time whose `now` can be moved forward. */
export function shiftedClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random(),
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** The method, path and status of each journal entry. */
export function calls(emulator: RunningEmulator): string[] {
  return emulator.journal().map((e) => `${e.method} ${e.path} ${e.status}`);
}

/** An audit log in memory: what the write protocol appended, in order. */
export function memoryAudit(options: { refuse?: boolean; refuseAfter?: number } = {}): WriteAudit & { records: WriteRecord[] } {
  const records: WriteRecord[] = [];
  return {
    records,
    async append(record) {
      if (options.refuse === true || (options.refuseAfter !== undefined && records.length >= options.refuseAfter)) return left(auditRefusal("IoFailure", "the log is read-only"));
      records.push(record);
      return right({ auditId: `a${records.length}`, hash: `h${records.length}`, timestamp: `2026-01-01T00:00:0${records.length % 10}.000Z` });
    },
  };
}

/** `def` prepared as an operation passes it on, its payload hash replaced by `"hash"` so that audit records are easy to compare. */
export function prepared(def: SourceDefinition = definition()): PreparedPayload {
  const made = payloadOf(def);
  if (isLeft(made)) throw new Error(`test definition is invalid: ${JSON.stringify(made.left)}`);
  return { ...made.right, payloadHash: "hash" };
}

/** A create request for `def` by the test owner; `extra` overrides. */
export function createRequest(def: SourceDefinition = definition(), extra: Partial<CreateRequest> = {}): CreateRequest {
  return { prepared: prepared(def), options: {}, owner: "project/stack/orders", adoptExisting: false, ...extra };
}

/** An update request of `remoteId` with the recorded `token`; `extra` overrides. */
export function updateRequest(remoteId: string, token: string, def: SourceDefinition = definition(), extra: Partial<UpdateRequest> = {}): UpdateRequest {
  return { remoteId, prepared: prepared(def), options: {}, token, policy: "fail", ...extra };
}

/** A delete request of `remoteId`. */
export function deleteRequest(remoteId: string, sourceId = "orders-source"): DeleteRequest {
  return { remoteId, sourceId, payloadHash: "hash" };
}

/** The outcome's right side, or a thrown error naming the failure (for tests that expect success). */
export function ok(result: Either<WriteFailure, WriteOutcome>): WriteOutcome {
  if (isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
}

/** The failure's error, or a thrown error (for tests that expect failure). */
export function failed(result: Either<WriteFailure, WriteOutcome>): WriteFailure {
  if (!isLeft(result)) throw new Error(`expected failure, got ${result.right.status}`);
  return result.left;
}

/** The `result` and `action` of each record, as `intent:create`. */
export function recordKinds(audit: { records: WriteRecord[] }): string[] {
  return audit.records.map((r) => `${r.result}:${r.action}`);
}
