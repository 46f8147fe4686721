import { readFileSync } from "node:fs";
import { Server, createServer } from "node:http";
import { join } from "node:path";
import { AddressInfo } from "node:net";
import { isLeft } from "fp-ts/Either";
import { parseRetryAfter } from "../../src/http/retry-policy";
import type { Clock } from "../../src/genesys/clock";
import { createTransport } from "../../src/genesys/http";
import * as webhook from "../../src/webhook";
import { sampleEvent } from "../webhook/sample-event";

// Both outbound senders, the Genesys transport and the webhook, meet the same
// 429 with an HTTP-date Retry-After from a real server, under fixed clocks.
const NOW = Date.parse("2024-05-01T10:00:00Z");

/** A server that answers the first request on each path with 429 and `retryAfter`, and later ones with 200. */
async function rateLimitOnce(retryAfter: string): Promise<{ server: Server; url: string }> {
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const path = req.url ?? "/";
      if (!seen.has(path)) {
        seen.add(path);
        res.writeHead(429, { "Retry-After": retryAfter, "Content-Type": "application/json" }).end('{"message":"slow down"}');
      } else {
        res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** The waits the Genesys transport makes for one GET, on a clock frozen at `NOW` until it sleeps. */
async function genesysWaits(baseUrl: string): Promise<{ status: number | string; slept: number[] }> {
  let now = NOW;
  const slept: number[] = [];
  const clock: Clock = { now: () => now, sleep: async (ms) => { slept.push(ms); now += ms; }, random: () => 0 };
  const answer = await createTransport({ clock }).send({ method: "GET", baseUrl, path: "/genesys" });
  return { status: isLeft(answer) ? answer.left._tag : answer.right.status, slept };
}

/** The waits the webhook sender makes for one delivery, at `NOW`. */
async function webhookWaits(baseUrl: string): Promise<{ status: number | string; slept: number[] }> {
  const slept: number[] = [];
  const result = await webhook.sendWebhook(`${baseUrl}/webhook`, sampleEvent, "whsec-shared-policy", {
    now: () => NOW,
    random: () => 0,
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
  return { status: result.ok ? result.status : result.error, slept };
}

describe("one HTTP policy for both senders", () => {
  it("is the same parser, not a copy, behind the webhook entry point", () => {
    expect(webhook.parseRetryAfter === parseRetryAfter).toBe(true);
  });

  it("is one retry loop and one Retry-After reader: neither sender asks the policy or reads the header itself", () => {
    const own = ["src/genesys/http.ts", "src/webhook/send.ts"].map((file) => {
      const text = readFileSync(join(__dirname, "../..", file), "utf8");
      return { file, loops: /\bdecide\(|parseRetryAfter\(|["']retry-after["']/i.test(text), shared: /\bretrying\(/.test(text) && /\banswered\(/.test(text) };
    });
    expect(own).toEqual([
      { file: "src/genesys/http.ts", loops: false, shared: true },
      { file: "src/webhook/send.ts", loops: false, shared: true },
    ]);
  });

  it.each([
    {
      what: "waits out an HTTP-date Retry-After for the same 3 s in the Genesys transport and the webhook",
      retryAfter: "Wed, 01 May 2024 10:00:03 GMT",
      expected: [{ status: 200, slept: [3000] }, { status: 200, slept: [3000] }],
    },
    {
      what: "reads an HTTP date already past as no wait at all in both",
      retryAfter: "Wed, 01 May 2024 09:59:00 GMT",
      expected: [{ status: 200, slept: [0] }, { status: 200, slept: [0] }],
    },
    {
      what: "differs only where the policies' data differ: a 20 s wait is within the Genesys cap and beyond the webhook's",
      retryAfter: "Wed, 01 May 2024 10:00:20 GMT",
      expected: [
        { status: 200, slept: [20_000] },
        { status: "webhook not delivered: receiver answered HTTP 429 and asked to wait 20 s, more than the 8 s a delivery waits", slept: [] },
      ],
    },
  ])("$what", async ({ retryAfter, expected }) => {
    const { server, url } = await rateLimitOnce(retryAfter);
    try {
      expect([await genesysWaits(url), await webhookWaits(url)]).toEqual(expected);
    } finally {
      await close(server);
    }
  });
});
