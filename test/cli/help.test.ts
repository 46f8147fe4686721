import * as fs from "fs";
import * as path from "path";
import { commands } from "../../src/cli/commands";
import { EXIT_CODE_LINES } from "../../src/cli/command";
import { runCli } from "./run-cli";

const version = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version as string;
const exitCodes = EXIT_CODE_LINES.join("\n");

describe("help and version", () => {
  it.each([["--help"], ["-h"], ["help"]])("prints the overview on stdout for %s and exits 0", async (flag) => {
    const run = await runCli(flag);
    expect([run.code, run.err]).toEqual([0, ""]);
    expect(run.out.split("\n").slice(0, 3)).toEqual([
      "usage: genesys-eventbridge <command> [options]",
      "       genesys-eventbridge <command> --help",
      "       genesys-eventbridge --version",
    ]);
    const width = Math.max(...commands.map((c) => c.name.length));
    for (const c of commands) expect(run.out).toContain(`\n  ${c.name.padEnd(width)}  ${c.summary}\n`);
    expect(run.out.endsWith(exitCodes)).toBe(true);
  });

  it("prints the overview on stderr with exit 2 when no command is given", async () => {
    const run = await runCli();
    expect([run.code, run.out, run.err]).toEqual([2, "", (await runCli("--help")).out]);
  });

  it("names an unknown command or top-level option with exit 2", async () => {
    const overview = (await runCli("--help")).out;
    expect(await runCli("deploy")).toEqual({ code: 2, out: "", err: `genesys-eventbridge: unknown command 'deploy'\n${overview}` });
    expect(await runCli("--verbose")).toEqual({ code: 2, out: "", err: `genesys-eventbridge: unknown option --verbose\n${overview}` });
    expect(await runCli("help", "deploy")).toEqual({
      code: 2,
      out: "",
      err: "genesys-eventbridge help: unknown command 'deploy'\nusage: genesys-eventbridge <command> [options] (genesys-eventbridge --help lists the commands)",
    });
  });

  it("prints the package version", async () => {
    expect(await runCli("--version")).toEqual({ code: 0, out: version, err: "" });
  });

  describe.each(commands.map((c) => [c.name, c] as const))("%s", (name, command) => {
    const expected = (): string =>
      [`usage: genesys-eventbridge ${command.usage}`, "", command.summary, "", ...(command.details ?? []), "", exitCodes].join("\n");

    it.each([["--help"], ["-h"]])("prints its help on stdout for %s and exits 0", async (flag) => {
      expect(await runCli(name, flag)).toEqual({ code: 0, out: expected(), err: "" });
    });

    it("prints its help even after other arguments, and for `help <command>`", async () => {
      expect(await runCli(name, "some-file.json", "--bogus", "--help")).toEqual({ code: 0, out: expected(), err: "" });
      expect(await runCli("help", name)).toEqual({ code: 0, out: expected(), err: "" });
    });

    it("documents every option it accepts and --help", () => {
      const options = [...command.usage.matchAll(/--[a-z0-9-]+/g)].map((m) => m[0]);
      for (const option of [...options, "--help"]) expect((command.details ?? []).join("\n")).toContain(option);
    });
  });
});
