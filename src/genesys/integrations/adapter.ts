import { Either, isLeft, left, right } from "fp-ts/Either";
import * as t from "io-ts";
import { PathReporter } from "io-ts/PathReporter";
import type { SourceDefinition } from "../../definition";
import { changedPaths } from "../../definition/changed-paths";
import { correlationIdOf } from "../classify";
import type { ApiRequest, GenesysClient } from "../client";
import { GenesysError, conflict, contextOf, decodeError, notFound, serverError } from "../errors";
import type { ConflictPolicy, RemoteSource, SourceApi, WriteOptions, WriteOutcome } from "../port";
import { Integration, IntegrationConfiguration, IntegrationListing } from "./codec";
import { organizationIdOf } from "./organization";
import { EVENTBRIDGE_INTEGRATION_TYPE, configPath, integrationPath, integrationsPath, listingPath } from "./paths";
import { IntegrationState, desiredIntegrationState, partnerEventSourceName, remoteIntegrationState } from "./state";
import { isVersionConflict } from "./version-conflict";

/** Options of the integrations adapter. */
export interface IntegrationsOptions {
  /** How many config writes `overwrite` tries before giving up; default 3. */
  readonly conflictAttempts?: number;
  /** How long a just-written integration may answer 404 before that counts as gone; default 15000 ms. */
  readonly readAfterWriteMs?: number;
  /** How long a deleted integration may stay readable; default 15000 ms. */
  readonly deleteSettleMs?: number;
  /** The pause between two reads while waiting for the server to catch up; default 250 ms. */
  readonly pollIntervalMs?: number;
  /** Integrations per page when looking one up by name; default 100 (the API's maximum). */
  readonly pageSize?: number;
}

type Result<A> = Either<GenesysError, A>;

/** A value and the HTTP policy's repeats it took. */
interface Counted<A> {
  readonly value: A;
  readonly retries: number;
}

const maxPages = 1000;

/**
 * The `SourceApi` adapter for the Genesys Cloud Integrations API: an
 * EventBridge source is an integration of type `amazon-eventbridge-source`
 * whose current config holds the AWS account, region, event source suffix
 * and topic list. The config `version` is the concurrency token (`etag` is
 * its decimal string). Create is `POST /api/v2/integrations`, then a config
 * write (`PUT .../config/current` with the version just read), then
 * `PATCH` of the intended state; every write is followed by a read, so the
 * outcome shows what the server now holds. Reads tolerate the API's
 * read-after-write lag by polling for a bounded time, as the Genesys
 * Terraform provider does. See
 * https://developer.genesys.cloud/platform/api/ (Integrations).
 */
export class IntegrationsApi implements SourceApi {
  /** The adapter name. */
  readonly kind = "integrations";
  private readonly conflictAttempts: number;
  private readonly readAfterWriteMs: number;
  private readonly deleteSettleMs: number;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;

  constructor(
    private readonly client: GenesysClient,
    options: IntegrationsOptions = {},
  ) {
    this.conflictAttempts = Math.max(1, options.conflictAttempts ?? 3);
    this.readAfterWriteMs = Math.max(0, options.readAfterWriteMs ?? 15_000);
    this.deleteSettleMs = Math.max(0, options.deleteSettleMs ?? 15_000);
    this.pollIntervalMs = Math.max(1, options.pollIntervalMs ?? 250);
    this.pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 100)));
  }

  /** The integration's name, intended state and config properties a definition asks for (see `IntegrationState`). */
  desiredState(definition: SourceDefinition, options?: WriteOptions): IntegrationState {
    return desiredIntegrationState(definition, options);
  }

  /** Reads an integration and its current config; `null` when either answers 404. */
  async read(remoteId: string): Promise<Result<RemoteSource | null>> {
    const read = await this.readCounted(remoteId);
    return isLeft(read) ? read : right(read.right === null ? null : read.right.value);
  }

  /**
   * Finds the EventBridge source integration named `definitionId`, paging
   * through the list with `expand=config.current`. The type is checked on
   * each entity too, in case a server ignores the `integrationType` filter.
   * Two integrations with that name are a `Conflict`: adoption must be unambiguous.
   */
  async find(definitionId: string): Promise<Result<RemoteSource | null>> {
    const found: Integration[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const listed = await this.get(listingPath(page, this.pageSize), IntegrationListing);
      if (isLeft(listed)) return listed;
      if (listed.right === null) break;
      const { entities, pageCount } = listed.right.value;
      found.push(...entities.filter((e) => e.name === definitionId && e.integrationType?.id === EVENTBRIDGE_INTEGRATION_TYPE));
      if (entities.length === 0 || page >= (pageCount ?? page)) break;
    }
    if (found.length === 0) return right(null);
    if (found.length > 1) {
      const ids = found.map((e) => e.id).join(", ");
      return left(conflict({
        method: "GET",
        path: integrationsPath,
        message: `${found.length} EventBridge source integrations are named '${definitionId}' (${ids}); delete all but one to adopt it`,
      }));
    }
    const [one] = found;
    const current = one.config?.current;
    if (current === undefined) return this.read(one.id);
    return this.toRemote(one, current);
  }

  /**
   * Creates the integration named after the definition id, configures it and
   * sets its intended state (default `ENABLED`). An integration of that name
   * that already exists is a `Conflict` (adopt it instead). When a step after
   * the `POST` fails, the half-made integration is deleted again, so that a
   * failed create leaves nothing behind; the error says whether that worked.
   */
  async create(definition: SourceDefinition, options: WriteOptions = {}): Promise<Result<WriteOutcome>> {
    const existing = await this.find(definition.id);
    if (isLeft(existing)) return existing;
    if (existing.right !== null) {
      return left(conflict({
        method: "POST",
        path: integrationsPath,
        message: `an integration named '${definition.id}' already exists (${existing.right.remoteId}); adopt it instead of creating it`,
      }, undefined, existing.right.etag));
    }
    const posted = await this.send({
      method: "POST",
      path: integrationsPath,
      json: { name: definition.id, integrationType: { id: EVENTBRIDGE_INTEGRATION_TYPE } },
    }, Integration);
    if (isLeft(posted)) return posted;
    const id = posted.right.value.id;
    const configured = await this.apply(id, definition, options, undefined, "overwrite", posted.right.retries);
    if (!isLeft(configured)) return configured;
    const undone = await this.delete(id);
    const aftermath = isLeft(undone)
      ? `integration ${id} was created but could not be deleted again; delete or adopt it`
      : `integration ${id} was created and deleted again`;
    const e = configured.left;
    return left({ ...e, message: e.message === undefined ? aftermath : `${e.message} (${aftermath})` });
  }

  /**
   * Writes the definition's config if the config version still is `etag`,
   * then the intended state. A stale version (409, or 400 "does not match the
   * current version") is a conflict: the integration is re-read; `overwrite`
   * re-applies with the fresh version (bounded attempts), `fail` reports the
   * paths where the server differs from the definition.
   */
  replace(remoteId: string, definition: SourceDefinition, etag: string, policy: ConflictPolicy, options: WriteOptions = {}): Promise<Result<WriteOutcome>> {
    const version = /^\d+$/.test(etag) ? Number(etag) : Number.NaN;
    return this.apply(remoteId, definition, options, version, policy, 0);
  }

  /** Deletes the integration (404 counts as success), then waits until reads stop finding it. */
  async delete(remoteId: string): Promise<Result<void>> {
    const path = integrationPath(remoteId);
    const answer = await this.client.request({ method: "DELETE", path });
    if (isLeft(answer) && answer.left._tag !== "NotFound") return answer;
    if (!isLeft(answer) && answer.right.body !== undefined) {
      const decoded = this.decode("DELETE", path, answer.right, Integration);
      if (isLeft(decoded)) return decoded;
    }
    const deadline = this.client.clock.now() + this.deleteSettleMs;
    for (;;) {
      const seen = await this.get(path, Integration);
      if (isLeft(seen)) return seen;
      if (seen.right === null) return right(undefined);
      if (this.client.clock.now() >= deadline) {
        return left(serverError({
          method: "GET",
          path,
          message: `integration '${remoteId}' is still readable ${Math.ceil(this.deleteSettleMs / 1000)} s after it was deleted`,
        }));
      }
      await this.client.clock.sleep(this.pollIntervalMs);
    }
  }

  /**
   * The conditional config write and what follows it. `version` undefined
   * means "just created": the version is read first, waiting out the
   * read-after-write lag. `NaN` (an unusable token) counts as stale.
   */
  private async apply(
    id: string,
    definition: SourceDefinition,
    options: WriteOptions,
    initial: number | undefined,
    policy: ConflictPolicy,
    retriesSoFar: number,
  ): Promise<Result<WriteOutcome>> {
    const desired = this.desiredState(definition, options);
    const path = configPath(id);
    let retries = retriesSoFar;
    let conflicts = 0;
    let version = initial;
    if (version === undefined) {
      const current = await this.untilVisible(() => this.get(path, IntegrationConfiguration));
      if (isLeft(current)) return current;
      if (current.right === null) return left(notFound({ method: "GET", path, message: `integration '${id}' has no readable config after it was created` }));
      retries += current.right.retries;
      version = current.right.value.version;
    }
    for (let attempt = 1; ; attempt++) {
      const e = await this.putConfig(id, definition, desired, version);
      if (!isLeft(e)) {
        retries += e.right;
        break;
      }
      if (!isVersionConflict(e.left)) return e;
      conflicts++;
      const now = await this.readCounted(id);
      if (isLeft(now)) return now;
      if (now.right === null) return left(notFound({ method: "PUT", path, message: `integration '${id}' was deleted while it was being updated` }));
      retries += now.right.retries;
      const held = now.right.value;
      if (policy === "fail" || attempt >= this.conflictAttempts) {
        const why = policy === "fail"
          ? `integration '${id}' changed remotely (config version ${Number.isNaN(version) ? "(none)" : version} is stale, the server holds ${held.etag})`
          : `integration '${id}' kept changing remotely: gave up after ${attempt} config writes`;
        return left(conflict({ ...contextOf(e.left), message: why }, changedPaths(desired, held.state), held.etag));
      }
      version = Number(held.etag);
    }
    const patched = await this.send({ method: "PATCH", path: integrationPath(id), json: { intendedState: desired.intendedState } }, Integration);
    if (isLeft(patched)) return patched;
    retries += patched.right.retries;
    const settled = await this.untilVisible(() => this.readCounted(id));
    if (isLeft(settled)) return settled;
    if (settled.right === null) return left(notFound({ method: "GET", path: integrationPath(id), message: `integration '${id}' is not readable after it was written` }));
    return right({ source: settled.right.value, retries: retries + settled.right.retries, conflicts });
  }

  /** `PUT .../config/current` with `version`; the HTTP policy's repeats, or the failure. NaN is not sent. */
  private async putConfig(id: string, definition: SourceDefinition, desired: IntegrationState, version: number): Promise<Result<number>> {
    const path = configPath(id);
    if (Number.isNaN(version)) return left(conflict({ method: "PUT", path, message: "the concurrency token is not a config version" }));
    const written = await this.send({
      method: "PUT",
      path,
      json: {
        name: desired.name,
        version,
        notes: `Managed by genesys-eventbridge (source definition '${definition.id}')`,
        properties: desired.properties,
        advanced: {},
        credentials: {},
      },
    }, IntegrationConfiguration);
    return isLeft(written) ? written : right(written.right.retries);
  }

  /** Repeats `read` while it finds nothing, for at most `readAfterWriteMs`. Lag polls are not HTTP retries. */
  private async untilVisible<A>(read: () => Promise<Result<Counted<A> | null>>): Promise<Result<Counted<A> | null>> {
    const deadline = this.client.clock.now() + this.readAfterWriteMs;
    for (;;) {
      const got = await read();
      if (isLeft(got) || got.right !== null || this.client.clock.now() >= deadline) return got;
      await this.client.clock.sleep(this.pollIntervalMs);
    }
  }

  /** Reads the integration, then its config; `null` when either is absent. */
  private async readCounted(id: string): Promise<Result<Counted<RemoteSource> | null>> {
    const integration = await this.get(integrationPath(id), Integration);
    if (isLeft(integration) || integration.right === null) return integration as Result<null>;
    const config = await this.get(configPath(id), IntegrationConfiguration);
    if (isLeft(config) || config.right === null) return config as Result<null>;
    const source = await this.toRemote(integration.right.value, config.right.value);
    if (isLeft(source)) return source;
    return right({ value: source.right, retries: integration.right.retries + config.right.retries });
  }

  /** The `RemoteSource` of an integration and its config; asks for the organization id once per client. */
  private async toRemote(integration: Integration, config: IntegrationConfiguration): Promise<Result<RemoteSource>> {
    const state = remoteIntegrationState(integration, config);
    const suffix = state.properties["eventSourceSuffix"];
    const facts: Record<string, string> = {};
    if (typeof suffix === "string" && suffix !== "") {
      const org = await organizationIdOf(this.client);
      if (isLeft(org)) return org;
      facts["partnerEventSourceName"] = partnerEventSourceName(org.right, suffix);
    }
    return right({ remoteId: integration.id, etag: String(config.version), state, facts });
  }

  /** `GET path` decoded with `codec`; `null` on 404. */
  private async get<A>(path: string, codec: t.Decoder<unknown, A>): Promise<Result<Counted<A> | null>> {
    const answer = await this.client.request({ method: "GET", path });
    if (isLeft(answer)) return answer.left._tag === "NotFound" ? right(null) : answer;
    const value = this.decode("GET", path, answer.right, codec);
    return isLeft(value) ? value : right({ value: value.right, retries: answer.right.retries });
  }

  /** A write decoded with `codec`. */
  private async send<A>(request: ApiRequest, codec: t.Decoder<unknown, A>): Promise<Result<Counted<A>>> {
    const answer = await this.client.request(request);
    if (isLeft(answer)) return answer;
    const value = this.decode(request.method, request.path, answer.right, codec);
    return isLeft(value) ? value : right({ value: value.right, retries: answer.right.retries });
  }

  private decode<A>(method: string, path: string, answer: { status: number; headers: Readonly<Record<string, string>>; body: unknown }, codec: t.Decoder<unknown, A>): Result<A> {
    const decoded = codec.decode(answer.body);
    if (!isLeft(decoded)) return decoded;
    const correlationId = correlationIdOf(answer.headers);
    return left(decodeError(
      { method, path, status: answer.status, ...(correlationId === undefined ? {} : { correlationId }) },
      PathReporter.report(decoded).join("; "),
    ));
  }
}
