/**
 * The shapes EventBridge's pattern engine (event-ruler) takes for IP
 * addresses: four dot-separated decimal runs, or hex digits and colons with
 * at least one colon. An exact string of such a shape in a pattern is
 * compared as an address, not as text (`"10.0.0.1"` matches `"010.0.0.1"`
 * and `"10.0.0.01"`), when it parses as one.
 */
const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

/** Whether a string has the shape of an IP address literal to EventBridge (see {@link ipAddressBytes} for whether it parses). */
export function looksLikeIpAddress(s: string): boolean {
  return IPV4_SHAPE.test(s) || IPV6_SHAPE.test(s);
}

/**
 * The address an IP-shaped string stands for, as bytes in hex (8 digits for
 * IPv4, 32 for IPv6; an IPv4-mapped IPv6 address `::ffff:a.b.c.d` gives the
 * IPv4 form, as Java's address parser does), or `undefined` when it is not
 * an address: IPv4 parts are decimal (leading zeros allowed) up to 255,
 * IPv6 groups hold 1..4 hex digits with at most one `::`. Pure.
 */
export function ipAddressBytes(s: string): string | undefined {
  if (IPV4_SHAPE.test(s)) {
    const parts = s.split(".").map((p) => Number(p));
    return parts.every((n) => n <= 255) ? parts.map(hexByte).join("") : undefined;
  }
  if (!IPV6_SHAPE.test(s)) return undefined;
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groups = (text: string): string[] | undefined => {
    if (text === "") return [];
    const list = text.split(":");
    return list.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? list : undefined;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array.from({ length: missing }, () => "0"), ...tail].map((g) => g.toLowerCase().padStart(4, "0")).join("");
  return all.startsWith("00000000000000000000ffff") ? all.slice(24).toUpperCase() : all.toUpperCase();
}

function hexByte(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, "0");
}
