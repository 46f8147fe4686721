import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { lowestPulumiSdk, packPackage, ROOT, run } from "../support/pack";

/*
 * `@pulumi/pulumi` is a peer dependency: a user's project on any SDK version
 * the range admits installs the packed tarball next to its own SDK and ends
 * up with one copy of it (two copies would mean two engines' worth of
 * runtime state and resources registered with the wrong one). Installs from
 * the npm registry (or its cache), like a user's `npm install`.
 */
const USER_SDK = "3.252.0"; // newer than the repository's pin, as every Node 22 project is
const T = 240_000;

let work: string;
let tarball: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "geb-peer-"));
  tarball = packPackage(work);
}, T);

afterAll(() => {
  if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
});

/** The versions of `@pulumi/pulumi` installed anywhere in the project, from npm's own view of the tree. */
function sdkCopies(project: string): string[] {
  const listed = run("npm", ["ls", "@pulumi/pulumi", "--all", "--parseable"], project);
  const found: string[] = [];
  for (const line of listed.out.split("\n")) {
    const manifest = path.join(line.trim(), "package.json");
    if (line.trim().endsWith(path.join("@pulumi", "pulumi")) && fs.existsSync(manifest)) found.push(JSON.parse(fs.readFileSync(manifest, "utf8")).version);
  }
  return found.sort();
}

describe("@pulumi/pulumi as a peer dependency", () => {
  it("is a peer range and a pinned dev dependency of the repository, not a dependency", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect([manifest.dependencies["@pulumi/pulumi"], manifest.peerDependencies["@pulumi/pulumi"], manifest.devDependencies["@pulumi/pulumi"]]).toEqual([
      undefined,
      `>=${lowestPulumiSdk()} <4`,
      fs.readFileSync(path.join(ROOT, "scripts", "pulumi-engine", "VERSION"), "utf8").trim(),
    ]);
  });

  it(`a user's project on ${USER_SDK} that installs the tarball has one copy of the SDK, its own`, () => {
    const project = path.join(work, "user");
    fs.mkdirSync(project);
    const manifest = { name: "user-program", version: "1.0.0", private: true, dependencies: { "@pulumi/pulumi": USER_SDK, "genesys-eventbridge": `file:${tarball}` } };
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify(manifest, null, 2));
    // The SDK's newer releases declare node >=22; npm warns and installs, as it does for a user on Node 20.
    const install = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
    if (install.code !== 0) throw new Error(`npm install failed: ${install.out}`);
    expect(sdkCopies(project)).toEqual([USER_SDK]);
    const nested = path.join(project, "node_modules", "genesys-eventbridge", "node_modules", "@pulumi", "pulumi");
    expect(fs.existsSync(nested)).toBe(false);
  }, T);
});
