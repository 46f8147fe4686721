import { VersionedCollection } from "./collection";
import { FaultTable } from "./faults";
import { Journal } from "./journal";
import { StateWriter, loadStateFile } from "./persistence";
import { RateLimitSettings, RateLimiter } from "./rate-limit";
import { RateWindows, WindowLimits } from "./rate-windows";
import { TokenIssuer } from "./tokens";
import type { AvailableTopicEntityListing } from "./catalog/available-topic";
import { emulatorTopicCatalog } from "./catalog/topics";

/** The fake credentials the emulator accepts unless told otherwise. */
export const defaultCredentials = { clientId: "emulator-client", clientSecret: "emulator-secret" } as const;

/** Settings of the shared state (the server options without the listening address). */
export interface StateOptions {
  /** The accepted OAuth client id; default `emulator-client`. */
  readonly clientId?: string;
  /** The accepted OAuth client secret; default `emulator-secret`. */
  readonly clientSecret?: string;
  /** Further accepted clients, id to secret. */
  readonly clients?: Readonly<Record<string, string>>;
  /** Lifetime of issued tokens; default 86400 s like Genesys. */
  readonly tokenLifetimeSeconds?: number;
  /** Whether writes are permitted; `false` makes writes answer 403. Default `true`. */
  readonly writable?: boolean;
  /** Per-client token bucket; default off. */
  readonly rateLimit?: RateLimitSettings;
  /** The platform's fixed windows per token (and optionally per client and organization); default none (a generous allowance in the headers). */
  readonly rateWindows?: WindowLimits;
  /** A JSON file that keeps the stored objects between runs. */
  readonly storePath?: string;
  /** The id `GET /api/v2/organizations/me` answers; default {@link defaultOrganizationId}. */
  readonly organizationId?: string;
  /** How many reads of a just-created (or just-deleted) integration still see the old state; default 0. */
  readonly integrationReadLag?: number;
  /** Milliseconds every API and login request waits before it is served, like a remote region's round trip; default 0. */
  readonly latencyMs?: number;
  /** The topic catalog `GET /api/v2/notifications/availabletopics` lists; default the built-in {@link emulatorTopicCatalog}. */
  readonly topics?: AvailableTopicEntityListing;
}

/** The fake organization id the emulator answers unless told otherwise. */
export const defaultOrganizationId = "9d5c2f4e-1b7a-4c3e-8f60-2a1d0e5b7c91";

/**
 * Everything the emulator's routes share: the stored collections, issued
 * tokens, armed faults, the journal, the rate limiter and the permission mode.
 * Contracts get their own collection by name (`collection("event-streams")`).
 */
export class EmulatorState {
  readonly journal = new Journal();
  readonly faults = new FaultTable();
  readonly tokens: TokenIssuer;
  readonly rateLimiter: RateLimiter;
  /** The platform's per-token fixed windows, reported on every API answer. */
  readonly rateWindows: RateWindows;
  /** Whether writes are permitted (the permission mode). */
  writable: boolean;
  /** Reads of a just-created or just-deleted integration that still see the old state (read-after-write lag). */
  integrationReadLag: number;
  /** Milliseconds every API and login request waits before it is served (admin requests do not). */
  latencyMs: number;
  /** The organization id of `GET /api/v2/organizations/me`. */
  readonly organizationId: string;
  /** The topic catalog served by `GET /api/v2/notifications/availabletopics` (replaced by `PUT /__emulator/topics`). */
  topics: AvailableTopicEntityListing;
  private readonly collections = new Map<string, VersionedCollection>();
  private readonly writer: StateWriter | undefined;
  private readonly initial: { writable: boolean; lifetime: number; rateLimit: RateLimitSettings | undefined; rateWindows: WindowLimits; readLag: number; latencyMs: number; topics: AvailableTopicEntityListing };

  constructor(readonly options: StateOptions = {}) {
    const clients = new Map<string, string>(Object.entries(options.clients ?? {}));
    const id = options.clientId ?? defaultCredentials.clientId;
    clients.set(id, options.clientSecret ?? defaultCredentials.clientSecret);
    this.initial = {
      writable: options.writable ?? true,
      lifetime: options.tokenLifetimeSeconds ?? 86_400,
      rateLimit: options.rateLimit,
      rateWindows: options.rateWindows ?? {},
      readLag: Math.max(0, Math.floor(options.integrationReadLag ?? 0)),
      latencyMs: Math.max(0, options.latencyMs ?? 0),
      topics: structuredClone(options.topics ?? emulatorTopicCatalog),
    };
    this.tokens = new TokenIssuer(clients, this.initial.lifetime);
    this.rateLimiter = new RateLimiter(this.initial.rateLimit);
    this.rateWindows = new RateWindows(this.initial.rateWindows);
    this.writable = this.initial.writable;
    this.integrationReadLag = this.initial.readLag;
    this.latencyMs = this.initial.latencyMs;
    this.topics = structuredClone(this.initial.topics);
    this.organizationId = options.organizationId ?? defaultOrganizationId;
    this.writer = options.storePath === undefined ? undefined : new StateWriter(options.storePath);
  }

  /** The collection `name`, created empty on first use. */
  collection(name: string): VersionedCollection {
    let c = this.collections.get(name);
    if (c === undefined) {
      c = new VersionedCollection();
      this.collections.set(name, c);
    }
    return c;
  }

  /** Loads the store file, if one is configured and exists. */
  async load(): Promise<void> {
    if (this.options.storePath === undefined) return;
    const content = await loadStateFile(this.options.storePath);
    if (content === undefined) return;
    for (const [name, snapshot] of Object.entries(content.collections)) this.collection(name).restore(snapshot);
  }

  /** Writes every collection to the store file (atomically); a no-op without one. */
  async persist(): Promise<void> {
    if (this.writer === undefined) return;
    const collections = Object.fromEntries([...this.collections].map(([name, c]) => [name, c.snapshot()]));
    await this.writer.save({ format: 1, collections });
  }

  /** Back to the start: empty store, no faults, empty journal, no tokens, initial permission, lifetime, rate limit, read lag and topic catalog. */
  async reset(): Promise<void> {
    for (const c of this.collections.values()) c.clear();
    this.faults.clear();
    this.journal.clear();
    this.tokens.revokeAll();
    this.tokens.lifetimeSeconds = this.initial.lifetime;
    this.rateLimiter.configure(this.initial.rateLimit);
    this.rateWindows.configure(this.initial.rateWindows);
    this.writable = this.initial.writable;
    this.integrationReadLag = this.initial.readLag;
    this.latencyMs = this.initial.latencyMs;
    this.topics = structuredClone(this.initial.topics);
    await this.persist();
  }

  /** Resolves when pending store writes are done. */
  async idle(): Promise<void> {
    await this.writer?.idle();
  }
}
