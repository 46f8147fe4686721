/** Types of scripts/engine-env.js: engine discovery and offline engine environment. */

/** Where the engine binaries are. */
export interface Engine {
  /** Directory holding `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`. */
  binDir: string;
  /** Absolute path of the `pulumi` CLI. */
  pulumiPath: string;
  /** Parent of `binDir`, for the Automation API's `PulumiCommand.get({ root })`. */
  root: string;
}

/** The passphrase of the local secrets provider in engine runs (not a secret). */
export declare const TEST_PASSPHRASE: string;

/** Finds or builds the engine (once per process); throws when that is not possible. */
export declare function ensureEngine(): Engine;

/** Like `ensureEngine`, but outside CI reports a missing engine and returns `undefined`. */
export declare function engineOrSkip(report?: (message: string) => void): Engine | undefined;

/** Environment variables of an offline engine run; creates both directories. */
export declare function engineEnv(options: { stateDir: string; home: string; binDir?: string }): Record<string, string>;

/** Whether this process runs under CI (`CI=true` or `CI=1`). */
export declare function isCI(): boolean;
