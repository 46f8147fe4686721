import { Either, left, right } from "fp-ts/Either";
import { DefinitionIssue, changedPaths, definitionIssue, parseRoleArn, partitionOfRegion, payloadHash, validateDefinition } from "../../definition";
import { IntendedState } from "../../definition/vocabulary/intended-state";
import { IntegrationState, definitionPathOf, desiredIntegrationState, normaliseEventFilter } from "./state";

/** A source definition written from an existing integration (see {@link definitionOfIntegration}). */
export interface ExportedDefinition {
  /** The definition's id: the integration's name. */
  readonly id: string;
  /**
   * What the definition file holds: `id`, `eventSourceSuffix`,
   * `intendedState`, `configuration` and one filter per topic, without
   * conditions.
   */
  readonly file: Readonly<Record<string, unknown>>;
  readonly intendedState: IntendedState;
  /**
   * True when no role ARN was given for the integration's AWS account: then
   * `configuration.roleArn` holds a placeholder (see {@link roleArnPlaceholder})
   * that validation refuses, so the file cannot be deployed before it is set.
   */
  readonly roleArnMissing: boolean;
  /**
   * The definition paths where the integration differs from what the
   * definition asks for (e.g. `eventSourceSuffix` when the integration has
   * none): adopting the definition writes them. Empty when adoption writes
   * nothing.
   */
  readonly writes: ReadonlyArray<string>;
}

/**
 * The placeholder written as `configuration.roleArn` when no role ARN was
 * given for `awsAccountId`: it shows the form of the ARN to put there, and is
 * not an ARN, so `validate` and `pulumi preview` name the property until it
 * is replaced. An integration does not carry the role: Genesys Cloud is not
 * told which role the AWS side uses.
 */
export function roleArnPlaceholder(awsAccountId: string, region: string): string {
  return `<set: arn:${partitionOfRegion(region) ?? "aws"}:iam::${awsAccountId}:role/NAME>`;
}

/** Where each definition path of an exported definition comes from in the integration, for messages. */
function integrationPathOf(definitionPath: string): string | undefined {
  if (definitionPath === "id") return "name";
  if (definitionPath === "intendedState") return "intendedState";
  if (definitionPath === "configuration.awsAccountId") return "properties.awsAccountId";
  if (definitionPath === "configuration.region") return "properties.awsAccountRegion";
  if (definitionPath === "eventSourceSuffix") return "properties.eventSourceSuffix";
  if (/^filters(\[\d+\](\.eventType)?)?$/.test(definitionPath)) return "properties.eventFilter";
  return undefined;
}

const text = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined);

/**
 * The source definition an existing `amazon-eventbridge-source` integration
 * stands for, so that a stack adopting it (`adoptExisting: true`) writes
 * nothing when nothing differs: `id` is the integration's name, the AWS
 * account, region and event source suffix go to `configuration` and
 * `eventSourceSuffix`, each topic becomes a filter with that event type and
 * no conditions, and the intended state is kept. The role ARN comes from
 * `roleArns`, the one in the integration's account (else a placeholder, see
 * {@link roleArnPlaceholder}). The result is checked by decoding it as a
 * definition and comparing the integration state it asks for with `state`.
 * Issues name the definition path and the integration's field
 * (`id: ... (from the integration's name)`); an integration whose name is
 * not a valid definition id cannot be adopted under that name. Pure.
 */
export function definitionOfIntegration(integration: IntegrationState, roleArns: ReadonlyArray<string> = []): Either<ReadonlyArray<DefinitionIssue>, ExportedDefinition> {
  // Topics are a set: sorted as the adapter reads them, so that the filters come in one order.
  const state: IntegrationState = "eventFilter" in integration.properties
    ? { ...integration, properties: { ...integration.properties, eventFilter: normaliseEventFilter(integration.properties["eventFilter"]) } }
    : integration;
  const p = state.properties;
  const awsAccountId = text(p["awsAccountId"]);
  const region = text(p["awsAccountRegion"]);
  const suffix = text(p["eventSourceSuffix"]);
  const topics = Array.isArray(p["eventFilter"]) ? (p["eventFilter"] as unknown[]) : [];
  const issues: DefinitionIssue[] = [];
  const intendedState = IntendedState.is(state.intendedState) ? state.intendedState : undefined;
  if (intendedState === undefined) {
    issues.push(definitionIssue("intendedState", `expected ENABLED or DISABLED, found ${JSON.stringify(state.intendedState)}`));
  }
  const matching = roleArns.find((arn) => {
    const parsed = parseRoleArn(arn);
    return parsed._tag === "Right" && parsed.right.accountId === awsAccountId;
  });
  // Checked with a well-formed stand-in, so that the other properties are judged on their own.
  const standIn = `arn:${partitionOfRegion(region ?? "") ?? "aws"}:iam::${awsAccountId ?? ""}:role/genesys-eventbridge`;
  const configuration = (roleArn: string) => ({
    ...(awsAccountId === undefined ? {} : { awsAccountId }),
    roleArn,
    ...(region === undefined ? {} : { region }),
  });
  const definition = (roleArn: string) => ({
    id: state.name,
    ...(suffix === undefined ? {} : { eventSourceSuffix: suffix }),
    configuration: configuration(roleArn),
    filters: topics.map((eventType) => ({ eventType, conditions: [] })),
  });
  const decoded = validateDefinition(definition(matching ?? standIn));
  if (decoded._tag === "Left") {
    const relevant = matching === undefined ? decoded.left.filter((i) => i.path !== "configuration.roleArn") : decoded.left;
    issues.push(...relevant.map((i) => withOrigin(i)));
  }
  if (decoded._tag === "Left" || intendedState === undefined || issues.length > 0) return left(issues);
  const desired = desiredIntegrationState(decoded.right, { intendedState });
  const writes = payloadHash(desired) === payloadHash(state) ? [] : [...new Set(changedPaths(desired, state).map(definitionPathOf))];
  const roleArn = matching ?? roleArnPlaceholder(awsAccountId ?? "", region ?? "");
  const { id, eventSourceSuffix, configuration: config, filters } = { eventSourceSuffix: undefined, ...definition(roleArn) };
  return right({
    id,
    file: { id, ...(eventSourceSuffix === undefined ? {} : { eventSourceSuffix }), intendedState, configuration: config, filters },
    intendedState,
    roleArnMissing: matching === undefined,
    writes,
  });
}

function withOrigin(issue: DefinitionIssue): DefinitionIssue {
  const origin = integrationPathOf(issue.path);
  return origin === undefined ? issue : definitionIssue(issue.path, `${issue.message} (from the integration's ${origin})`);
}
