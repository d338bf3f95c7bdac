// Console helpers shared by the scripts: coloured prefixes when the terminal supports them.
import process from 'node:process';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const codes = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  grey: 90,
  bold: 1,
};

/** Wraps text in an ANSI colour when stdout is a colour terminal. */
export function colour(name, text) {
  return useColour ? `\u001b[${codes[name]}m${text}\u001b[0m` : text;
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
