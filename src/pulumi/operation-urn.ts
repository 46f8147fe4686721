import type { ProviderHost } from "./provider-host";

/**
 * The URN of the resource a provider operation works on.
 *
 * The engine sends the URN with every Check, Create, Update, Diff, Read and
 * Delete request, but the dynamic-provider host of `@pulumi/pulumi` 3.248 hands a
 * dynamic provider only the property bag it decodes from the request. To
 * log on the resource (see `./engine-log`), the decoding is watched: each
 * bag the host decodes from one of those requests is remembered with the
 * request's URN, and the operation looks its own bag up. The bag is the very
 * object the host passes to `check(olds, news)`, `create(inputs)`, `update(id, olds, news)`,
 * `read(id, props)` and `delete(id, props)`, and the desired bag of
 * `diff(id, olds, news)` (where a preview's delivery impact is logged).
 *
 * Watching starts when this code first runs in the host, which is inside
 * the first request the host serves: that request's bag is not known, and
 * its lines go to the engine's log without a resource. A deployment calls
 * `check` before every create and update, so only the first refresh or
 * delete of a provider process is affected.
 */
const urns = new WeakMap<object, string>();

/** The getter of each request type that yields the bag handed to the provider. */
const WATCHED: ReadonlyArray<readonly [string, string]> = [
  ["CheckRequest", "getNews"],
  ["CreateRequest", "getProperties"],
  ["UpdateRequest", "getNews"],
  ["DiffRequest", "getNews"],
  ["ReadRequest", "getProperties"],
  ["DeleteRequest", "getProperties"],
];

const MARK = Symbol.for("genesys-eventbridge.watchesUrns");

interface DecodedStruct {
  toJavaScript(): unknown;
}

type RequestPrototype = Record<string | symbol, unknown> & { getUrn?: () => string };

/**
 * Starts remembering the URN of each request the host decodes (once per
 * process; a no-op outside a host or when the host's request classes do not
 * look as expected). Returns whether URNs are being watched.
 */
export function watchRequestUrns(host: ProviderHost | undefined): boolean {
  if (host === undefined) return false;
  let proto: Record<string, { prototype: RequestPrototype } | undefined>;
  try {
    proto = host.require("../../proto/provider_pb") as typeof proto;
  } catch {
    return false;
  }
  let watching = true;
  for (const [type, getter] of WATCHED) {
    const prototype = proto[type]?.prototype;
    if (prototype === undefined || typeof prototype[getter] !== "function" || typeof prototype.getUrn !== "function") {
      watching = false;
      continue;
    }
    if (prototype[MARK] === true) continue;
    const original = prototype[getter] as (this: unknown) => DecodedStruct | undefined;
    prototype[getter] = function (this: { getUrn(): string }): DecodedStruct | undefined {
      const struct = original.call(this);
      if (struct === undefined || struct === null || typeof struct.toJavaScript !== "function") return struct;
      const urn = this.getUrn();
      const decode = struct.toJavaScript;
      struct.toJavaScript = function (this: DecodedStruct): unknown {
        const value = decode.call(this);
        if (value !== null && typeof value === "object" && urn !== "") urns.set(value, urn);
        return value;
      };
      return struct;
    };
    prototype[MARK] = true;
  }
  return watching;
}

/** The URN of the request `props` was decoded from; `undefined` when it is not known. */
export function urnOf(props: object): string | undefined {
  return urns.get(props);
}
