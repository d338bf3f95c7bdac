/**
 * The chaos itself: `kill -9` a worker at random moments while the checkouts flow, and start a new
 * one in its place each time (a supervisor's restart). The gaps are drawn so the kills spread over
 * the load: the time left divided by the kills left (less the restarts they cost), times a random
 * factor between 0.3 and 1.7, never under two seconds (a worker gets to take jobs before it
 * dies). Before each kill the payment queue's active jobs are counted — the jobs that kill leaves
 * stalled mid-flight.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { activeCount } from '../queues';
import type { ShopSystem } from '../shop-system';
import type { Random } from './random';

const minGapMs = 2_000;

export interface Kill {
  n: number;
  /** Since the load started. */
  atMs: number;
  worker: string;
  /** Payment jobs running (in any worker) just before the kill. */
  activeJobs: number;
  /** How long the replacement took to be ready. */
  restartMs: number;
}

export async function runKiller(options: {
  system: ShopSystem;
  kills: number;
  random: Random;
  loadStartedAt: number;
  loadEndsAt: number;
  /** How long a worker took to start, before any restart was measured. */
  startMs: number;
  progress: (line: string) => void;
}): Promise<Kill[]> {
  const { system, random } = options;
  const kills: Kill[] = [];
  let restartEstimate = options.startMs;
  for (let n = 1; n <= options.kills; n++) {
    const left = options.kills - n + 1;
    const timeLeft = options.loadEndsAt - Date.now();
    const meanGap = Math.max(minGapMs, (timeLeft - left * restartEstimate) / left);
    await sleep(Math.max(minGapMs, meanGap * random.between(0.3, 1.7)));
    const victim = random.pick(system.workers);
    const activeJobs = await activeCount(system.redisUrl, system.queuePrefix, 'payment').catch(
      () => -1,
    );
    const atMs = Date.now() - options.loadStartedAt;
    await system.killWorker(victim);
    const restarting = Date.now();
    await system.startWorker();
    const restartMs = Date.now() - restarting;
    restartEstimate = restartMs;
    kills.push({ n, atMs, worker: victim.name, activeJobs, restartMs });
    options.progress(
      `kill ${n}/${options.kills}: kill -9 ${victim.name} at ${(atMs / 1000).toFixed(1)} s ` +
        `(${activeJobs} payment jobs active); replacement ready in ${(restartMs / 1000).toFixed(1)} s`,
    );
  }
  return kills;
}
