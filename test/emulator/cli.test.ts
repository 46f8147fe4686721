import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { main } from "../../src/cli";
import { runEmulator } from "../../src/cli/emulator";

const root = path.join(__dirname, "..", "..");
const built = existsSync(path.join(root, "dist", "src", "cli", "emulator.js"));

async function tokenStatus(url: string, id: string, secret: string): Promise<number> {
  const r = await fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  return r.status;
}

describe("emulator command", () => {
  it("prints its URL first, serves the configured client, and stops when told", async () => {
    const out: string[] = [];
    let stop: () => void = () => undefined;
    let printed: (url: string) => void = () => undefined;
    const urlPrinted = new Promise<string>((resolve) => (printed = resolve));
    const running = runEmulator(
      ["--port", "0", "--client-id", "ci-client", "--client-secret", "ci-secret-value"],
      { out: (t) => { out.push(t); printed(t); }, err: (t) => out.push(`err: ${t}`) },
      () => new Promise<void>((resolve) => (stop = resolve)),
    );
    const url = await urlPrinted;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect([await tokenStatus(url, "ci-client", "ci-secret-value"), await tokenStatus(url, "emulator-client", "emulator-secret")]).toEqual([200, 401]);
    stop();
    expect(await running).toBe(0);
    expect(out).toEqual([url]);
    await expect(fetch(`${url}/__emulator/journal`)).rejects.toThrow();
  });

  it("stops on SIGTERM when run through main()", async () => {
    const out: string[] = [];
    let printed: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (printed = resolve));
    const code = main(["emulator", "--port", "0"], { out: (t) => { out.push(t); printed(); }, err: (t) => out.push(t) });
    await ready;
    // Only the command's own listener is registered, so emitting does not end the test process.
    process.emit("SIGTERM", "SIGTERM");
    expect(await code).toBe(0);
    expect(out.length).toBe(1);
  });

  it("serves the topic catalog of --topics FILE, and refuses a file that is not one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "emulator-topics-"));
    const good = path.join(dir, "catalog.json");
    const bad = path.join(dir, "bad.json");
    const catalog = { entities: [{ id: "v2.example.{id}.changed", transports: ["EventBridge"], schema: { type: "object", properties: {} } }] };
    writeFileSync(good, JSON.stringify(catalog));
    writeFileSync(bad, JSON.stringify({ entities: [{ id: "v2.a", transports: "All" }] }));
    let stop: () => void = () => undefined;
    let printed: (url: string) => void = () => undefined;
    const urlPrinted = new Promise<string>((resolve) => (printed = resolve));
    const running = runEmulator(["--port", "0", "--topics", good], { out: (t) => printed(t), err: () => undefined }, () => new Promise<void>((resolve) => (stop = resolve)));
    const url = await urlPrinted;
    expect(await (await fetch(`${url}/__emulator/topics`)).json()).toEqual(catalog);
    stop();
    expect(await running).toBe(0);
    const err: string[] = [];
    expect(await main(["emulator", "--port", "0", "--topics", bad], { out: () => undefined, err: (t) => err.push(t) })).toBe(1);
    expect(err.join("\n")).toContain("entities[0].transports: expected a list of strings");
    expect(await main(["emulator", "--port", "0", "--topics", path.join(dir, "missing.json")], { out: () => undefined, err: () => undefined })).toBe(1);
  });

  it("refuses a bad port as a usage error", async () => {
    const err: string[] = [];
    expect(await main(["emulator", "--port", "http"], { out: () => undefined, err: (t) => err.push(t) })).toBe(2);
    expect(err.join("\n")).toMatch(/--port expects 0\.\.65535, found 'http'/);
  });

  (built ? it : it.skip)("runs as a process: URL as the first stdout line, clean exit on SIGTERM", async () => {
    const child = spawn(process.execPath, [path.join(root, "bin", "genesys-eventbridge.js"), "emulator", "--port", "0"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, GENESYSCLOUD_OAUTHCLIENT_ID: "env-client", GENESYSCLOUD_OAUTHCLIENT_SECRET: "env-secret-value" },
    });
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", () => reject(new Error("exited before printing")));
    });
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await tokenStatus(first, "env-client", "env-secret-value")).toBe(200);
    const exited = new Promise<[number | null, string | null]>((resolve) => child.once("exit", (c, s) => resolve([c, s])));
    child.kill("SIGTERM");
    expect(await exited).toEqual([0, null]);
  });
});
