import * as t from "io-ts";
import { isLeft } from "fp-ts/Either";
import { indexAccessor, propertyAccessor } from "./accessor";
import { expected } from "./preview";

/*
 * Small io-ts combinators for the definition codecs. Each context entry's key
 * is an accessor fragment (`.filters`, `[0]`), so an error's property path is
 * the concatenation of its context keys (see `issues-from-errors.ts`).
 */

/** A problem a codec's cross-field check finds, relative to the checked value (`at` is an accessor suffix). */
export interface Finding {
  readonly at: string;
  readonly message: string;
}

/** A record shape: property names to codecs. */
export type Shape = Record<string, t.Mixed>;

/** The decoded value of a struct with `required` and `optional` shapes. */
export type StructOf<R extends Shape, O extends Shape> = {
  readonly [K in keyof R]: t.TypeOf<R[K]>;
} & { readonly [K in keyof O]?: t.TypeOf<O[K]> } extends infer V
  ? { [K in keyof V]: V[K] }
  : never;

/** True for a non-null, non-array object. */
export function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

/** Reads own property `key` only (never the prototype chain). */
export function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Appends an accessor fragment to a context. */
export function within(c: t.Context, fragment: string, actual: unknown, type: t.Decoder<unknown, unknown> = t.unknown): t.Context {
  return [...c, { key: fragment, type, actual }];
}

/**
 * A leaf codec from a decoding function that returns the value or a message.
 * The value is kept as it is (no copy): leaves are scalars or arrays of scalars.
 */
export function leaf<A>(name: string, decode: (u: unknown) => { ok: true; value: A } | { ok: false; message: string }): t.Type<A, A, unknown> {
  return new t.Type<A, A, unknown>(
    name,
    (u): u is A => decode(u).ok,
    (u, c) => {
      const r = decode(u);
      return r.ok ? t.success(r.value) : t.failure(u, c, r.message);
    },
    t.identity,
  );
}

/** A string leaf accepted when `problem` returns no message; `what` describes it in errors. */
export function text(name: string, what: string, problem: (s: string) => string | undefined = () => undefined): t.Type<string, string, unknown> {
  return leaf<string>(name, (u) => {
    if (typeof u !== "string") return { ok: false, message: expected(what, u) };
    const p = problem(u);
    return p === undefined ? { ok: true, value: u } : { ok: false, message: p };
  });
}

/** A leaf accepting one of the given strings; the error names the allowed set. */
export function oneOf<L extends string>(name: string, allowed: ReadonlyArray<L>): t.Type<L, L, unknown> {
  return leaf<L>(name, (u) =>
    typeof u === "string" && (allowed as ReadonlyArray<string>).includes(u)
      ? { ok: true, value: u as L }
      : { ok: false, message: expected(`one of ${allowed.join(", ")}`, u) },
  );
}

/**
 * A codec with a default: what {@link withDefault} returns. It keeps the
 * wrapped codec (`inner`), so {@link InputOf} knows the property may be left out.
 */
export class DefaultedType<C extends t.Mixed> extends t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  readonly _tag = "DefaultedType" as const;
  constructor(readonly inner: C, fallback: () => t.TypeOf<C>) {
    super(
      inner.name,
      (u): u is t.TypeOf<C> => inner.is(u),
      (u, c) => (u === undefined ? t.success(fallback()) : inner.validate(u, c)),
      inner.encode,
    );
  }
}

/** A codec that decodes an absent value to `fallback()` and anything else with `codec`. */
export function withDefault<C extends t.Mixed>(codec: C, fallback: () => t.TypeOf<C>): DefaultedType<C> {
  return new DefaultedType(codec, fallback);
}

/** An array codec: what {@link list} returns. It keeps the element codec (`item`) for {@link InputOf}. */
export class ListType<C extends t.Mixed> extends t.Type<ReadonlyArray<t.TypeOf<C>>, ReadonlyArray<t.OutputOf<C>>, unknown> {
  readonly _tag = "ListType" as const;
  constructor(
    name: string,
    readonly item: C,
    is: t.Is<ReadonlyArray<t.TypeOf<C>>>,
    validate: t.Validate<unknown, ReadonlyArray<t.TypeOf<C>>>,
  ) {
    super(name, is, validate, (a) => a.map((x) => item.encode(x)));
  }
}

/** A closed record codec: what {@link struct} returns. It keeps its shapes (`required`, `optional`) for {@link InputOf}. */
export class StructType<R extends Shape, O extends Shape> extends t.Type<StructOf<R, O>, StructOf<R, O>, unknown> {
  readonly _tag = "StructType" as const;
  constructor(
    name: string,
    readonly required: R,
    readonly optional: O,
    is: t.Is<StructOf<R, O>>,
    validate: t.Validate<unknown, StructOf<R, O>>,
  ) {
    super(name, is, validate, t.identity);
  }
}

/** The keys of a shape whose codecs have a default. */
// `any`: DefaultedType is invariant in what it wraps; the test is on the wrapper alone.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DefaultedKeys<R extends Shape> = { [K in keyof R]: R[K] extends DefaultedType<any> ? K : never }[keyof R];

/**
 * The value a codec accepts as written, before decoding: like `t.TypeOf`,
 * except that a struct's properties with a default ({@link withDefault}) and
 * its optional properties may be left out. The documentation written on a
 * shape's properties carries over to this type's properties.
 */
export type InputOf<C> = C extends StructType<infer R, infer O>
  ? {
      readonly [K in keyof R as K extends DefaultedKeys<R> ? never : K]: InputOf<R[K]>;
    } & {
      readonly [K in keyof R as K extends DefaultedKeys<R> ? K : never]?: InputOf<R[K]>;
    } & {
      readonly [K in keyof O]?: InputOf<O[K]>;
    } extends infer V
    ? { [K in keyof V]: V[K] }
    : never
  : C extends ListType<infer I>
    ? ReadonlyArray<InputOf<I>>
    : C extends DefaultedType<infer I>
      ? InputOf<I>
      : C extends t.Mixed
        ? t.TypeOf<C>
        : never;

/** An array codec that decodes every element and collects all element errors. */
export function list<C extends t.Mixed>(
  name: string,
  item: C,
  options: { readonly nonEmpty?: boolean } = {},
): ListType<C> {
  const what = options.nonEmpty ? `a non-empty array of ${item.name}` : `an array of ${item.name}`;
  return new ListType<C>(
    name,
    item,
    (u): u is ReadonlyArray<t.TypeOf<C>> => Array.isArray(u) && u.every((x) => item.is(x)),
    (u, c) => {
      if (!Array.isArray(u) || (options.nonEmpty && u.length === 0)) return t.failure(u, c, expected(what, u));
      const errors: t.ValidationError[] = [];
      const out: Array<t.TypeOf<C>> = [];
      for (let i = 0; i < u.length; i++) {
        const r = item.validate(u[i], within(c, indexAccessor(i), u[i], item));
        if (isLeft(r)) errors.push(...r.left);
        else out.push(r.right);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out);
    },
  );
}

/**
 * A closed record codec: `required` properties (absent ones are passed to
 * their codec as `undefined`, so `withDefault` works), `optional` ones, and an
 * error for every unknown property, so a misspelt key is never ignored.
 * `check` runs cross-field rules once every property decoded.
 */
export function struct<R extends Shape, O extends Shape>(
  name: string,
  required: R,
  optional: O,
  check: (value: StructOf<R, O>) => ReadonlyArray<Finding> = () => [],
): StructType<R, O> {
  const known = [...Object.keys(required), ...Object.keys(optional)];
  const is = (u: unknown): u is StructOf<R, O> =>
    isRecord(u) &&
    Object.keys(u).every((k) => known.includes(k)) &&
    Object.keys(required).every((k) => required[k].is(ownValue(u, k))) &&
    Object.keys(optional).every((k) => ownValue(u, k) === undefined || optional[k].is(ownValue(u, k)));
  return new StructType<R, O>(
    name,
    required,
    optional,
    is,
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c, expected(`an object (${name})`, u));
      const errors: t.ValidationError[] = [];
      const out: Record<string, unknown> = {};
      const decodeProperty = (key: string, codec: t.Mixed): void => {
        const value = ownValue(u, key);
        const r = codec.validate(value, within(c, propertyAccessor(key), value, codec));
        if (isLeft(r)) errors.push(...r.left);
        else if (r.right !== undefined) out[key] = r.right;
      };
      for (const key of Object.keys(required)) decodeProperty(key, required[key]);
      for (const key of Object.keys(optional)) if (ownValue(u, key) !== undefined) decodeProperty(key, optional[key]);
      for (const key of Object.keys(u)) {
        if (!known.includes(key)) {
          errors.push({ value: u[key], context: within(c, propertyAccessor(key), u[key]), message: `unknown property; expected one of ${known.join(", ")}` });
        }
      }
      if (errors.length > 0) return t.failures(errors);
      const value = out as StructOf<R, O>;
      const findings = check(value);
      if (findings.length === 0) return t.success(value);
      return t.failures(findings.map((f) => ({ value: undefined, context: within(c, f.at, undefined), message: f.message })));
    },
  );
}
