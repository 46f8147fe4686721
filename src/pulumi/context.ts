import type { SourceApi, WriteAudit } from "../genesys/port";
import type { ProviderSettings } from "./settings";

/** What a provider operation needs from outside: settings, the port, a clock. */
export interface OperationContext {
  readonly settings: ProviderSettings;
  readonly api: SourceApi;
  /** The audit log, opened once per provider process. */
  readonly audit: WriteAudit;
  /** Milliseconds since an arbitrary origin, for latency metrics. */
  readonly now: () => number;
  /** Shows a line about a long wait to the person running the deployment. */
  readonly progress: (line: string) => void;
}
