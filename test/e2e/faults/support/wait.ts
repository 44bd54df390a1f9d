/**
 * Resolves when `condition` holds (checked every 20 ms); fails after `timeoutMs` naming `what`,
 * or as soon as `signal` is aborted (the rest of the test failed: stop waiting).
 */
export async function waitFor(condition: () => boolean, timeoutMs: number, what: string, signal?: AbortSignal): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!condition()) {
    if (signal?.aborted) throw new Error(`gave up waiting for ${what}: the test failed`);
    if (Date.now() > giveUpAt) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Process {
  child: { exitCode: number | null; signalCode: NodeJS.Signals | null };
  output(): string;
}

/** Throws, with the end of its output, when one of the processes has exited. */
export function assertAlive(...processes: Process[]): void {
  for (const p of processes) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) {
      throw new Error(`an API process exited (code ${p.child.exitCode}, signal ${p.child.signalCode}):\n${p.output().slice(-4000)}`);
    }
  }
}

/** `promise`, or a rejection naming `what` after `timeoutMs`. */
export function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the pieces of a scenario together; the first to fail aborts `failed` (so that the others'
 * waits end at once) and its error is what this rejects with.
 */
export function allOrAbort(failed: AbortController, pieces: Promise<unknown>[]): Promise<unknown[]> {
  return Promise.all(
    pieces.map((p) =>
      p.catch((error: unknown) => {
        failed.abort();
        throw error;
      }),
    ),
  );
}
