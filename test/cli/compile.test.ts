import * as fs from "fs";
import * as path from "path";
import { compileJsonataExpression } from "../../src/definition";
import { definition, example, fixture } from "../definition/fixtures";
import { EXAMPLES, FIXTURES, removeTempDirs, runCli, runCliWithInput, tempDir, writeJson } from "./run-cli";

const definitionFile = path.join(FIXTURES, "definition.json");
const PARTNER = "aws.partner/genesys.com/cloud/3f1e2d4c-0000-4000-8000-000000000001/genesys-prod-01";

/** The example's event pattern, with `source` when a partner event source is named. */
function pattern(source?: string): Record<string, unknown> {
  return {
    ...(source === undefined ? {} : { source: [source] }),
    $or: [
      { "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: { metadata: { routingStatus: ["queued", "contact"], source: ["web"] } } } },
      { "detail-type": ["v2.detail.events.conversation.{id}.customer.end"], detail: { eventBody: { metrics: { duration: [{ numeric: [">=", 30, "<=", 1000000000] }] } } } },
    ],
  };
}

afterAll(removeTempDirs);

describe("compile", () => {
  it("prints the event pattern, the input transformer, the transform stage and that nothing is left undelivered", async () => {
    expect(await runCli("compile", definitionFile)).toEqual({
      code: 0,
      err: "",
      out: [
        "event pattern:",
        ...JSON.stringify(pattern(), null, 2).split("\n").map((l) => `  ${l}`),
        "input transformer:",
        "  input paths:",
        "    {",
        '      "convId": "$.detail.eventBody.conversation.id",',
        '      "customTenant": "$.detail.eventBody.attributes.tenantId"',
        "    }",
        "  input template:",
        '    {"convId":<convId>,"custom":{"tenant":<customTenant>}}',
        "transform stage (jsonata, Step Functions Express; replaces the input transformer):",
        ...compileJsonataExpression(definition()).split("\n").map((l) => `    ${l}`),
        "undelivered: none",
      ].join("\n"),
    });
  });

  it("prints compileRoute's result as JSON, with source from --org-id and the definition's suffix", async () => {
    const r = await runCli("compile", definitionFile, "--org-id", "3f1e2d4c-0000-4000-8000-000000000001", "--json");
    expect([r.code, r.err, r.out.split("\n").length, JSON.parse(r.out)]).toEqual([
      0,
      "",
      1,
      {
        ok: true,
        eventPatterns: [JSON.stringify(pattern(PARTNER))],
        eventPattern: JSON.stringify(pattern(PARTNER)),
        inputTransformer: {
          inputPaths: { convId: "$.detail.eventBody.conversation.id", customTenant: "$.detail.eventBody.attributes.tenantId" },
          inputTemplate: '{"convId":<convId>,"custom":{"tenant":<customTenant>}}',
        },
        transform: { kind: "jsonata", expression: compileJsonataExpression(definition()) },
        undelivered: [],
      },
    ]);
  });

  it("puts a named partner event source into the pattern", async () => {
    const r = await runCli("compile", definitionFile, "--partner-event-source", "aws.partner/genesys.com/cloud/org/other", "--json");
    expect([r.code, JSON.parse(JSON.parse(r.out).eventPattern).source]).toEqual([0, ["aws.partner/genesys.com/cloud/org/other"]]);
  });

  it("compiles two filters on one event type, and one rule per event type when fields named like matchers would stand inside $or", async () => {
    const def = fixture("definition.json") as any;
    def.filters = [
      { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "duration", operator: "gte", value: 60 }] },
      { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "queue", operator: "eq", value: "Support" }] },
      { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "sip" }] },
    ];
    const r = await runCli("compile", writeJson(tempDir(), "or.json", def), "--json");
    const out = JSON.parse(r.out);
    expect([r.code, r.err, out.eventPatterns.map((p: string) => JSON.parse(p)), "eventPattern" in out]).toEqual([
      0,
      "",
      [
        {
          $or: [
            { "detail-type": ["v2.detail.events.conversation.{id}.user.end"], detail: { eventBody: { duration: [{ numeric: [">=", 60, "<=", 1e9] }] } } },
            { "detail-type": ["v2.detail.events.conversation.{id}.user.end"], detail: { eventBody: { queue: ["Support"] } } },
          ],
        },
        { "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: { prefix: ["sip"] } } },
      ],
      false,
    ]);
    const text = await runCli("compile", writeJson(tempDir(), "or.json", def));
    expect(text.out.split("\n").filter((l) => l.startsWith("event pattern"))).toEqual(["event pattern of rule 1 of 2:", "event pattern of rule 2 of 2:"]);
  });

  it("exits 1 with the conditions the pattern cannot express, and prints no route", async () => {
    const def = fixture("definition.json") as any;
    def.filters[1].conditions.push({ field: "metadata.timestamp", operator: "gte", value: "2024-01-01T00:00:00Z" });
    def.filters[0].conditions.push({ field: "flags.vip", operator: "neq", value: true });
    const file = writeJson(tempDir(), "timestamps.json", def);
    expect(await runCli("compile", file)).toEqual({
      code: 1,
      out: "",
      err: [
        "eventbridge-source-prod-01: the event pattern cannot express these conditions, so a rule would deliver events the definition filters out:",
        "  filters[0].conditions[2]: neq true cannot be expressed: EventBridge anything-but matching takes strings and numbers only",
        '  filters[1].conditions[1]: gte with the timestamp "2024-01-01T00:00:00Z" cannot be expressed: EventBridge numeric matching compares JSON numbers only, and string matchers have no ordering',
      ].join("\n"),
    });
  });

  it("prints the conditions the pattern cannot express as a --json document with exit 1", async () => {
    const def = fixture("definition.json") as any;
    def.filters[0].conditions.push({ field: "flags.vip", operator: "neq", value: true });
    const r = await runCli("compile", writeJson(tempDir(), "neq.json", def), "--json");
    expect([r.code, r.err, JSON.parse(r.out)]).toEqual([
      1,
      "",
      {
        ok: false,
        problems: [
          {
            message: "filters[0].conditions[2]: neq true cannot be expressed: EventBridge anything-but matching takes strings and numbers only",
            path: "filters[0].conditions[2]",
          },
        ],
      },
    ]);
  });

  it("reads the definition from standard input", async () => {
    const r = await runCliWithInput(fs.readFileSync(definitionFile), "compile", "-", "--json");
    expect([r.code, r.err, JSON.parse(r.out).inputTransformer.inputTemplate]).toEqual([0, "", '{"convId":<convId>,"custom":{"tenant":<customTenant>}}']);
  });

  it("exits 1 with the property paths of an invalid definition", async () => {
    const def = fixture("definition.json") as any;
    def.filters[0].conditions[0].operator = "like";
    const file = writeJson(tempDir(), "invalid.json", def);
    expect(await runCli("compile", file)).toEqual({
      code: 1,
      out: "",
      err: 'filters[0].conditions[0].operator: expected one of eq, neq, in, gte, lte, found "like"',
    });
  });

  it.each([
    [["compile"], "expected exactly one definition file"],
    [["compile", definitionFile, "--org-id", "o", "--partner-event-source", "p"], "give --partner-event-source or --org-id, not both"],
    [["compile", definitionFile, "--org-id"], "option --org-id needs a value"],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    expect(await runCli(...argv)).toEqual({
      code: 2,
      out: "",
      err: `genesys-eventbridge compile: ${message}\nusage: genesys-eventbridge compile <definition.json | -> [--partner-event-source <name> | --org-id <id>] [--catalog <file>] [--json]`,
    });
  });

  it("exits 1 for a definition file that does not exist, in text and in JSON", async () => {
    const missing = path.join(EXAMPLES, "missing.json");
    expect(await runCli("compile", missing)).toEqual({ code: 1, out: "", err: `file not found: ${missing}` });
    const r = await runCli("compile", missing, "--json");
    expect([r.code, r.err, JSON.parse(r.out)]).toEqual([1, "", { ok: false, problems: [{ message: `file not found: ${missing}`, file: missing }] }]);
  });
});
