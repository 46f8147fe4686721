/**
 * The response headers the platform puts on every answer, whatever the
 * route or status: `ININ-Correlation-Id` (the id of the exchange, which
 * clients quote in errors; also the `contextId` of error bodies) and the
 * no-caching headers of an API that serves live state. Rate-limit headers
 * are added where the rate limit is modelled.
 */
export function platformHeaders(correlationId: string): Readonly<Record<string, string>> {
  return {
    "ININ-Correlation-Id": correlationId,
    "Cache-Control": "no-cache, no-store, must-revalidate",
    Pragma: "no-cache",
    Expires: "0",
  };
}
