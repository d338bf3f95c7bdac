// Clean shutdown for the long-running scripts: cleanups run in reverse order on Ctrl-C,
// SIGTERM, SIGHUP or a normal end, so no child process or private server is left behind.
import process from 'node:process';
import { UserError, colour } from './log.mjs';

const cleanups = [];
let shuttingDown = false;

/** Registers an async cleanup (stop a server, drop a database); the last registered runs first. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

let draining = null;

/** Runs every registered cleanup once; concurrent callers share the same run. */
export function runCleanups() {
  draining ??= drain().finally(() => (draining = null));
  return draining;
}

export const isShuttingDown = () => shuttingDown;

async function drain() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (error) {
      console.error(colour('yellow', `! cleanup failed: ${error.message}`));
    }
  }
}

const announceStop = (signal) => console.log(colour('grey', `\n${signal} received: stopping…`));

/**
 * Installs the signal handlers: the cleanups run, then the process exits 128 + the signal number.
 * A second signal while stopping exits at once. `announce` prints the line that says so.
 */
export function handleSignals({ announce = announceStop } = {}) {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(signal, () => {
      if (shuttingDown) process.exit(code);
      shuttingDown = true;
      announce(signal);
      void runCleanups().then(() => process.exit(code));
    });
  }
}

/**
 * Runs a script's main function, then its cleanups. A UserError prints as one red line
 * (no stack trace) and exits 1; anything else is a bug and prints its stack.
 */
export async function runMain(main) {
  try {
    await main();
  } catch (error) {
    if (shuttingDown) return;
    if (error instanceof UserError) console.error(colour('red', '✖ ') + error.message);
    else console.error(error);
    process.exitCode = 1;
  } finally {
    await runCleanups();
  }
}
