import { Either, isLeft, left } from "fp-ts/Either";
import type * as t from "io-ts";
import { PathReporter } from "io-ts/PathReporter";
import { correlationIdOf } from "./classify";
import { GenesysError, decodeError } from "./errors";

/** What a decoded answer needs of the HTTP answer. */
export interface AnswerToDecode {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * An answer's body decoded with `codec`; a body of another shape is a
 * `DecodeError` naming the request, the status, the platform's correlation
 * id when it sent one, and the first `maxReasons` reasons.
 */
export function decodeAnswer<A>(
  method: string,
  path: string,
  answer: AnswerToDecode,
  codec: t.Decoder<unknown, A>,
  maxReasons = Infinity,
): Either<GenesysError, A> {
  const decoded = codec.decode(answer.body);
  if (!isLeft(decoded)) return decoded;
  const correlationId = correlationIdOf(answer.headers);
  return left(decodeError(
    { method, path, status: answer.status, ...(correlationId === undefined ? {} : { correlationId }) },
    PathReporter.report(decoded).slice(0, maxReasons).join("; "),
  ));
}
