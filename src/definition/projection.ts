import { Either, left, right } from "fp-ts/Either";
import type { ConditionOutcome } from "./evaluate-condition";
import { parseExtractPath } from "./extract-path";
import { parseFieldPath } from "./field-path";
import { applyFormat } from "./formats";
import { definitionIssue, DefinitionIssue } from "./issue";
import { resolveExtract, resolveField } from "./resolve";
import { ObjectBuilder } from "./safe-object";
import { SampleEvent } from "./sample-event";
import { selectEvent } from "./select-event";
import { SourceDefinition } from "./source-definition";

/** What the pipeline makes of one sample event. */
export interface Projection {
  /** The sample's index in the samples given. */
  readonly sample: number;
  readonly eventType: string;
  /**
   * The index of the filter reported: the first whose conditions all held
   * when one did, else the first filter of the sample's event type.
   */
  readonly filter: number;
  /** Whether the definition selects the sample (some filter of its event type matched): the event would be sent. */
  readonly matched: boolean;
  /** The path of the first condition of the reported filter that failed, e.g. `filters[0].conditions[1]`; `null` when all held. */
  readonly failedCondition: string | null;
  /** Every condition's outcome, in order. */
  readonly conditions: ReadonlyArray<ConditionOutcome>;
  /** The projected event: only the target fields, dotted targets nested. */
  readonly projected: Readonly<Record<string, unknown>>;
}

/**
 * Runs sample events through a definition: decides whether the definition
 * selects each sample (`selectEvent`: any filter of its event type whose
 * conditions all hold), then applies every transformation and attribute
 * mapping to build the projected event. The projection does not depend on
 * which filter matched: every selected event is reshaped alike. Every sample is projected, matched
 * or not, so each directive is checked against every sample. A sample with
 * no filter, a source that does not resolve, or a value a format cannot
 * convert is an issue (a mismatch) naming the directive's property and the
 * sample; all issues are collected. Never throws.
 */
export function projectSamples(
  def: SourceDefinition,
  samples: ReadonlyArray<SampleEvent>,
): Either<ReadonlyArray<DefinitionIssue>, ReadonlyArray<Projection>> {
  const issues: DefinitionIssue[] = [];
  const projections: Projection[] = [];
  samples.forEach((sample, index) => {
    const selection = selectEvent(def.filters, sample.eventType, sample.event);
    const { filter, outcome } = selection;
    if (filter === undefined || outcome === undefined) {
      const covered = def.filters.map((f) => f.eventType).join(", ");
      issues.push(definitionIssue(`samples[${index}].eventType`, `${JSON.stringify(sample.eventType)} matches no filter; the filters cover ${covered}`));
      return;
    }
    const built = projectEvent(def, sample.event, `samples[${index}] (${sample.eventType})`);
    issues.push(...built.issues);
    projections.push({
      sample: index,
      eventType: sample.eventType,
      filter,
      matched: selection.selected,
      failedCondition: outcome.failedCondition,
      conditions: outcome.conditions,
      projected: built.projected,
    });
  });
  return issues.length > 0 ? left(issues) : right(projections);
}

/** What the transformations and attribute mappings make of one event body: the projected event, and every directive or mapping that failed on it. */
export interface EventProjection {
  /** Problems at the directive's or mapping's property path (`transformations[0].sourceField`); empty when the projection is whole. */
  readonly issues: DefinitionIssue[];
  /** The projected event: only the target fields, dotted targets nested; a failed directive leaves its target out. */
  readonly projected: Record<string, unknown>;
}

/**
 * Applies every transformation and attribute mapping of a definition to one
 * event body, as `projectSamples` does for each sample. `where` names the
 * event in messages (`samples[0] (v2.detail.events.conversation.{id}.customer.start)`).
 * `projected` is what the transform stage on AWS sends for that body (see
 * `compileJsonataExpression`): a target whose source does not resolve (a
 * missing field, an array too short for `[N]`, a value its format cannot
 * convert) is left out, and so is a nested target object none of whose
 * fields was written. Pure; never throws.
 */
export function projectEvent(def: Pick<SourceDefinition, "transformations" | "attributeMappings">, body: unknown, where: string): EventProjection {
  const issues: DefinitionIssue[] = [];
  const builder = new ObjectBuilder();
  const write = (targetPath: string, target: string, value: unknown): void => {
    const segments = parseFieldPath(target);
    if (segments._tag === "Left") issues.push(definitionIssue(targetPath, segments.left));
    else if (!builder.set(segments.right, value)) issues.push(definitionIssue(targetPath, `cannot write ${JSON.stringify(target)}: another target is in the way`));
  };
  const read = (sourcePath: string, source: string): Either<null, unknown> => {
    const segments = parseFieldPath(source);
    const value = segments._tag === "Left" ? segments : resolveField(body, segments.right);
    if (value._tag === "Right") return value;
    issues.push(definitionIssue(sourcePath, `does not resolve on ${where}: ${value.left}`));
    return left(null);
  };

  def.transformations.forEach((d, i) => {
    const at = `transformations[${i}]`;
    const source = read(`${at}.sourceField`, d.sourceField);
    if (source._tag === "Left") return;
    let value = source.right;
    if (d.type === "extract") {
      const step = parseExtractPath(d.path ?? "");
      const extracted = step._tag === "Left" ? step : resolveExtract(value, step.right, d.sourceField);
      if (extracted._tag === "Left") {
        issues.push(definitionIssue(`${at}.path`, `does not resolve on ${where}: ${extracted.left}`));
        return;
      }
      value = extracted.right;
    } else if (d.type === "transform") {
      if (d.format === undefined) {
        issues.push(definitionIssue(`${at}.format`, "is required: a transform directive needs a format"));
        return;
      }
      const converted = applyFormat(d.format, value);
      if (converted._tag === "Left") {
        issues.push(definitionIssue(`${at}.format`, `cannot convert ${d.sourceField} on ${where}: ${converted.left}`));
        return;
      }
      value = converted.right;
    }
    write(`${at}.targetField`, d.targetField, value);
  });
  def.attributeMappings.forEach((m, i) => {
    const source = read(`attributeMappings[${i}].source`, m.source);
    if (source._tag === "Right") write(`attributeMappings[${i}].target`, m.target, source.right);
  });
  return { issues, projected: builder.toPlain() };
}
