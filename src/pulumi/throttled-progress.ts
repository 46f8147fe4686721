/**
 * A progress reporter that keeps a long wait audible without flooding the
 * log: it passes a line on when `everyMs` have passed since it was made or
 * since the last line it passed on, or at once when the caller says the wait
 * about to begin is long enough to announce by itself (`announce`). Other
 * lines are dropped.
 */
export function throttledProgress(
  emit: (line: string) => void,
  now: () => number,
  everyMs = 3000,
): (line: string, announce?: boolean) => void {
  let last = now();
  return (line, announce = false) => {
    const t = now();
    if (!announce && t - last < everyMs) return;
    last = t;
    emit(line);
  };
}
