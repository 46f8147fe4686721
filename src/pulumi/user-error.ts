/**
 * An `Error` for a problem the user can fix (settings, input), printed
 * without a stack trace: the provider host prints `${error}: ${error.stack}`
 * for failed reads and deletes, and a trace of provider internals only hides
 * the message. `stack` holds a pointer to the fix instead.
 */
export function userError(message: string): Error {
  const error = new Error(message);
  error.stack = "fix the settings named above, then re-run";
  return error;
}
