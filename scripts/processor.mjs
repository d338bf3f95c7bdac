// `npm run processor`: the card processor alone (the stand-in PSP the API and the worker call), on
// CARD_PROCESSOR_PORT (4200) until Ctrl-C; built for production first. Nothing to provision: it keeps
// nothing on disk.
import process from 'node:process';
import { parseCli } from './lib/cli.mjs';
import { colour, step } from './lib/log.mjs';
import { handleSignals, runMain } from './lib/lifecycle.mjs';
import { ensurePortsFree, preflight } from './lib/preflight.mjs';
import { buildForProduction, runServices } from './lib/app.mjs';
import { portsOf, standaloneProcessor } from './lib/app-services.mjs';

await runMain(async () => {
  parseCli({ usage: 'npm run processor' });
  handleSignals();
  await preflight();
  const processor = standaloneProcessor({ env: process.env });
  await ensurePortsFree(portsOf([processor]));
  await buildForProduction(['@shop/card-processor']);
  step('Starting the card processor');
  await runServices([processor], {
    script: 'start',
    healthTimeoutMs: 60_000,
    onReady: () =>
      console.log(
        `\n${colour('green', '✔')} The card processor is running: ${colour('bold', new URL(processor.healthUrl).origin)}` +
          ' (its API: /openapi.json) — Ctrl-C stops it.\n',
      ),
  });
});
