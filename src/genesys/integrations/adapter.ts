import { Either, isLeft, left, right } from "fp-ts/Either";
import * as t from "io-ts";
import type { PreparedPayload } from "../../definition/prepare";
import type { ApiRequest, GenesysClient } from "../client";
import { decodeAnswer } from "../decode-answer";
import type { AnswerToDecode } from "../decode-answer";
import type { GenesysError } from "../errors";
import { ownerFromNote, ownerNote } from "../ownership";
import { pollUntil } from "../poll";
import type { Created, RemoteSource, SourcePrimitives, WriteOptions, WriteTarget, Written } from "../primitives";
import { Integration, IntegrationConfiguration, IntegrationListing } from "./codec";
import { organizationIdOf } from "./organization";
import { EVENTBRIDGE_INTEGRATION_TYPE, configPath, integrationPath, integrationsPath, listingPath } from "./paths";
import { IntegrationState, definitionPathOf, desiredIntegrationState, partnerEventSourceName, remoteIntegrationState } from "./state";
import { isVersionConflict } from "./version-conflict";

/** Options of the integrations adapter. */
export interface IntegrationsOptions {
  /** How long a just-written integration may answer 404, and a deleted one stay readable (ms); default 15000. */
  readonly settleMs?: number;
  /** The pause between two reads while waiting for the server to catch up; default 250 ms. */
  readonly pollIntervalMs?: number;
  /** Integrations per page when looking one up by name; default 100 (the API's maximum). */
  readonly pageSize?: number;
}

type Result<A> = Either<GenesysError, A>;

/** A `RemoteSource` of this adapter: its state is an {@link IntegrationState}. */
export type IntegrationSource = RemoteSource & { readonly state: IntegrationState };

/** An integration and its current config, as read together. */
interface Raw {
  readonly integration: Integration;
  readonly config: IntegrationConfiguration;
}

const maxPages = 1000;

/**
 * The primitives of the Genesys Cloud Integrations API: an EventBridge
 * source is an integration of type `amazon-eventbridge-source` whose current
 * config holds the AWS account, region, event source suffix and topic list.
 * The config `version` is the concurrency token (`etag` is its decimal
 * string). Create is `POST /api/v2/integrations` with the ownership marker in
 * the integration's notes (the config is written next, by the protocol's
 * conditional write); a write is `PUT .../config/current` with the expected
 * version, keeping the notes, advanced settings, credentials and property
 * keys the definition does not set (as the Genesys Terraform provider does),
 * then a `PATCH` of the intended state when it differs; the answers of the
 * POST, PUT and PATCH show what the server holds, so they serve as the
 * re-read. Names are not unique in the API, so a create is preceded by a
 * lookup, which reads the organization's listing taken once per process.
 * Minimum chains (besides one token, one organization lookup and one listing
 * per process): create = POST, GET config, PUT config, PATCH (when the new
 * integration is not already in the intended state); update = GET
 * integration, GET config, PUT config (+ PATCH when the state changes);
 * delete = DELETE, then GETs until it is gone. See
 * https://developer.genesys.cloud/platform/api/ (Integrations).
 */
export class IntegrationsApi implements SourcePrimitives<IntegrationState> {
  /** The adapter name. */
  readonly kind = "integrations" as const;
  readonly exclusiveCreate = false;
  /** Reads can still find a deleted integration for a while. */
  readonly lagsAfterDelete = true;
  readonly settleMs: number;
  readonly pollIntervalMs: number;
  private readonly pageSize: number;
  /** The organization's listing, taken once per process and kept current with what this process creates and deletes (see `listing`). */
  private known: Promise<Result<ReadonlyArray<Integration>>> | undefined;
  /** The raw config behind each `RemoteSource` this adapter made, so that a write can keep what it does not set. */
  private readonly raw = new WeakMap<RemoteSource, Raw>();

  constructor(
    private readonly client: GenesysClient,
    options: IntegrationsOptions = {},
  ) {
    this.settleMs = Math.max(0, options.settleMs ?? 15_000);
    this.pollIntervalMs = Math.max(1, options.pollIntervalMs ?? 250);
    this.pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 100)));
  }

  /** The clock the client waits with. */
  get clock() {
    return this.client.clock;
  }

  /** The integration's name, intended state and config properties a definition asks for (see `IntegrationState`). */
  desiredState(prepared: PreparedPayload, options?: WriteOptions): IntegrationState {
    return desiredIntegrationState(prepared.definition, options);
  }

  /** The definition path a state path comes from (see `definitionPathOf`). */
  definitionPath(statePath: string): string {
    return definitionPathOf(statePath);
  }

  /** Reads an integration and its current config; `null` when either answers 404. */
  async read(remoteId: string): Promise<Result<RemoteSource | null>> {
    return this.readSource(remoteId);
  }

  private async readSource(remoteId: string): Promise<Result<IntegrationSource | null>> {
    const raw = await this.readRaw(remoteId);
    if (isLeft(raw) || raw.right === null) return raw as Result<null>;
    return this.toRemote(raw.right);
  }

  /**
   * Every EventBridge source integration named `definitionId`, paging through
   * the list with `expand=config.current`. The type is checked on each entity
   * too, in case a server ignores the `integrationType` filter.
   */
  async find(definitionId: string): Promise<Result<ReadonlyArray<RemoteSource>>> {
    return this.listWhere((e) => e.name === definitionId);
  }

  /**
   * Every EventBridge source integration of the organization, in the order
   * the API lists them, paging through the list with
   * `expand=config.current` (an integration listed without its config is
   * read on its own). What `genesys-eventbridge export` brings under Pulumi.
   */
  async list(): Promise<Result<ReadonlyArray<IntegrationSource>>> {
    return this.listWhere(() => true);
  }

  /** The EventBridge source integrations that `keep` accepts, as `RemoteSource`s. */
  private async listWhere(keep: (integration: Integration) => boolean): Promise<Result<ReadonlyArray<IntegrationSource>>> {
    const listed = await this.listing();
    if (isLeft(listed)) return listed;
    const found = listed.right.filter((e) => e.integrationType?.id === EVENTBRIDGE_INTEGRATION_TYPE && keep(e));
    const sources: IntegrationSource[] = [];
    for (const integration of found) {
      const config = integration.config?.current;
      const source = config === undefined ? await this.readSource(integration.id) : await this.toRemote({ integration, config });
      if (isLeft(source)) return source;
      if (source.right !== null) sources.push(source.right);
    }
    return right(sources);
  }

  /**
   * Every EventBridge source integration, paging through the list once per
   * process: lookups that start while it is in flight share it, and later
   * lookups read it as this process has changed it since (an integration it
   * created is added, one it deleted is dropped), so the creates of one
   * deployment list the organization once instead of once each, however
   * they are paced. What other writers create meanwhile is missed, as by any
   * listing taken before their write. A failed listing is not kept.
   */
  private listing(): Promise<Result<ReadonlyArray<Integration>>> {
    if (this.known === undefined) {
      const run = this.listAll();
      this.known = run;
      void run.then((r) => {
        if (isLeft(r) && this.known === run) this.known = undefined;
      });
    }
    return this.known;
  }

  /** Applies a change this process made to the kept listing, if there is one. */
  private amendListing(change: (integrations: ReadonlyArray<Integration>) => ReadonlyArray<Integration>): void {
    const kept = this.known;
    if (kept === undefined) return;
    this.known = kept.then((r) => (isLeft(r) ? r : right(change(r.right))));
  }

  private async listAll(): Promise<Result<ReadonlyArray<Integration>>> {
    const all: Integration[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const listed = await this.get(listingPath(page, this.pageSize), IntegrationListing);
      if (isLeft(listed)) return listed;
      if (listed.right === null) break;
      const { entities, pageCount } = listed.right;
      all.push(...entities);
      if (entities.length === 0 || page >= (pageCount ?? page)) break;
    }
    return right(all);
  }

  /** `POST` of the integration, named after the definition id, its notes carrying the ownership marker. */
  async make({ definition }: WriteTarget<IntegrationState>, owner: string): Promise<Result<Created>> {
    const posted = await this.send({
      method: "POST",
      path: integrationsPath,
      json: { name: definition.id, integrationType: { id: EVENTBRIDGE_INTEGRATION_TYPE }, notes: ownerNote(owner) },
    }, Integration);
    if (isLeft(posted)) return posted;
    const integration = posted.right;
    this.amendListing((all) => [...all, integration]);
    // The POST's answer is the integration; its config (and version) may take a moment to become readable.
    const config = await pollUntil(() => this.get(configPath(integration.id), IntegrationConfiguration), (r) => isLeft(r) || r.right !== null, {
      clock: this.clock,
      timeoutMs: this.settleMs,
      intervalMs: this.pollIntervalMs,
      waitingFor: `the config of integration '${definition.id}' (${integration.id}) to become readable`,
    });
    if (isLeft(config)) return config;
    if (config.right === null) return right({ _tag: "Shell", remoteId: integration.id, current: null });
    const current = await this.toRemote({ integration, config: config.right });
    return isLeft(current) ? current : right({ _tag: "Shell", remoteId: integration.id, current: current.right });
  }

  /**
   * The config `PUT` with `version = token` (a stale version, 409 or 400
   * "does not match the current version", is `Stale`), then the intended
   * state's `PATCH` when the integration is not in it already. Without
   * `current`, the integration and config are read first: the write keeps
   * what it does not set, and a version that already moved on is `Stale`
   * without a write.
   */
  async write(remoteId: string, target: WriteTarget<IntegrationState>, token: string, current?: RemoteSource): Promise<Result<Written>> {
    const { definition, state: desired } = target;
    const version = /^\d+$/.test(token) ? Number(token) : Number.NaN;
    let held = current === undefined ? undefined : this.raw.get(current);
    if (held === undefined) {
      const read = await this.readRaw(remoteId);
      if (isLeft(read)) return read;
      if (read.right === null) return left({ _tag: "NotFound", method: "GET", path: integrationPath(remoteId) });
      held = read.right;
      if (held.config.version !== version) {
        const fresh = await this.toRemote(held);
        return isLeft(fresh) ? fresh : right({ _tag: "Stale", current: fresh.right });
      }
    }
    if (held.config.version !== version) return right({ _tag: "Stale" });
    const written = await this.send({
      method: "PUT",
      path: configPath(remoteId),
      json: {
        name: desired.name,
        version,
        notes: held.config.notes !== undefined && held.config.notes !== "" ? held.config.notes : `Managed by genesys-eventbridge (source definition '${definition.id}')`,
        properties: { ...(held.config.properties ?? {}), ...desired.properties },
        advanced: held.config.advanced ?? {},
        credentials: held.config.credentials ?? {},
      },
    }, IntegrationConfiguration);
    if (isLeft(written)) return isVersionConflict(written.left) ? right({ _tag: "Stale" }) : written;
    // A config write also names the integration: the PUT's answer says what it is now called.
    let integration: Integration = { ...held.integration, ...(written.right.name === undefined ? {} : { name: written.right.name }) };
    if (integration.intendedState !== desired.intendedState) {
      const patched = await this.send({ method: "PATCH", path: integrationPath(remoteId), json: { intendedState: desired.intendedState } }, Integration);
      if (isLeft(patched)) return patched;
      integration = patched.right;
    }
    // The answers of the PUT (the new config and version) and of the PATCH show what the server now holds.
    const now = await this.toRemote({ integration, config: written.right });
    return isLeft(now) ? now : right({ _tag: "Written", current: now.right });
  }

  /** `DELETE` of the integration; a 404 means it was already gone. */
  async remove(remoteId: string): Promise<Result<boolean>> {
    const path = integrationPath(remoteId);
    const answer = await this.client.request({ method: "DELETE", path });
    if (isLeft(answer)) return answer.left._tag === "NotFound" ? right(false) : answer;
    if (answer.right.body !== undefined) {
      const decoded = this.decode("DELETE", path, answer.right, Integration);
      if (isLeft(decoded)) return decoded;
    }
    this.amendListing((all) => all.filter((e) => e.id !== remoteId));
    return right(true);
  }

  /** Reads the integration, then its config; `null` when either is absent. */
  private async readRaw(id: string): Promise<Result<Raw | null>> {
    const integration = await this.get(integrationPath(id), Integration);
    if (isLeft(integration) || integration.right === null) return integration as Result<null>;
    const config = await this.get(configPath(id), IntegrationConfiguration);
    if (isLeft(config) || config.right === null) return config as Result<null>;
    return right({ integration: integration.right, config: config.right });
  }

  /** The `RemoteSource` of an integration and its config; the organization id is looked up once per process. */
  private async toRemote(raw: Raw): Promise<Result<IntegrationSource>> {
    const { integration, config } = raw;
    const state = remoteIntegrationState(integration, config);
    const suffix = state.properties["eventSourceSuffix"];
    const facts: Record<string, string> = {};
    if (typeof suffix === "string" && suffix !== "") {
      const org = await organizationIdOf(this.client);
      if (isLeft(org)) return org;
      facts["partnerEventSourceName"] = partnerEventSourceName(org.right, suffix);
    }
    const owner = ownerFromNote(integration.notes);
    const source: IntegrationSource = { remoteId: integration.id, etag: String(config.version), state, facts, ...(owner === undefined ? {} : { owner }) };
    this.raw.set(source, raw);
    return right(source);
  }

  /** `GET path` decoded with `codec`; `null` on 404. */
  private async get<A>(path: string, codec: t.Decoder<unknown, A>): Promise<Result<A | null>> {
    const answer = await this.client.request({ method: "GET", path });
    if (isLeft(answer)) return answer.left._tag === "NotFound" ? right(null) : answer;
    return this.decode("GET", path, answer.right, codec);
  }

  /** A write decoded with `codec`. */
  private async send<A>(request: ApiRequest, codec: t.Decoder<unknown, A>): Promise<Result<A>> {
    const answer = await this.client.request(request);
    if (isLeft(answer)) return answer;
    return this.decode(request.method, request.path, answer.right, codec);
  }

  private decode<A>(method: string, path: string, answer: AnswerToDecode, codec: t.Decoder<unknown, A>): Result<A> {
    return decodeAnswer(method, path, answer, codec);
  }
}
