import { preview } from "../preview";
import type { DeliveryImpact, ImpactExample, ImpactTotals } from "./impact";

/** The most target paths {@link impactLine} names after the reshaped count. */
const TARGETS_NAMED = 3;

/**
 * The one line a preview shows for an impact:
 * `delivery impact on 240 recorded events: 37 no longer delivered, 0 newly delivered, 12 reshaped (agentIds)`,
 * naming the most changed target paths (at most three, then `, …`). Pure.
 */
export function impactLine(impact: ImpactTotals & Pick<DeliveryImpact, "reshapedTargets">): string {
  const targets = impact.reshapedTargets.map((t) => t.target);
  const named = targets.length === 0 ? "" : ` (${targets.slice(0, TARGETS_NAMED).join(", ")}${targets.length > TARGETS_NAMED ? ", …" : ""})`;
  return (
    `delivery impact on ${impact.total} recorded event${impact.total === 1 ? "" : "s"}: ` +
    `${impact.newlyDropped} no longer delivered, ${impact.newlyDelivered} newly delivered, ${impact.reshaped} reshaped${named}`
  );
}

/**
 * One line per example, for verbose output: `no longer delivered: <event> (<type>): <reason>`,
 * `reshaped: <event> (<type>): agentIds ["a-1"] -> ["agent"]`. Pure.
 */
export function exampleLines(impact: Pick<DeliveryImpact, "examples">): ReadonlyArray<string> {
  const line = (kind: string, e: ImpactExample): string => {
    const what =
      e.changedTargets === undefined
        ? (e.reason ?? "")
        : e.changedTargets.map((t) => `${t} ${preview(e.before?.[t], 60)} -> ${preview(e.after?.[t], 60)}`).join(", ");
    return `${kind}: ${e.event} (${e.eventType}): ${what}`;
  };
  return [
    ...impact.examples.newlyDropped.map((e) => line("no longer delivered", e)),
    ...impact.examples.newlyDelivered.map((e) => line("newly delivered", e)),
    ...impact.examples.reshaped.map((e) => line("reshaped", e)),
  ];
}
