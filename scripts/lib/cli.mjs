// Command-line flags for every script: node:util parseArgs with the same conventions everywhere —
// `--help` prints the usage line, an unknown or malformed flag is a one-line UserError.
import process from 'node:process';
import { parseArgs } from 'node:util';
import { UserError } from './log.mjs';

/**
 * The parsed flags (parseArgs `values`). `options` are parseArgs options; `usage` is shown by --help
 * and after an error.
 * @param {{ options?: import('node:util').ParseArgsConfig['options'], usage: string, args?: string[] }} config
 */
export function parseCli({ options = {}, usage, args = process.argv.slice(2) }) {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { ...options, help: { type: 'boolean' } } }));
  } catch (error) {
    throw new UserError(`${error.message.replace(/\.$/, '')}. Usage: ${usage}`);
  }
  if (values.help) {
    console.log(`Usage: ${usage}`);
    process.exit(0);
  }
  return values;
}
