/**
 * The helpers the transform stage's expression defines, written in JSONata.
 * Each reproduces one step of `projectSamples` exactly, and gives nothing
 * (JSONata's undefined, so the target is left out of the object) where that
 * step does not resolve:
 *
 * - `$fieldOf(o, k)`: own property `k` of an object; nothing for arrays,
 *   scalars, missing keys and inherited members (`resolveField` follows plain objects only,
 *   where a JSONata path would map over arrays).
 * - `$eachOf(a, f)`: `extract` with `[]`: `f` of every element, as an
 *   array even of one element or none; nothing when `a` is not an array or
 *   an element does not resolve. Elements that are arrays stay arrays
 *   (JSONata flattens sequences, so each value is wrapped before appending).
 * - `$nthOf(a, n, f)`: `extract` with `[N]`: `f` of element `n`.
 * - `$isoOf(v)`: the `iso8601` format (see `applyFormat` and
 *   `timestampOf`): the string grammar, calendar and range checks, and
 *   `Date#toISOString()`: JSONata's `$fromMillis` for four-digit years,
 *   integer arithmetic for the six-digit signed ones.
 * - `$lowerOf`, `$upperOf`, `$textOf`: `lowercase`, `uppercase`, `string`
 *   (integers from 1e15 on give nothing, as in `applyFormat`).
 * - `$present(o)`: an object with at least one key, else nothing (a nested
 *   target object exists only when one of its fields was written).
 */
export interface JsonataFunction {
  /** The variable the function is bound to, without `$`. */
  readonly name: string;
  /** The JSONata function expression. */
  readonly source: string;
  /** Helpers it calls, defined before it. */
  readonly uses: ReadonlyArray<string>;
}

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00.000Z and 10000-01-01T00:00:00.000Z in epoch milliseconds: the years `toISOString` writes with four digits. */
const YEAR_0_MS = -62_167_219_200_000;
const YEAR_10000_MS = 253_402_300_800_000;

const FUNCTIONS: ReadonlyArray<JsonataFunction> = [
  // Own keys only: JSONata 2.0's $lookup also reads inherited members (`toString`), 2.1 and later do not.
  { name: "fieldOf", uses: [], source: `function($o, $k) { $type($o) = "object" and $k in $keys($o) ? $lookup($o, $k) }` },
  {
    name: "eachOf",
    uses: [],
    source:
      `function($a, $f) { $type($a) = "array" ? (` +
      `$r := $reduce($a, function($acc, $e) { $type($acc) = "array" ? ($v := $f($e); $exists($v) ? $append($acc, $type($v) = "array" ? [[$v]] : [$v]) : false) : false }, []); ` +
      `$type($r) = "array" ? $r) }`,
  },
  {
    name: "nthOf",
    uses: [],
    source: `function($a, $n, $f) { $type($a) = "array" and $n < $count($a) ? $f($filter($a, function($v, $i) { $i = $n })) }`,
  },
  {
    name: "daysFrom",
    uses: [],
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    source:
      `function($y, $m, $d) { ($yy := $m <= 2 ? $y - 1 : $y; $era := $floor($yy / 400); $yoe := $yy - $era * 400; ` +
      `$doy := $floor((153 * ($m > 2 ? $m - 3 : $m + 9) + 2) / 5) + $d - 1; ` +
      `$era * 146097 + $yoe * 365 + $floor($yoe / 4) - $floor($yoe / 100) + $doy - 719468) }`,
  },
  {
    name: "civilOf",
    uses: [],
    // The date of a day number (H. Hinnant's civil_from_days), as [year, month, day].
    source:
      `function($z) { ($zz := $z + 719468; $era := $floor($zz / 146097); $doe := $zz - $era * 146097; ` +
      `$yoe := $floor(($doe - $floor($doe / 1460) + $floor($doe / 36524) - $floor($doe / 146096)) / 365); ` +
      `$doy := $doe - (365 * $yoe + $floor($yoe / 4) - $floor($yoe / 100)); $mp := $floor((5 * $doy + 2) / 153); ` +
      `$m := $mp < 10 ? $mp + 3 : $mp - 9; [$yoe + $era * 400 + ($m <= 2 ? 1 : 0), $m, $doy - $floor((153 * $mp + 2) / 5) + 1]) }`,
  },
  {
    name: "isoOfMs",
    uses: ["civilOf"],
    // Date#toISOString() of epoch milliseconds (truncated toward zero, as Date does): JSONata's own $fromMillis
    // for years 0000..9999, where its default picture is the same text; the signed six-digit years by hand.
    source:
      `function($ms) { ($t := $ms < 0 ? -$floor(-$ms) : $floor($ms); ` +
      `$t >= ${YEAR_0_MS} and $t < ${YEAR_10000_MS} ? $fromMillis($t) : (` +
      `$days := $floor($t / ${DAY_MS}); $rem := $t - $days * ${DAY_MS}; $c := $civilOf($days); $y := $c[0]; ` +
      `$two := function($n) { $pad($string($n), -2, "0") }; ` +
      `($y < 0 ? "-" : "+") & $pad($string($abs($y)), -6, "0") & "-" & $two($c[1]) & "-" & $two($c[2]) & "T" & $two($floor($rem / 3600000)) & ":" & ` +
      `$two($floor($rem / 60000) % 60) & ":" & $two($floor($rem / 1000) % 60) & "." & $pad($string($rem % 1000), -3, "0") & "Z")) }`,
  },
  {
    name: "msOfIso",
    uses: ["daysFrom"],
    // The epoch milliseconds of an ISO 8601 string as parseIsoTimestamp reads it; nothing when it does not parse.
    source:
      `function($s) { $contains($s, /^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$/) ? (` +
      `$y := $number($substring($s, 0, 4)); $mo := $number($substring($s, 5, 2)); $d := $number($substring($s, 8, 2)); ` +
      `$timed := $length($s) > 10; $z := $substring($s, -1) = "Z"; ` +
      `$h := $timed ? $number($substring($s, 11, 2)) : 0; $mi := $timed ? $number($substring($s, 14, 2)) : 0; ` +
      `$tail := $timed ? $substring($s, 16, $length($s) - 16 - ($z ? 1 : 6)) : ""; ` +
      `$sec := $length($tail) >= 3 ? $number($substring($tail, 1, 2)) : 0; ` +
      `$frac := $number($substring($pad($length($tail) > 4 ? $substring($tail, 4) : "", 3, "0"), 0, 3)); ` +
      `$off := $timed and $not($z) ? ($substring($s, -6, 1) = "-" ? -1 : 1) * ($number($substring($s, -5, 2)) * 60 + $number($substring($s, -2, 2))) : 0; ` +
      `$leap := ($y % 4 = 0 and $y % 100 != 0) or $y % 400 = 0; ` +
      `$dim := $mo = 2 ? ($leap ? 29 : 28) : ($mo in [4, 6, 9, 11] ? 30 : 31); ` +
      `$mo >= 1 and $mo <= 12 and $d >= 1 and $d <= $dim and $h <= 23 and $mi <= 59 and $sec <= 59 and $abs($off) <= 1080 ` +
      `? $daysFrom($y, $mo, $d) * ${DAY_MS} + $h * 3600000 + $mi * 60000 + $sec * 1000 + $frac - $off * 60000) }`,
  },
  {
    name: "isoOf",
    uses: ["isoOfMs", "msOfIso"],
    source:
      `function($v) { ($ms := $type($v) = "number" ? $v : ($type($v) = "string" ? $msOfIso($v)); ` +
      `$exists($ms) and $abs($ms) <= 8.64e15 ? $isoOfMs($ms)) }`,
  },
  { name: "lowerOf", uses: [], source: `function($v) { $type($v) = "string" ? $lowercase($v) }` },
  { name: "upperOf", uses: [], source: `function($v) { $type($v) = "string" ? $uppercase($v) }` },
  {
    name: "textOf",
    uses: [],
    source: `function($v) { $type($v) in ["string", "boolean"] or ($type($v) = "number" and ($v != $floor($v) or $abs($v) < 1e15)) ? $string($v) }`,
  },
  { name: "present", uses: [], source: `function($o) { $count($keys($o)) > 0 ? $o }` },
];

/**
 * The bindings (`$name := function ...;`) of the helpers named and of those
 * they use, each once, every helper after the helpers it calls. Pure.
 */
export function jsonataBindings(names: ReadonlyArray<string>): ReadonlyArray<string> {
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    if (wanted.has(name)) return;
    const fn = FUNCTIONS.find((f) => f.name === name);
    if (fn === undefined) return;
    fn.uses.forEach(visit);
    wanted.add(name);
  };
  names.forEach(visit);
  return FUNCTIONS.filter((f) => wanted.has(f.name)).map((f) => `$${f.name} := ${f.source};`);
}
