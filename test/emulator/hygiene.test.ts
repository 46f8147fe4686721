import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli";
import { runEmulator } from "../../src/cli/emulator";
import { bindRefusal, isLoopback, MAX_REQUEST_BODY_BYTES, RunningEmulator, startEmulator } from "../../src/emulator";

/** Sends `total` bytes in 64 KiB chunks, with or without a Content-Length; resolves to the answer. */
function post(url: string, total: number, withLength: boolean): Promise<{ status: number; code: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (withLength) headers["Content-Length"] = String(total);
    const req = http.request(url, { method: "POST", headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, code: JSON.parse(body).code }));
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(65_536, 0x61);
    let sent = 0;
    const write = (): void => {
      while (sent < total) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += part.length;
        if (!req.write(part)) {
          req.once("drain", write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

describe("request bodies over the limit", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
  afterAll(() => emulator.close());

  it.each([
    ["with a Content-Length", true],
    ["chunked, without one", false],
  ])("are answered 413 before the connection closes (%s)", async (_, withLength) => {
    expect(await post(`${emulator.url}/api/v2/integrations`, 3 * MAX_REQUEST_BODY_BYTES, withLength)).toEqual({ status: 413, code: "request.entity.too.large" });
    expect(emulator.journal().at(-1)).toMatchObject({ method: "POST", path: "/api/v2/integrations", status: 413 });
  });

  it("leave the emulator serving", async () => {
    expect((await fetch(`${emulator.url}/__emulator/journal`)).status).toBe(200);
  });
});

describe("where the emulator listens", () => {
  it("knows loopback addresses", () => {
    expect(["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"].map(isLoopback)).toEqual([true, true, true, true, true, true]);
    expect(["0.0.0.0", "::", "10.1.2.3", "::ffff:10.1.2.3", "example.com"].map(isLoopback)).toEqual([false, false, false, false, false]);
  });

  it("refuses a non-loopback bind unless asked, and then without an admin token", async () => {
    expect(bindRefusal({ host: "0.0.0.0" })).toBe(
      "refusing to listen on 0.0.0.0, which is not a loopback address: the emulator accepts fake credentials and its admin API can reset it; pass --allow-remote (allowRemote: true) with an admin token to do so deliberately",
    );
    expect(bindRefusal({ host: "0.0.0.0", allowRemote: true })).toBe(
      "listening on 0.0.0.0 needs an admin token for the admin API: pass --admin-token or set GENESYS_EMULATOR_ADMIN_TOKEN (adminToken)",
    );
    expect(bindRefusal({ host: "0.0.0.0", allowRemote: true, adminToken: "short" })).toBe("the admin token must have at least 16 characters");
    expect(bindRefusal({ host: "0.0.0.0", allowRemote: true, adminToken: "a-long-enough-admin-token" })).toBeUndefined();
    expect(bindRefusal({})).toBeUndefined();
    await expect(startEmulator({ port: 0, host: "0.0.0.0" })).rejects.toThrow("refusing to listen on 0.0.0.0");
  });

  it("the CLI refuses --host 0.0.0.0 as a usage error, and --allow-remote without a token", async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => err.push(t) };
    const before = process.env.GENESYS_EMULATOR_ADMIN_TOKEN;
    delete process.env.GENESYS_EMULATOR_ADMIN_TOKEN;
    try {
      expect(await main(["emulator", "--host", "0.0.0.0"], io)).toBe(2);
      expect(await main(["emulator", "--host", "0.0.0.0", "--allow-remote"], io)).toBe(2);
    } finally {
      if (before !== undefined) process.env.GENESYS_EMULATOR_ADMIN_TOKEN = before;
    }
    expect(err.map((e) => e.split("\n")[0])).toEqual([
      "genesys-eventbridge emulator: refusing to listen on 0.0.0.0, which is not a loopback address: the emulator accepts fake credentials and its admin API can reset it; pass --allow-remote (allowRemote: true) with an admin token to do so deliberately",
      "genesys-eventbridge emulator: listening on 0.0.0.0 needs an admin token for the admin API: pass --admin-token or set GENESYS_EMULATOR_ADMIN_TOKEN (adminToken)",
    ]);
  });

  it("with --allow-remote and a token, listens on all addresses and the admin API needs the token", async () => {
    const token = "admin-token-for-this-test-0123";
    let url = "";
    let stop: () => void = () => undefined;
    let printed: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (printed = resolve));
    const running = runEmulator(
      ["--host", "0.0.0.0", "--allow-remote", "--admin-token", token, "--port", "0"],
      { out: (t) => { url = t; printed(); }, err: () => undefined },
      () => new Promise<void>((resolve) => (stop = resolve)),
    );
    await ready;
    expect(url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    const local = url.replace("0.0.0.0", "127.0.0.1");
    const journal = (authorization?: string) =>
      fetch(`${local}/__emulator/journal`, authorization === undefined ? {} : { headers: { Authorization: authorization } }).then((r) => r.status);
    expect([await journal(), await journal("Bearer wrong-token-wrong-token"), await journal(`Bearer ${token}`)]).toEqual([401, 401, 200]);
    // The Genesys contracts are unchanged: the token endpoint still answers without the admin token.
    expect((await fetch(`${local}/oauth/token`, { method: "POST" })).status).toBe(401);
    stop();
    expect(await running).toBe(0);
  });
});

describe("ids in the store", () => {
  it("keeps an id such as __proto__ in the store file like any other", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ebs-store-"));
    const storePath = path.join(dir, "store.json");
    try {
      const first = await startEmulator({ port: 0, storePath });
      for (const id of ["__proto__", "constructor", "plain"]) {
        const r = await fetch(`${first.url}/__emulator/event-streams/${id}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id }) });
        expect(r.status).toBe(200);
      }
      await first.close();
      const second = await startEmulator({ port: 0, storePath });
      const listed = (await (await fetch(`${second.url}/__emulator/event-streams`)).json()) as { entities: Array<{ id: string }> };
      await second.close();
      expect(listed.entities.map((e) => e.id)).toEqual(["__proto__", "constructor", "plain"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a store that is not a regular file or not a state file, naming it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ebs-store-"));
    try {
      await expect(startEmulator({ port: 0, storePath: dir })).rejects.toThrow(`${dir}: not a regular file (a directory); expected a JSON file`);
      fs.writeFileSync(path.join(dir, "null.json"), "null");
      await expect(startEmulator({ port: 0, storePath: path.join(dir, "null.json") })).rejects.toThrow("null.json is not an emulator state file");
      await expect(startEmulator({ port: 0, storePath: "/dev/zero" })).rejects.toThrow("/dev/zero: not a regular file (a character device)");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
