import * as pulumi from "@pulumi/pulumi";
import { eventBridgeSourceProvider } from "../../src/pulumi/provider";
import { configureWith } from "../../src/pulumi/operations";

describe("the serialized provider", () => {
  const secret = "serialization-test-secret-Zq81";

  it("holds no secret, no client and no machine path, and stays small", async () => {
    // Configure the implementation with a secret first: nothing of it may leak into the closure.
    configureWith((k) => ({ clientId: "id", clientSecret: secret, region: "us-east-1" })[k], {});
    const serialized = await pulumi.runtime.serializeFunction(() => eventBridgeSourceProvider, { allowSecrets: true });

    expect(serialized.containsSecrets).toBe(false);
    expect(serialized.text).not.toContain(secret);
    expect(serialized.text).not.toContain(process.cwd());
    expect(serialized.text).not.toMatch(/axios|Authorization|access_token/);
    // Reported by the benchmark as well; a regression to a captured module is an order of magnitude larger.
    expect(Buffer.byteLength(serialized.text)).toBeLessThan(4096);
  });

  it("loads the implementation by package name or by the project-relative compiled path", async () => {
    const serialized = await pulumi.runtime.serializeFunction(() => eventBridgeSourceProvider);
    expect(serialized.text).toContain('require.resolve("genesys-eventbridge/provider"');
    expect(serialized.text).toContain("operations.js");
  });
});
