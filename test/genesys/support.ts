import { isLeft } from "fp-ts/Either";
import { Clock, GenesysClient, SourceApi, TokenCache, createGenesysClient, createSourceApi } from "../../src/genesys";
import type { ClientSettings } from "../../src/genesys";
import { RunningEmulator, defaultCredentials, startEmulator } from "../../src/emulator";
import { SourceDefinition, validateDefinition } from "../../src/definition";

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
      { eventType: "conversation.created", conditions: [{ field: "metadata.source", operator: "eq", value: source }] },
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
