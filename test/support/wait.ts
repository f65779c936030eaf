/**
 * Polls `probe` until it gives a value (anything but undefined or false) and returns it; throws, naming
 * `what`, once `timeoutMs` have passed. `ignoreErrors` treats a probe that throws (a server still
 * starting, a process not answering yet) as one that found nothing.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  options: { ignoreErrors?: boolean; everyMs?: number } = {},
): Promise<T> {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const value = options.ignoreErrors ? await probe().catch(() => undefined) : await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 100));
  }
}
