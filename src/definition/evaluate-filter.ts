import { Condition } from "./condition";
import { ConditionOutcome, conditionHolds, evaluateCondition } from "./evaluate-condition";
import { consistentChoiceExists, eventFieldValues, FieldValue } from "./event-fields";
import { Filter } from "./filter";

/** The result of a filter's conditions on one event body. */
export interface FilterOutcome {
  /** Whether the conditions hold together (the event would be sent). */
  readonly matched: boolean;
  /** The path of the first condition that failed, e.g. `filters[0].conditions[1]`; `null` when all held. */
  readonly failedCondition: string | null;
  /** Every condition's outcome, in order. */
  readonly conditions: ReadonlyArray<ConditionOutcome>;
}

/**
 * Evaluates a filter's conditions against an event body: all must hold, and
 * together. Each field's conditions must hold for one and the same value of
 * the field, and the values chosen for different fields must lie in the
 * same element of every array they share: an event pattern matches a
 * filter's fields within one array element (array-consistent matching), so
 * `items.sku eq "a"` and `items.qty gte 2` hold on
 * `{"items": [{"sku": "a", "qty": 2}]}` but not on
 * `{"items": [{"sku": "a", "qty": 1}, {"sku": "b", "qty": 2}]}`.
 *
 * When each condition holds alone but not together, the first condition
 * that cannot join the ones before it is reported as failed. `index` is the
 * filter's index, for the paths. Pure; never throws.
 */
export function evaluateFilter(filter: Filter, event: unknown, index: number): FilterOutcome {
  const outcomes = filter.conditions.map((c, j) => evaluateCondition(c, event, `filters[${index}].conditions[${j}]`));
  const failed = outcomes.find((o) => !o.matched);
  if (failed !== undefined) return { matched: false, failedCondition: failed.path, conditions: outcomes };
  const values = eventFieldValues(event, [...new Set(filter.conditions.map((c) => c.field))]);
  if (holdTogether(filter.conditions, values)) return { matched: true, failedCondition: null, conditions: outcomes };
  let k = 1;
  while (k < filter.conditions.length && holdTogether(filter.conditions.slice(0, k + 1), values)) k++;
  const path = outcomes[k].path;
  const conditions = outcomes.map((o, j) =>
    j === k
      ? {
          path,
          matched: false,
          reason: `${filter.conditions[j].field} meets this condition only where the conditions before it do not: EventBridge matches a filter's fields within one value and one array element`,
        }
      : o,
  );
  return { matched: false, failedCondition: path, conditions };
}

/** Whether one value per field, array-consistent with each other, meets every condition on its field. */
function holdTogether(conditions: ReadonlyArray<Condition>, values: ReadonlyMap<string, ReadonlyArray<FieldValue>>): boolean {
  const byField = new Map<string, Condition[]>();
  for (const c of conditions) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  return consistentChoiceExists([...byField].map(([field, cs]) => (values.get(field) ?? []).filter((v) => cs.every((c) => conditionHolds(c, v.value)))));
}
