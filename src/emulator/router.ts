import type { EmulatorState } from "./state";
import type { Reply } from "./http-io";

/**
 * Who may call a route: `public` (the token endpoint), `read` and `write`
 * (a bearer token; writes also need the write permission), `admin` (the
 * `/__emulator/` control API: no token, no faults, no rate limit).
 */
export type Access = "public" | "read" | "write" | "admin";

/** A parsed request as routes see it. */
export interface EmulatorRequest {
  readonly method: string;
  /** The path without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Values of the pattern's `:name` segments, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Request headers with lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body: parsed JSON, form fields for form bodies, else the text; `undefined` when empty. */
  readonly body: unknown;
  /** The client id behind the bearer token (or the Basic credentials of the token endpoint). */
  readonly clientId?: string;
  /** The `ININ-Correlation-Id` of this exchange. */
  readonly correlationId: string;
}

/** One route: method, a path pattern with `:name` segments, who may call it, and its handler. */
export interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly access: Access;
  handle(request: EmulatorRequest): Reply | Promise<Reply>;
}

/** A contract's routes, built against the shared emulator state. */
export type RouteModule = (state: EmulatorState) => ReadonlyArray<Route>;

/** A route that matched a request, with its parameters. */
export interface Match {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** A tiny router: routes are tried in registration order; `:name` matches one path segment. */
export class Router {
  private readonly routes: Array<{ route: Route; segments: string[] }> = [];

  /** Registers routes. */
  add(routes: ReadonlyArray<Route>): this {
    for (const route of routes) this.routes.push({ route, segments: split(route.pattern) });
    return this;
  }

  /** The route for `method` and `path`; `"wrong-method"` when only the path matches. */
  match(method: string, path: string): Match | "wrong-method" | undefined {
    const parts = split(path);
    let pathMatched = false;
    for (const { route, segments } of this.routes) {
      const params = matchSegments(segments, parts);
      if (params === undefined) continue;
      if (route.method === method) return { route, params };
      pathMatched = true;
    }
    return pathMatched ? "wrong-method" : undefined;
  }
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith(":")) {
      try {
        params[p.slice(1)] = decodeURIComponent(parts[i]);
      } catch {
        return undefined;
      }
    } else if (p !== parts[i]) {
      return undefined;
    }
  }
  return params;
}
