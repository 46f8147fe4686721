import * as pulumi from "@pulumi/pulumi";

/** A resource the program registered with the mocked engine. */
export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/**
 * Installs Pulumi mocks for the `genesys-eventbridge` project's `unit` stack
 * that answer each new resource with `answer` and record it; returns the
 * list the registered resources are appended to. With `preview`, the
 * program runs as under `pulumi preview` (`isDryRun()` is true, and outputs
 * the answer leaves out are unknown).
 */
export function mockResources(
  answer: (args: pulumi.runtime.MockResourceArgs) => pulumi.runtime.MockResourceResult,
  preview = false,
): Registered[] {
  const registered: Registered[] = [];
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return answer(args);
      },
      call: () => ({}),
    },
    "genesys-eventbridge",
    "unit",
    preview,
  );
  return registered;
}

/** The value an output resolves to. */
export function value<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply(resolve));
}
