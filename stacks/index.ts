/**
 * The stack program: deploys the EventBridge sources that stack config names.
 *
 * Config (namespace `genesys-eventbridge`):
 * - `sources`: a list of `{ definition, samples?, impactEvents? }` file paths
 *   (default: the example definition and its samples under `stacks/examples/`).
 * - `conflictPolicy`, `adoptExisting`: passed to every source.
 * - `catalog`: a saved topic catalog (`genesys-eventbridge topics --out`)
 *   every source is checked against instead of the organization's, relative
 *   to the project folder (or the provider setting `genesys:catalogFile`).
 * Provider config lives under `genesys:` (see the README). When
 * `genesys:webhookUrl` is set, a signed webhook goes out after each
 * successful create or update.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as webhook from "../src/pulumi/webhook-hook";
import { deploySources, newestAuditHead, reportOutputs } from "./program";
import { loadSources, SourceFiles } from "./sources";

const project = new pulumi.Config();
const genesys = new pulumi.Config("genesys");
// Definition paths in config are relative to the project folder (where Pulumi.yaml is).
const root = pulumi.runtime.getRootDirectory();

const defaultSources: SourceFiles[] = [{ definition: "stacks/examples/definition.json", samples: "stacks/examples/samples" }];
// Problems with the files end the program with a RunError: its message, no stack trace.
const loaded = loadSources(project.getObject<unknown>("sources") ?? defaultSources, root);

const webhookUrl = genesys.get("webhookUrl");
// Loaded only when a webhook is configured: the hook brings the HTTP client and the outbox with it.
const hooks = webhookUrl === undefined
  ? []
  : [(require("../src/pulumi/webhook-hook") as typeof webhook).webhookHook("warehouse-webhook", {
      url: webhookUrl,
      secret: genesys.requireSecret("webhookSecret"),
      auditLogPath: genesys.get("auditLogPath"),
      auditS3Endpoint: genesys.get("auditS3Endpoint"),
    })];

const deployed = deploySources(loaded, {
  conflictPolicy: project.get("conflictPolicy") as "overwrite" | "fail" | undefined,
  adoptExisting: project.getBoolean("adoptExisting"),
  catalog: project.get("catalog"),
  afterDeploy: hooks,
});
export const sources = reportOutputs(deployed);
/** Anchors the audit log: `genesys-eventbridge audit verify <log> --head $(pulumi stack output auditHead)`. */
export const auditHead = newestAuditHead(deployed);
