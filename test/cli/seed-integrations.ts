import { createGenesysClient } from "../../src/genesys/client";
import type { GenesysClient } from "../../src/genesys/client";

/** An integration as a console user would set it up. */
export interface SeedIntegration {
  readonly name: string;
  readonly intendedState?: "ENABLED" | "DISABLED";
  /** The config properties (`awsAccountId`, `awsAccountRegion`, `eventSourceSuffix`, `eventFilter`); none leaves the config empty. */
  readonly properties?: Record<string, unknown>;
}

/** EventBridge source properties for an account, region, suffix and topics. */
export function eventBridgeProperties(awsAccountId: string, awsAccountRegion: string, eventSourceSuffix: string, eventFilter: string[]): Record<string, unknown> {
  return { awsAccountId, awsAccountRegion, eventSourceSuffix, eventFilter };
}

async function call(client: GenesysClient, method: "POST" | "PUT" | "PATCH", path: string, json: unknown): Promise<any> {
  const answer = await client.request({ method, path, json });
  if (answer._tag === "Left") throw new Error(`${method} ${path}: ${JSON.stringify(answer.left)}`);
  return answer.right.body;
}

/**
 * Creates integrations through the public Integrations API, as the Genesys
 * Cloud console would (POST, config PUT, PATCH of the intended state), and
 * returns their ids in order. The integrations carry no ownership marker.
 */
export async function seedIntegrations(
  apiBaseUrl: string,
  credentials: { clientId: string; clientSecret: string },
  integrations: ReadonlyArray<SeedIntegration>,
): Promise<string[]> {
  const client = createGenesysClient({ ...credentials, apiBaseUrl });
  if (client._tag === "Left") throw new Error("no client");
  const ids: string[] = [];
  for (const i of integrations) {
    const created = await call(client.right, "POST", "/api/v2/integrations", { name: i.name, integrationType: { id: "amazon-eventbridge-source" } });
    const id = created.id as string;
    if (i.properties !== undefined) {
      await call(client.right, "PUT", `/api/v2/integrations/${id}/config/current`, { name: i.name, version: 1, properties: i.properties, notes: "set up in the console" });
    }
    if ((i.intendedState ?? "ENABLED") === "ENABLED") await call(client.right, "PATCH", `/api/v2/integrations/${id}`, { intendedState: "ENABLED" });
    ids.push(id);
  }
  return ids;
}
