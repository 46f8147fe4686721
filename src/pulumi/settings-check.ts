import type * as pulumi from "@pulumi/pulumi";

/**
 * A check result with the provider-settings problems added as failures. A
 * failure names an input property; settings are not inputs, so these carry
 * no property and the config key opens the reason
 * (`genesys:region: unknown region 'eu-wst-1' (known: ...)`).
 */
export function withSettingsFailures(result: pulumi.dynamic.CheckResult, problems: ReadonlyArray<string>): pulumi.dynamic.CheckResult {
  if (problems.length === 0) return result;
  const failures = [...problems.map((reason) => ({ property: "", reason })), ...(result.failures ?? [])];
  return { ...result, failures };
}

/** A config value as text: strings as they are, structured values as JSON; `undefined` when absent. */
export function configText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}
