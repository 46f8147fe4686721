import { right } from "fp-ts/Either";
import type { ApiRequest, GenesysClient } from "../../../src/genesys/client";
import { topicCatalogOf } from "../../../src/genesys/integrations/topic-catalog";
import { defaultRetryPolicy } from "../../../src/http/retry-policy";
import { systemClock } from "../../../src/genesys/clock";

/** A client answering from `pages` (by `pageNumber`), recording every path it is asked for. */
function pagedClient(base: string, pages: ReadonlyArray<Record<string, unknown>>): { client: GenesysClient; asked: string[] } {
  const asked: string[] = [];
  // Only what the catalog reader uses; the token pool stays out of it.
  const client = {
    hosts: { apiBaseUrl: base, authBaseUrl: base },
    policy: defaultRetryPolicy,
    clock: systemClock,
    identity: "catalog-client",
    async request(request: ApiRequest) {
      asked.push(request.path);
      await new Promise((r) => setTimeout(r, 5));
      const page = Number(new URL(request.path, base).searchParams.get("pageNumber") ?? "1");
      return right({ status: 200, headers: {}, body: pages[page - 1], retries: 0 });
    },
  } as unknown as GenesysClient;
  return { client, asked };
}

describe("the organization's topic catalog", () => {
  it("follows the pages and is read once for concurrent callers", async () => {
    const { client, asked } = pagedClient("https://paged.example", [
      { entities: [{ id: "v2.a" }], pageNumber: 1, pageCount: 2 },
      { entities: [{ id: "v2.b", transports: ["All"] }], pageNumber: 2, pageCount: 2 },
    ]);
    const [first, second] = await Promise.all([topicCatalogOf(client), topicCatalogOf(client)]);
    expect(first).toEqual(right({ entities: [{ id: "v2.a" }, { id: "v2.b", transports: ["All"] }] }));
    expect(second).toBe(first);
    // Keyed by the credentials, the catalog costs no organization lookup.
    expect(asked).toEqual([
      "/api/v2/notifications/availabletopics?expand=description%2Cschema%2Ctransports",
      "/api/v2/notifications/availabletopics?expand=description%2Cschema%2Ctransports&pageNumber=2",
    ]);
  });

  it("reads a catalog that does not page in one request, and refuses one that is not a listing", async () => {
    const one = pagedClient("https://single.example", [{ entities: [{ id: "v2.a" }] }]);
    expect(await topicCatalogOf(one.client)).toEqual(right({ entities: [{ id: "v2.a" }] }));
    expect(one.asked.filter((p) => p.includes("availabletopics"))).toHaveLength(1);
    const bad = pagedClient("https://bad.example", [{ topics: [] }]);
    expect((await topicCatalogOf(bad.client))._tag).toBe("Left");
  });
});
