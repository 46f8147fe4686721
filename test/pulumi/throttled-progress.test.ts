import { throttledProgress } from "../../src/pulumi/throttled-progress";

describe("throttledProgress", () => {
  it("passes a line on once the interval has gone by since the start or the last line, and announced lines at once", () => {
    let t = 1000;
    const lines: string[] = [];
    const report = throttledProgress((l) => lines.push(l), () => t, 3000);
    for (const [at, line, announce] of [
      [1500, "a", false],
      [3999, "b", false],
      [4000, "c", false],
      [5000, "d", true],
      [7999, "e", false],
      [8000, "f", false],
    ] as const) {
      t = at;
      report(line, announce);
    }
    expect(lines).toEqual(["c", "d", "f"]);
  });
});
