import { applyFormat, parseIsoTimestamp, timestampOf } from "../../src/definition";

describe("timestamps", () => {
  it.each([
    ["2024-01-15T10:00:00Z", 1705312800000],
    ["2024-01-15T10:00:00.000Z", 1705312800000],
    ["2024-01-15T11:00:00+01:00", 1705312800000],
    ["2024-01-15T05:30-04:30", 1705312800000],
    ["2024-01-15T10:00:00.123456Z", 1705312800123],
    ["2024-01-15", 1705276800000],
    ["2024-02-29", 1709164800000],
  ])("reads %s", (text, ms) => {
    expect(parseIsoTimestamp(text)).toBe(ms);
  });

  it.each(["2024-01-15T10:00:00", "2023-02-29", "2024-13-01", "2024-01-15T24:00:00Z", "15/01/2024", "2024-01-15T10:00:00+0100", "now"])(
    "refuses %s",
    (text) => {
      expect(parseIsoTimestamp(text)).toBeUndefined();
    },
  );

  it("reads epoch milliseconds within the Date range only", () => {
    expect([timestampOf(1705312800000), timestampOf(8.64e15 + 1), timestampOf(Infinity), timestampOf(true)]).toEqual([
      1705312800000,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("formats iso8601 from epoch milliseconds and refuses what it cannot read", () => {
    expect([applyFormat("iso8601", 1705312800000), applyFormat("iso8601", {})]).toEqual([
      { _tag: "Right", right: "2024-01-15T10:00:00.000Z" },
      { _tag: "Left", left: "iso8601 expects an ISO 8601 timestamp or epoch milliseconds, found {}" },
    ]);
  });
});
