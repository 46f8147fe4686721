import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** True for an address that only this machine can reach: `localhost`, `127.0.0.0/8`, `::1` (IPv4-mapped forms too). */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost") return true;
  const family = isIP(h);
  return family !== 0 && loopback.check(h, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Why the emulator must not listen as asked, or `undefined`: an address other
 * than loopback needs `allowRemote` (the emulator accepts fake credentials and
 * anyone could reset or fault it), and then an admin token for its control API.
 */
export function bindRefusal(options: { readonly host?: string; readonly allowRemote?: boolean; readonly adminToken?: string }): string | undefined {
  const host = options.host ?? "127.0.0.1";
  if (options.adminToken !== undefined && options.adminToken.length < 16) {
    return "the admin token must have at least 16 characters";
  }
  if (isLoopback(host)) return undefined;
  if (options.allowRemote !== true) {
    return `refusing to listen on ${host}, which is not a loopback address: the emulator accepts fake credentials and its admin API can reset it; pass --allow-remote (allowRemote: true) with an admin token to do so deliberately`;
  }
  if (options.adminToken === undefined) {
    return `listening on ${host} needs an admin token for the admin API: pass --admin-token or set GENESYS_EMULATOR_ADMIN_TOKEN (adminToken)`;
  }
  return undefined;
}

/** Whether an `Authorization` header is `Bearer <token>`; compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (m === null) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(m[1]), digest(token));
}
