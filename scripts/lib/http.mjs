// Waiting for HTTP servers to become healthy.
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves when `url` answers below 500; rejects after `timeoutMs` or when `abort` settles first. */
export async function waitForHttp(url, { timeoutMs = 120_000, abort } = {}) {
  let aborted = false;
  abort?.then(() => (aborted = true));
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (aborted) throw new Error(`stopped before ${url} answered`);
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(10_000),
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (response.status < 500) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s (last: ${last})`);
}
