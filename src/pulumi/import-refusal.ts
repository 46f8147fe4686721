import * as pulumi from "@pulumi/pulumi";

/**
 * The error an `EventBridgeSource` declared with the `import` resource option
 * fails with, before anything is registered.
 *
 * A dynamic provider cannot import: for `import` the engine reads the
 * resource with no recorded properties, and the dynamic-provider host of
 * `@pulumi/pulumi` 3.248 fails on that request (`Cannot read properties of
 * undefined (reading 'toJavaScript')`) before any provider code runs, so no
 * provider method can answer. The resource refuses the option instead and
 * names what does the job: `adoptExisting: true`.
 *
 * The error is shown on the resource: on its URN (a
 * `pulumi.DependencyResource` stands for it without registering anything),
 * or on its parent when it has one (the parent's URN is not known yet).
 * No stack trace is printed.
 */
export function importRefused(name: string, typeToken: string, opts: pulumi.CustomResourceOptions): pulumi.ResourceError {
  const given = typeof opts.import === "string" ? ` "${opts.import}"` : "";
  const message =
    `${typeToken} '${name}': the import resource option${given} is not supported: a dynamic provider cannot import. ` +
    "To bring an existing remote source with the same id under this stack, remove `import` and set `adoptExisting: true`: " +
    "the next `pulumi up` takes it over.";
  const on = opts.parent ?? new pulumi.DependencyResource(`urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${typeToken}::${name}`);
  return new pulumi.ResourceError(message, on, true);
}
