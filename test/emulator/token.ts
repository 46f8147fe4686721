import { defaultCredentials } from "../../src/emulator";

/** A fresh bearer token from the OAuth endpoint of the emulator at `url`, for the default client (a reset revokes tokens, so callers take one per request). */
export async function bearer(url: string): Promise<string> {
  const basic = Buffer.from(`${defaultCredentials.clientId}:${defaultCredentials.clientSecret}`).toString("base64");
  const r = await fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  return ((await r.json()) as { access_token: string }).access_token;
}
