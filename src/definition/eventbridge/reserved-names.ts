/**
 * Field names AWS EventBridge refuses inside `$or`, at any depth: the words
 * its pattern engine (event-ruler, `Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP`)
 * keeps for matchers, present and future. A pattern that names such a field
 * inside `$or` is rejected as a whole; outside `$or` the names are accepted.
 * Only the names a definition's field path can spell are listed (the
 * comparison words `=`, `<`, `<=`, `>`, `>=` cannot be field segments).
 */
export const OR_RESERVED_FIELD_NAMES: ReadonlyArray<string> = [
  "exactly",
  "equals-ignore-case",
  "prefix",
  "suffix",
  "anything-but",
  "exists",
  "wildcard",
  "numeric",
  "cidr",
  "regex",
  "not-wildcard",
  "not-equals-ignore-case",
  "date-after",
  "date-on-or-after",
  "date-before",
  "date-on-or-before",
  "in-date-range",
  "ip-address-in-range",
  "ip-address-not-in-range",
];
