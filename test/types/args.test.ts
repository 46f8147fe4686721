import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ROOT, virtualProject } from "./program";

/*
 * The resource's arguments (and the route component's definition) as a
 * user's editor and compiler see them: the README's worked example compiles
 * and every definition property it sets is documented with an example;
 * misspelt properties and unknown operators do not compile.
 */

/** The README's worked example (its first `ts` block). */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = /## Worked example\s+```ts\n([\s\S]*?)```/.exec(readme);
  if (block === null) throw new Error("README.md has no ts block under 'Worked example'");
  return block[1];
}

const HEADER = [
  'import * as pulumi from "@pulumi/pulumi";',
  'import { EventBridgeSource, EventBridgeSourceArgs } from "genesys-eventbridge";',
  'import { EventBridgeRoute } from "genesys-eventbridge/aws";',
  "",
].join("\n");

/** A program declaring one source whose arguments are `valid` with `edit` applied to the text. */
function declare(edit: (args: string) => string): string {
  const args = `{
  id: "eventbridge-source-prod-01",
  configuration: { awsAccountId: "123456789012", region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/genesys-eb-role" },
  filters: [{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "metadata.source", operator: "eq", value: "web" }] }],
  transformations: [{ sourceField: "metadata.timestamp", targetField: "eventTime", type: "transform", format: "iso8601" }],
  attributeMappings: [{ source: "attributes.tenantId", target: "custom.tenant" }],
  samples: [{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { metadata: { source: "web" } } }],
  conflictPolicy: "fail",
  intendedState: "ENABLED",
}`;
  return `${HEADER}export const source = new EventBridgeSource("s", ${edit(args)});\n`;
}

/** A program declaring one route whose definition is the valid one with `edit` applied to the text. */
function route(edit: (definition: string) => string): string {
  const definition = `{
    id: "eventbridge-source-prod-01",
    configuration: { awsAccountId: "123456789012", region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/genesys-eb-role" },
    filters: [{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "metadata.source", operator: "in", value: ["web", "chat"] }] }],
  }`;
  return `${HEADER}export const route = new EventBridgeRoute("r", { definition: ${edit(definition)}, targets: [] });\n`;
}

/** Each error as `TS<code> names <text>` when its message names `text`, else the whole error (the type texts are long). */
function refused(errors: string[], text: string): string[] {
  return errors.map((e) => (e.includes(`'${text}'`) ? `${e.split(" ")[0]} names ${text}` : e));
}

/** Mistakes: how the valid arguments are edited, the error code and the name (or value) the error must name. */
const MISTAKES: Record<string, [(args: string) => string, string, string]> = {
  "a misspelt filter property (evenType)": [(a) => a.replace("{ eventType: \"v2.detail.events.conversation.{id}.customer.start\", conditions", "{ evenType: \"v2.detail.events.conversation.{id}.customer.start\", conditions"), "TS2353", "evenType"],
  "a misspelt condition property (operater)": [(a) => a.replace('operator: "eq"', 'operater: "eq"'), "TS2353", "operater"],
  "an unknown operator (equals)": [(a) => a.replace('operator: "eq"', 'operator: "equals"'), "TS2322", "\"equals\""],
  "an unknown directive type (copy)": [(a) => a.replace('type: "transform"', 'type: "copy"'), "TS2322", "\"copy\""],
  "an unknown format (ISO8601)": [(a) => a.replace('format: "iso8601"', 'format: "ISO8601"'), "TS2820", "\"ISO8601\""],
  "a misspelt mapping property (targets)": [(a) => a.replace('target: "custom.tenant"', 'targets: "custom.tenant"'), "TS2353", "targets"],
  "a missing roleArn": [(a) => a.replace(', roleArn: "arn:aws:iam::123456789012:role/genesys-eb-role"', ""), "TS2322", "roleArn"],
  "a misspelt top-level property (filter)": [(a) => a.replace("filters:", "filter:"), "TS2561", "filter"],
  "an unknown conflict policy (merge)": [(a) => a.replace('conflictPolicy: "fail"', 'conflictPolicy: "merge"'), "TS2322", "\"merge\""],
  "an intended state in the wrong case (enabled)": [(a) => a.replace('intendedState: "ENABLED"', 'intendedState: "enabled"'), "TS2820", "\"enabled\""],
  "a sample without its event type": [(a) => a.replace('{ eventType: "v2.detail.events.conversation.{id}.customer.start", event', "{ event"), "TS2322", "eventType"],
  "a condition value that is an object": [(a) => a.replace('value: "web"', 'value: { is: "web" }'), "TS2353", "is"],
};

/** The same mistakes in the definition of an `EventBridgeRoute` (a plain value there: the pattern is compiled in the program). */
const ROUTE_MISTAKES: Record<string, [(definition: string) => string, string, string]> = {
  "a misspelt filter property (evenType)": [(d) => d.replace("eventType:", "evenType:"), "TS2561", "evenType"],
  "a misspelt condition property (operater)": [(d) => d.replace("operator:", "operater:"), "TS2561", "operater"],
  "an unknown operator (equals)": [(d) => d.replace('operator: "in"', 'operator: "equals"'), "TS2322", '"equals"'],
};

const INPUTS = `${HEADER}
const config = new pulumi.Config();
const operator = pulumi.output<"eq" | "neq">("neq");
export const args: EventBridgeSourceArgs = {
  id: config.require("sourceId"),
  configuration: pulumi.output({ awsAccountId: "123456789012", region: "us-east-1", roleArn: config.require("roleArn") }),
  filters: [{ eventType: pulumi.output("v2.detail.events.conversation.{id}.customer.start"), conditions: Promise.resolve([{ field: "metadata.source", operator, value: [config.require("channel")] }]) }],
  adoptExisting: config.getBoolean("adopt"),
};
export const source = new EventBridgeSource("s", args);
`;

describe("EventBridgeSourceArgs", () => {
  const project = virtualProject({
    readme: readmeExample(),
    valid: declare((a) => a),
    inputs: INPUTS,
    route: route((d) => d),
    ...Object.fromEntries(Object.entries(MISTAKES).map(([name, [edit]], i) => [`mistake${i}`, declare(edit)])),
    ...Object.fromEntries(Object.entries(ROUTE_MISTAKES).map(([name, [edit]], i) => [`route${i}`, route(edit)])),
  });

  it("takes the README's worked example", () => {
    expect(project.errors("readme")).toEqual([]);
  });

  it("takes every definition property and steering input, and outputs, promises and config values at any depth", () => {
    expect([project.errors("valid"), project.errors("inputs"), project.errors("route")]).toEqual([[], [], []]);
  });

  it.each(Object.entries(ROUTE_MISTAKES).map(([name, [, code, text]], i) => [name, i, code, text] as const))(
    "refuses, in a route's definition, %s",
    (_name, i, code, text) => {
      expect(refused(project.errors(`route${i}`), text)).toEqual([`${code} names ${text}`]);
    },
  );

  it.each(Object.entries(MISTAKES).map(([name, [, code, text]], i) => [name, i, code, text] as const))("refuses %s", (_name, i, code, text) => {
    expect(refused(project.errors(`mistake${i}`), text)).toEqual([`${code} names ${text}`]);
  });

  it("documents every property the README's example sets, with an example value", () => {
    const file = project.fileName("readme");
    const source = project.service.getProgram()!.getSourceFile(file)!;
    const undocumented: string[] = [];
    const seen: string[] = [];
    const visit = (node: ts.Node, inArgs: boolean): void => {
      if (ts.isNewExpression(node) && node.expression.getText(source) === "EventBridgeSource" && node.arguments?.[1] !== undefined) {
        visit(node.arguments[1], true);
        return;
      }
      // A route's definition and samples are the source's.
      if (!inArgs && ts.isPropertyAssignment(node) && ["definition", "samples"].includes(node.name.getText(source))) {
        visit(node.initializer, true);
        return;
      }
      if (inArgs && ts.isPropertyAssignment(node)) {
        const name = node.name.getText(source);
        seen.push(name);
        const info = project.service.getQuickInfoAtPosition(file, node.name.getStart(source));
        const documented = (info?.documentation ?? []).length > 0 && (info?.tags ?? []).some((t) => t.name === "example");
        if (!documented) undocumented.push(name);
        // An event body is the user's own data: its keys are not ours to document.
        if (name === "event") return;
      }
      ts.forEachChild(node, (child) => visit(child, inArgs));
    };
    visit(source, false);
    expect([[...new Set(seen)].sort(), undocumented]).toEqual([
      [
        "attributeMappings", "awsAccountId", "conditions", "configuration", "event", "eventType", "field", "filters", "id", "operator",
        "region", "roleArn", "source", "sourceField", "target", "targetField", "transformations", "type", "value",
      ],
      [],
    ]);
  });
});
