/**
 * Seams for tests added on main after the stage-3 tag (the tag's own tests keep their copies, so the
 * behaviour suite reads the same at every stage): a log the test can read, and a card processor
 * that holds each charge until the test lets it go.
 */
import { Writable } from 'node:stream';
import { createLogger, simulateCharge, type ChargeResult } from '../src/testing';

/** A logger whose JSON lines the test can read, parsed, in the order they were written. */
export function captureLog(level: 'debug' | 'info' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, logger: createLogger({ mode: 'production', level, destination }) };
}

/** A card processor that answers as the simulator does, once the test calls `release`. */
export function heldProcessor() {
  let started!: () => void;
  let release!: () => void;
  const chargeStarted = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const charge = async (cardNumber: string): Promise<ChargeResult> => {
    started();
    await released;
    return simulateCharge(cardNumber);
  };
  return { charge, chargeStarted, release };
}
