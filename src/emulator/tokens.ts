import { randomBytes } from "node:crypto";

/** An issued access token's owner and expiry. */
export interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

/**
 * The emulator's OAuth side: the known clients and the access tokens issued
 * to them. Tokens are opaque random strings, valid for `lifetimeSeconds`.
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly history: string[] = [];

  constructor(
    private readonly clients: ReadonlyMap<string, string>,
    public lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `clientId` and `clientSecret` are a known pair (compared in constant time per length). */
  authenticate(clientId: string, clientSecret: string): boolean {
    const expected = this.clients.get(clientId);
    if (expected === undefined || expected.length !== clientSecret.length) return false;
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ clientSecret.charCodeAt(i);
    return diff === 0;
  }

  /** Issues a token to `clientId`. */
  issue(clientId: string): { accessToken: string; expiresIn: number } {
    const accessToken = randomBytes(32).toString("base64url");
    this.tokens.set(accessToken, { clientId, expiresAt: this.now() + this.lifetimeSeconds * 1000 });
    this.history.push(accessToken);
    if (this.history.length > 1000) this.history.shift();
    return { accessToken, expiresIn: this.lifetimeSeconds };
  }

  /** The owner of a token that is known and not expired. */
  verify(accessToken: string): IssuedToken | undefined {
    const t = this.tokens.get(accessToken);
    if (t === undefined) return undefined;
    if (this.now() >= t.expiresAt) {
      this.tokens.delete(accessToken);
      return undefined;
    }
    return t;
  }

  /** The last tokens issued (revoked or not), for in-process assertions that they never leak; not exposed over HTTP. */
  issuedTokens(): ReadonlyArray<string> {
    return [...this.history];
  }

  /** Revokes every token: the next API call with an old token answers 401. */
  revokeAll(): void {
    this.tokens.clear();
  }
}
