import { defaultAuditLogPath, verifyAuditLog } from "../audit";
import { Command, ExitCode, UsageError } from "./command";
import { parseArgs } from "./args";

/**
 * auditCommand is the `audit` sub-command. `audit verify [file]` checks the
 * hash chain of an audit log (default: `$GENESYS_EVENTBRIDGE_AUDIT_LOG`, else
 * `.genesys-eventbridge/audit.jsonl` in the working directory). Exit 0 with
 * `audit log intact: N entries` (`1 entry`); exit 1 with `line N: <reason>` (or a
 * missing/unreadable file) on stderr; exit 2 on usage errors.
 */
export const auditCommand: Command = {
  name: "audit",
  usage: "audit verify [file]   check the audit log's hash chain (default $GENESYS_EVENTBRIDGE_AUDIT_LOG or .genesys-eventbridge/audit.jsonl)",
  async run(args, io) {
    const { positional } = parseArgs(args, []);
    const [action, file, ...extra] = positional;
    if (action === undefined) throw new UsageError("missing action (expected 'verify')");
    if (action !== "verify") throw new UsageError(`unknown action '${action}' (expected 'verify')`);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const logPath = file ?? defaultAuditLogPath();
    const result = await verifyAuditLog(logPath);
    switch (result._tag) {
      case "Intact":
        io.out(`audit log intact: ${result.entries} ${result.entries === 1 ? "entry" : "entries"}`);
        return ExitCode.ok;
      case "Broken":
        io.err(`line ${result.line}: ${result.reason}`);
        return ExitCode.invalid;
      case "Unreadable":
        io.err(result.reason);
        return ExitCode.invalid;
    }
  },
};
