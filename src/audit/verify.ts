import { isLeft } from "fp-ts/Either";
import { openAuditStore, AuditStoreOptions } from "./stores";
import { describeAuditError } from "./errors";
import { VerifyOptions, VerifyResult, unreadable } from "./verify-lines";

/** VerifyLogOptions tunes {@link verifyAuditLog}: the head to look for and how to reach an S3 store. */
export interface VerifyLogOptions extends VerifyOptions, AuditStoreOptions {}

/**
 * verifyAuditLog is the verdict on the audit log at `location` (a JSON Lines
 * file or `s3://bucket/prefix`): intact with its entries, last hash and the
 * intents still in doubt; broken at the first bad entry; `HeadMissing` when
 * `options.head` is given and not in the chain; or unreadable. Never rejects.
 */
export async function verifyAuditLog(location: string, options: VerifyLogOptions = {}): Promise<VerifyResult> {
  const opened = openAuditStore(location, options);
  if (isLeft(opened)) return unreadable(describeAuditError(opened.left));
  return opened.right.verify(options);
}
