// Types of scripts/project-dir.js for the TypeScript tests.
/** Creates (or refreshes) a throw-away Pulumi project folder for this repository's program. */
export declare function makeProjectDir(dir: string, options?: { stack?: string }): string;
/** The repository root. */
export declare const repoRoot: string;
