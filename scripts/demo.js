"use strict";
/**
 * The demo: the built-in Genesys emulator on loopback, a local file state
 * backend and the real Pulumi engine run `pulumi preview --diff` and
 * `pulumi up` on the `demo` stack, then show the outputs, the webhook the
 * local data-warehouse receiver got, and the audit log's verification.
 *
 * Everything it keeps lives under .demo/ (git-ignored): the Pulumi project
 * folder and state, the emulator's store, the audit log and the webhook
 * receipts, so a second run finds the source unchanged.
 *
 * usage: npm run demo [-- --api integrations|event-streams]
 *
 * The default is the real Genesys Cloud contract (the Integrations API, whose
 * filters, directives and mappings take effect on the AWS route);
 * `--api event-streams` runs the original design's contract.
 */
const fs = require("node:fs");
const path = require("node:path");
const { ensureEngine, engineEnv } = require("./engine-env");
const { makeProjectDir, repoRoot } = require("./project-dir");

const DEMO = path.join(repoRoot, ".demo");
/** Signs the demo's webhooks; obviously fake, only meaningful to the local receiver. */
const DEMO_WEBHOOK_KEY = "demo-webhook-key-not-a-secret";

function parseArgs(argv) {
  const i = argv.indexOf("--api");
  const api = i === -1 ? "integrations" : argv[i + 1];
  if (!["event-streams", "integrations"].includes(api)) {
    console.error("usage: npm run demo [-- --api integrations|event-streams]");
    process.exit(2);
  }
  return { api };
}

function heading(text) {
  console.log(`\n==> ${text}`);
}

async function main() {
  const { api } = parseArgs(process.argv.slice(2));
  const { startEmulator } = require("../dist/src/emulator");
  const { startWebhookReceiver } = require("../dist/src/webhook");
  const { verifyAuditLog } = require("../dist/src/audit/verify");
  const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");

  heading("Pulumi engine");
  const engine = ensureEngine();
  console.log(`using ${engine.pulumiPath}`);

  const clientId = process.env.GENESYSCLOUD_OAUTHCLIENT_ID || "emulator-client";
  const clientSecret = process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET || "emulator-secret";
  fs.mkdirSync(DEMO, { recursive: true });
  const emulator = await startEmulator({ port: 0, clientId, clientSecret, storePath: path.join(DEMO, "emulator-store.json") });
  const receiver = await startWebhookReceiver({ secret: DEMO_WEBHOOK_KEY, recordPath: path.join(DEMO, "webhooks.jsonl") });
  try {
    heading("Genesys Cloud emulator and data-warehouse receiver");
    console.log(`emulator  ${emulator.url} (store .demo/emulator-store.json, client id ${clientId})`);
    console.log(`webhooks  ${receiver.url} (receipts .demo/webhooks.jsonl)`);

    const project = makeProjectDir(path.join(DEMO, "project"), { stack: "demo" });
    const envVars = {
      ...engineEnv({ stateDir: path.join(DEMO, "state"), home: path.join(DEMO, "pulumi-home"), binDir: engine.binDir }),
      GENESYSCLOUD_API_BASE_URL: emulator.url,
      GENESYSCLOUD_OAUTHCLIENT_ID: clientId,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: clientSecret,
    };
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "demo", workDir: project },
      { pulumiCommand: await PulumiCommand.get({ root: engine.root, skipVersionCheck: true }), envVars },
    );
    await stack.setAllConfig({
      "genesys:api": { value: api },
      "genesys:auditLogPath": { value: "../audit.jsonl" },
      "genesys:webhookUrl": { value: receiver.url },
      "genesys:webhookSecret": { value: DEMO_WEBHOOK_KEY, secret: true },
    });

    heading(`pulumi preview --diff (stack demo, api ${api})`);
    const preview = await stack.preview({ diff: true, color: "never" });
    process.stdout.write(preview.stdout);

    heading("pulumi up");
    const up = await stack.up({ color: "never", onOutput: (s) => process.stdout.write(s) });

    heading("Stack outputs");
    console.log(JSON.stringify(up.outputs.sources ? up.outputs.sources.value : {}, null, 2));

    heading("Where the definition takes effect on AWS (the rule, the transform stage and the targets on the partner event bus)");
    // The route is on each source's resource outputs (the stack outputs keep the audit hash and metrics).
    const state = await stack.exportStack();
    for (const s of state.deployment.resources.filter((r) => r.type.endsWith(":EventBridgeSource")).map((r) => r.outputs)) {
      console.log(`${s.sourceId}`);
      console.log(`  partner event source  ${s.partnerEventSourceName || "(not reported by this API)"}`);
      for (const pattern of s.eventPatterns ?? [s.eventPattern]) console.log(`  event pattern         ${pattern}`);
      console.log(`  input paths           ${JSON.stringify(s.inputTransformer.inputPaths)}`);
      console.log(`  input template        ${s.inputTransformer.inputTemplate}`);
      if (s.transform) {
        console.log(`  transform stage       ${s.transform.kind}: a Step Functions Express state machine between the rule and the targets`);
        console.log("                        (it replaces the input transformer), evaluating:");
        for (const line of s.transform.expression.split("\n")) console.log(`                          ${line}`);
      } else {
        console.log("  transform stage       none: the input transformer carries every directive and mapping");
      }
      console.log(`  undelivered: ${JSON.stringify(s.undelivered)}`);
      for (const u of s.undelivered) console.log(`  not carried out       ${u.path}: ${u.reason}`);
    }

    heading("Webhooks the data warehouse received in this run");
    const got = receiver.received();
    if (got.length === 0) console.log("none (nothing was created or updated)");
    for (const w of got) console.log(JSON.stringify(w.event ?? w));

    heading("Audit log .demo/audit.jsonl");
    const head = up.outputs.auditHead ? up.outputs.auditHead.value : "";
    const verdict = await verifyAuditLog(path.join(DEMO, "audit.jsonl"), head ? { head } : {});
    const anchored = head ? `, anchored at the stack's auditHead ${head.slice(0, 12)}…` : "";
    console.log(verdict.ok ? `intact: ${verdict.entries} ${verdict.entries === 1 ? "entry" : "entries"}${anchored}` : `BROKEN: ${JSON.stringify(verdict)}`);
    if (!verdict.ok) process.exitCode = 1;
  } finally {
    await receiver.close();
    await emulator.close();
  }
}

main().catch((e) => {
  console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
