import { resolveAuditLocation } from "../../src/audit/default-path";
import { regionDomains } from "../../src/genesys/regions";
import * as ops from "../../src/pulumi/operations";
import { readSettings } from "../../src/pulumi/settings";
import { UNKNOWN } from "../../src/pulumi/unknowns";

const example = require("../../stacks/examples/definition.json");
const known = Object.keys(regionDomains).join(", ");

const valid: Record<string, string> = { clientId: "id", clientSecret: "secret", region: "eu-west-1" };
const getter = (config: Record<string, string>) => (k: string) => config[k];

function inputs(): Record<string, unknown> {
  const { id, ...definition } = JSON.parse(JSON.stringify(example));
  return { ...definition, sourceId: id };
}

describe("readSettings", () => {
  it("builds the settings from complete config", () => {
    expect(readSettings(getter(valid), {})).toEqual({
      issues: [],
      settings: {
        clientId: "id",
        clientSecret: "secret",
        region: "eu-west-1",
        apiBaseUrl: undefined,
        authBaseUrl: undefined,
        api: "integrations",
        // Resolved against the Pulumi project root (the folder holding Pulumi.yaml).
        auditLogPath: resolveAuditLocation(undefined),
        defaultConflictPolicy: "overwrite",
        tokenPool: 10,
        catalog: "enforce",
      },
    });
  });

  it("reads the token pool's size and names a value that is not a whole number from 1 to 20", () => {
    const pool = (value: string | undefined, env: Record<string, string> = {}) => {
      const { settings, issues } = readSettings(getter(value === undefined ? valid : { ...valid, tokenPool: value }), env);
      return settings?.tokenPool ?? issues.map((i) => `${i.key}: ${i.message}`);
    };
    expect([pool(undefined), pool("1"), pool("20"), pool(undefined, { GENESYS_EVENTBRIDGE_TOKEN_POOL: "4" }), pool("0"), pool("2.5"), pool("many")]).toEqual([
      10,
      1,
      20,
      4,
      ["genesys:tokenPool: expected a whole number of tokens from 1 to 20 (default 10), found '0'"],
      ["genesys:tokenPool: expected a whole number of tokens from 1 to 20 (default 10), found '2.5'"],
      ["genesys:tokenPool: expected a whole number of tokens from 1 to 20 (default 10), found 'many'"],
    ]);
  });

  it("names the key of an unknown region and lists the known ones", () => {
    expect(readSettings(getter({ ...valid, region: "eu-wst-1" }), {}).issues).toEqual([
      { key: "genesys:region", message: `unknown region 'eu-wst-1' (known: ${known}; or a Genesys domain such as mypurecloud.ie)` },
    ]);
  });

  it("says when a bad value came from an environment variable", () => {
    const { clientId, clientSecret } = valid;
    expect(readSettings(getter({ clientId, clientSecret }), { GENESYSCLOUD_REGION: "mars-1" }).issues).toEqual([
      { key: "genesys:region", message: `unknown region 'mars-1' (from GENESYSCLOUD_REGION) (known: ${known}; or a Genesys domain such as mypurecloud.ie)` },
    ]);
  });

  it("accepts a Genesys domain as the region", () => {
    expect(readSettings(getter({ ...valid, region: "mypurecloud.ie" }), {}).issues).toEqual([]);
  });

  it("names typos in api and conflictPolicy, and base URLs that are not URLs", () => {
    expect(readSettings(getter({ ...valid, api: "integration", conflictPolicy: "overwirte", apiBaseUrl: "localhost:8080" }), {}).issues).toEqual([
      { key: "genesys:apiBaseUrl", message: "expected an http or https URL such as https://api.mypurecloud.ie, found 'localhost:8080'" },
      { key: "genesys:api", message: "unknown API 'integration' (known: event-streams, integrations)" },
      { key: "genesys:conflictPolicy", message: "unknown conflict policy 'overwirte' (known: overwrite, fail)" },
    ]);
  });

  it("reports missing credentials by key, never by value", () => {
    expect(readSettings(getter({ region: "us-east-1" }), {}).issues.map((i) => i.key)).toEqual(["genesys:clientId", "genesys:clientSecret"]);
  });

  it("leaves values the engine does not know yet to be checked later", () => {
    expect(readSettings(getter({ ...valid, region: UNKNOWN, api: UNKNOWN, conflictPolicy: UNKNOWN, apiBaseUrl: UNKNOWN }), {}).issues).toEqual([]);
  });
});

describe("check with the configured settings", () => {
  afterAll(() => ops.configureWith(getter(valid), {}));

  it("fails on invalid settings, one failure per key, before any definition problem", async () => {
    ops.configureWith(getter({ region: "eu-wst-1", api: "integration" }), {});
    const result = await ops.check({}, { ...inputs(), conflictPolicy: "merge" });
    expect(result.failures).toEqual([
      { property: "", reason: "genesys:clientId: missing: set it in stack config or GENESYSCLOUD_OAUTHCLIENT_ID" },
      { property: "", reason: "genesys:clientSecret: missing: set it with `pulumi config set --secret genesys:clientSecret` or GENESYSCLOUD_OAUTHCLIENT_SECRET" },
      { property: "", reason: `genesys:region: unknown region 'eu-wst-1' (known: ${known}; or a Genesys domain such as mypurecloud.ie)` },
      { property: "", reason: "genesys:api: unknown API 'integration' (known: event-streams, integrations)" },
      { property: "conflictPolicy", reason: 'expected one of overwrite, fail, found "merge"' },
    ]);
  });

  it("passes valid settings and valid inputs, unknown inputs included", async () => {
    // The topic catalog is checked elsewhere (check-catalog.test.ts): this region has no server here.
    ops.configureWith(getter({ ...valid, catalog: "off" }), {});
    expect(await ops.check({}, inputs())).toEqual({ inputs: inputs() });
    const withUnknown = { ...inputs(), configuration: UNKNOWN };
    expect(await ops.check({}, withUnknown)).toEqual({ inputs: withUnknown });
  });

  it("configure reads structured config values as text and never throws", async () => {
    await ops.configure({ get: (k: string) => ({ "genesys:clientId": "id", "genesys:clientSecret": "s", "genesys:region": 42 } as Record<string, unknown>)[k] });
    expect((await ops.check({}, inputs())).failures).toEqual([
      { property: "", reason: `genesys:region: unknown region '42' (known: ${known}; or a Genesys domain such as mypurecloud.ie)` },
    ]);
  });

  it("an operation with invalid settings fails with the keys and no stack trace", async () => {
    ops.configureWith(getter({ ...valid, region: "eu-wst-1" }), {});
    const error = await ops.read("x", {}).then(() => undefined, (e: Error) => e);
    expect(error?.message).toBe(`Genesys Cloud provider settings are invalid:\ngenesys:region: unknown region 'eu-wst-1' (known: ${known}; or a Genesys domain such as mypurecloud.ie)`);
    expect(error?.stack).not.toMatch(/\bat /);
  });
});
