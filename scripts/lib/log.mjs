// Console helpers shared by the scripts: coloured prefixes when the terminal supports them.
import process from 'node:process';
import { styleText } from 'node:util';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

/**
 * Wraps text in a colour or style of `util.styleText` ('red', 'grey', 'bold', …) when stdout is a
 * colour terminal. The decision is ours (NO_COLOR, a TTY), not styleText's: its own stream check
 * arrived within Node 20.x, and we support 20.19+.
 */
export function colour(name, text) {
  return useColour ? styleText(name, text, { validateStream: false }) : text;
}

export function step(message) {
  console.log(colour('cyan', '▸ ') + message);
}

export function info(message) {
  console.log(colour('grey', '  ' + message));
}

export function warn(message) {
  console.warn(colour('yellow', '! ') + message);
}

/** A failure the user can act on: one clear line, no stack trace. */
export class UserError extends Error {
  name = 'UserError';
}
