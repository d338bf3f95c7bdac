// `npm run bench:stages [-- --stages stage-1-mvc,HEAD --rounds 3 --duration 10 --warmup 2 --connections 16]`
// The stages side by side in one run: every stage tag (and the working tree) built in its own git worktree,
// its own database migrated and seeded by its own @shop/db, its production API running for the whole run,
// and the bench's scenarios interleaved in rounds (a@1, a@2, b@1, b@2, …, then again) so machine drift hits
// all stages alike. One table scenario × stage with medians over the rounds and ratios to the first stage.
// A stage whose checkout has `apps/worker` (stage 4 on) also gets its card processor and worker, with the
// worker's own database and its own queue prefix on one Redis; `orders.place` is timed until PAID.
import path from 'node:path';
import process from 'node:process';
import {
  apiEntry as workingTreeApiEntry,
  buildApiIfNeeded,
  buildPaymentServicesIfNeeded,
  hasWorker,
} from './bench/builds.mjs';
import {
  catalogDigest,
  catalogFixtures,
  migrateAndSeedIn,
  productCount,
  provisionDatabase,
  startPostgres,
} from './bench/database.mjs';
import { invalidRows, measureLogged } from './bench/measure.mjs';
import { startPaymentServices, startRedis } from './bench/payment-services.mjs';
import { machineFacts, summaryLine, writeJson } from './bench/report.mjs';
import { allowedOrigin, buildScenarios } from './bench/scenarios.mjs';
import { assertPortFree, startServer } from './bench/servers.mjs';
import { openShoppers } from './bench/shoppers.mjs';
import {
  databaseNameFor,
  planStages,
  schedule,
  stagesTable,
  summarize,
  workingTreeAliases,
} from './bench/stages.mjs';
import { prepareStageCheckout } from './bench/worktrees.mjs';
import { parseCli } from './lib/cli.mjs';
import { withClient } from './lib/db.mjs';
import { handleSignals, isShuttingDown, onCleanup, runCleanups } from './lib/lifecycle.mjs';
import { ensurePrismaClient } from './lib/preflight.mjs';
import { repoRoot } from './lib/paths.mjs';
import { capture } from './lib/processes.mjs';
import { listStageTags, tagStagesFromTrailers } from './lib/stages.mjs';

const usage =
  'npm run bench:stages -- [--stages stage-1-mvc,stage-2-layered,HEAD] [--rounds 3] [--duration s] [--warmup s]\n' +
  '       [--connections n] [--only name,name] [--products n]\n' +
  '       [--port n (stage i on n+i, ref:hello after them, then a card processor and a worker per stage 4+)]\n' +
  '       [--max-error-rate 0.01] [--keep-db] [--rebuild]\n' +
  'Stages default to every stage-* tag plus the working tree (HEAD, uncommitted changes included).';
let flags;
try {
  flags = parseCli({
    usage,
    options: {
      stages: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '16' },
      only: { type: 'string' },
      products: { type: 'string', default: String(productCount) },
      port: { type: 'string', default: '4500' },
      'max-error-rate': { type: 'string', default: '0.01' },
      'keep-db': { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  console.error(`bench:stages: ${error.message}`);
  process.exit(1);
}

const list = (value) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const settings = {
  connections: Number(flags.connections),
  duration: Number(flags.duration),
  warmup: Number(flags.warmup),
  maxErrorRate: Number(flags['max-error-rate']),
};
const rounds = Number(flags.rounds);
const products = Number(flags.products);
const basePort = Number(flags.port);
const problems = [
  [Number.isInteger(rounds) && rounds >= 1, '--rounds must be a whole number of at least 1'],
  [settings.duration > 0, '--duration must be a positive number of seconds'],
  [settings.warmup >= 0, '--warmup must be a number of seconds'],
  [
    Number.isInteger(settings.connections) && settings.connections >= 1,
    '--connections must be a whole number of at least 1',
  ],
  [
    Number.isInteger(products) && products >= productCount,
    `--products must be a whole number of at least ${productCount}`,
  ],
  [Number.isInteger(basePort) && basePort > 0 && basePort < 65000, '--port must be a port number'],
  [settings.maxErrorRate >= 0, '--max-error-rate must be a fraction such as 0.01'],
].filter(([ok]) => !ok);
if (problems.length) {
  for (const [, message] of problems) console.error(`bench:stages: ${message}`);
  process.exit(1);
}

const log = (line) => console.error(line);
const short = (commit) => commit.slice(0, 7);
handleSignals({
  announce: (signal) => console.error(`\n${signal}: stopping the stages' servers…`),
});

async function git(...args) {
  const { code, stdout, stderr } = await capture('git', args, { cwd: repoRoot });
  if (code !== 0) throw new Error(`git ${args.join(' ')} failed: ${stderr.trim()}`);
  return stdout.trim();
}

/** Stage tags (recreated from `Stage:` trailers when there are none), the working tree, and --stages. */
async function discoverStages() {
  let tags = await listStageTags({ cwd: repoRoot });
  if (tags.length === 0) {
    const made = await tagStagesFromTrailers({ cwd: repoRoot });
    for (const { tag, commit, outcome } of made)
      if (outcome === 'created')
        log(`no stage tags: created ${tag} → ${short(commit)} from its Stage trailer`);
    tags = await listStageTags({ cwd: repoRoot });
  }
  const head = {
    commit: await git('rev-parse', 'HEAD'),
    clean: (await git('status', '--porcelain')) === '',
  };
  const { stages, unknown } = planStages({ tags, head, pick: list(flags.stages) });
  for (const name of unknown) {
    const { code, stdout } = await capture(
      'git',
      ['rev-parse', '--verify', '--quiet', `${name}^{commit}`],
      { cwd: repoRoot },
    );
    if (code !== 0)
      throw new Error(
        `--stages: "${name}" is neither a stage tag (${tags.map((t) => t.tag).join(', ') || 'none'}), ` +
          `the working tree (${workingTreeAliases.join(' / ')}) nor a commit`,
      );
    stages.push({ name, commit: stdout.trim(), inPlace: false });
  }
  if (stages.length === 0) throw new Error('no stage to measure');
  return stages;
}

/**
 * The stage's builds: the working tree in place (rebuilt when its sources changed), others in worktrees.
 * `payment`: the checkout has a worker (stage 4 on), so checkout needs it and the card processor running.
 */
async function prepareCheckout(stage) {
  if (!stage.inPlace) {
    const checkout = await prepareStageCheckout({
      commit: stage.commit,
      name: stage.name,
      log,
      force: flags.rebuild,
    });
    return { ...checkout, payment: hasWorker(checkout.dir) };
  }
  const api = await buildApiIfNeeded({ force: flags.rebuild });
  const payment = await buildPaymentServicesIfNeeded({ force: flags.rebuild });
  const build = payment
    ? `${api}; worker ${payment.worker}; card processor ${payment.cardProcessor}`
    : api;
  return { dir: repoRoot, apiEntry: workingTreeApiEntry, build, payment: Boolean(payment) };
}

/**
 * Its database (by its own @shop/db), from stage 4 its card processor and worker (on `paymentPorts`), its
 * API, and the bench's fixtures made in that database.
 */
async function setUpStage(stage, { server, port, helloUrl, redisUrl, paymentPorts }) {
  const database = await provisionDatabase({
    keep: flags['keep-db'],
    name: databaseNameFor(stage.name),
    products,
    server,
    prepare: migrateAndSeedIn(stage.dir),
  });
  log(
    `${stage.name}: database ${databaseNameFor(stage.name)} migrated in ${database.migrateMs} ms, ` +
      `${database.products} products seeded in ${database.seedMs} ms`,
  );
  const digest = await withClient(database.url, (db) =>
    catalogDigest(db).catch((error) => ({ digest: null, error: error.message })),
  );
  const shoppers = await openShoppers(database.url);
  onCleanup(() => shoppers.close());
  const payment = stage.payment
    ? await startPaymentServices({
        label: stage.name,
        dir: stage.dir,
        server,
        redisUrl,
        workerDatabase: databaseNameFor(`${stage.name}-worker`),
        ports: paymentPorts,
        keep: flags['keep-db'],
      })
    : null;
  if (payment)
    log(
      `${stage.name}: worker on ${payment.workerUrl} (database ${payment.workerDatabase} migrated in ` +
        `${payment.migrateMs} ms), card processor on ${payment.cardProcessorUrl}, queues under ${payment.prefix}`,
    );
  const env = {
    PORT: String(port),
    DATABASE_URL: database.url,
    NODE_ENV: 'production',
    ALLOWED_ORIGINS: allowedOrigin,
    ...payment?.apiEnv,
  };
  const apiUrl = await startServer(`api (${stage.name})`, stage.apiEntry, env, '/health', {
    cwd: stage.dir,
  });
  const tokenHash = await shoppers.detectTokenHash(apiUrl);
  const catalog = await catalogFixtures(shoppers.pool);
  const cartUsers = await shoppers.create(settings.connections * 4);
  const scenarios = buildScenarios({ apiUrl, helloUrl, ...catalog, shoppers, cartUsers });
  log(`${stage.name}: api on ${apiUrl}, session tokens stored as SHA-256 ${tokenHash}`);
  return { ...stage, database, digest, apiUrl, tokenHash, catalog, scenarios, payment };
}

/** Equal catalogs in every stage, or a warning: the comparison is only fair on the same data. */
function catalogWarnings(stages) {
  const [first, ...rest] = stages;
  const describe = (s) =>
    `${s.digest.products} products, digest ${s.digest.digest?.slice(0, 12) ?? s.digest.error}, ` +
    `search "${s.catalog.searchTerm.word}", rare "${s.catalog.rareTerm.word}"`;
  return rest
    .filter(
      (s) =>
        !s.digest.digest ||
        s.digest.digest !== first.digest.digest ||
        s.catalog.searchTerm.word !== first.catalog.searchTerm.word ||
        s.catalog.rareTerm.word !== first.catalog.rareTerm.word,
    )
    .map((s) => `${s.name} (${describe(s)}) differs from ${first.name} (${describe(first)})`);
}

async function main() {
  const startedAt = new Date().toISOString();
  // The working tree is measured in place: its seed and API build need the generated client (the
  // stage worktrees generate their own).
  await ensurePrismaClient();
  const machine = await machineFacts();
  log(`bench:stages: ${summaryLine({ machine, settings })}; ${rounds} rounds`);
  const plan = await discoverStages();
  log(
    `stages: ${plan.map((s) => `${s.name} (${short(s.commit)}${s.dirty ? ' + uncommitted changes' : ''})`).join(', ')}`,
  );
  const ports = plan.map((_, i) => basePort + i);
  const helloPort = basePort + plan.length;
  const portHint = `pick other ports with --port <n> (uses n…n+${plan.length})`;
  for (const p of [...ports, helloPort]) await assertPortFree(p, portHint);

  const checkouts = [];
  for (const stage of plan) {
    if (isShuttingDown()) throw new Error('interrupted');
    const checkout = await prepareCheckout(stage);
    log(`${stage.name}: ${path.relative(repoRoot, checkout.apiEntry)} ${checkout.build}`);
    checkouts.push({ ...stage, ...checkout });
  }

  // Stage 4 on: a card processor and a worker per stage, on the ports after ref:hello's.
  const withPayment = checkouts.filter((s) => s.payment);
  const paymentPorts = new Map(
    withPayment.map((s, i) => [
      s.name,
      { cardProcessor: helloPort + 1 + 2 * i, worker: helloPort + 2 + 2 * i },
    ]),
  );
  const lastPort = helloPort + 2 * withPayment.length;
  for (const { cardProcessor, worker } of paymentPorts.values())
    for (const p of [cardProcessor, worker])
      await assertPortFree(p, `pick other ports with --port <n> (uses n…n+${lastPort - basePort})`);
  const redis = withPayment.length ? await startRedis() : null;

  const server = await startPostgres();
  const helloUrl = await startServer(
    'hello server',
    path.join(repoRoot, 'scripts/bench/hello-server.mjs'),
    { PORT: String(helloPort) },
    '/',
  );
  const stages = [];
  for (const [i, stage] of checkouts.entries())
    stages.push(
      await setUpStage(stage, {
        server,
        port: ports[i],
        helloUrl,
        redisUrl: redis?.url,
        paymentPorts: paymentPorts.get(stage.name),
      }),
    );
  const warnings = catalogWarnings(stages);
  for (const line of warnings) log(`WARNING — catalogs differ: ${line}`);

  const only = list(flags.only);
  const all = stages[0].scenarios.map((s) => s.name);
  // The other references need servers of their own (ref:pg-checkout: one stage's schema): not run here.
  const runnable = all.filter((name) => !name.startsWith('ref:') || name === 'ref:hello');
  const unknownOnly = (only ?? []).filter((name) => !runnable.includes(name));
  if (unknownOnly.length)
    throw new Error(
      `--only: no scenario ${unknownOnly.join(', ')} here (bench:stages runs ${runnable.join(', ')})`,
    );
  const picked = (name) => !only || only.includes(name);
  const references = all.filter((name) => name === 'ref:hello' && picked(name));
  const scenarios = all.filter((name) => !name.startsWith('ref:') && picked(name));
  const stageNames = stages.map((s) => s.name);
  const scenarioOf = (name, stageName) =>
    (stages.find((s) => s.name === stageName) ?? stages[0]).scenarios.find((s) => s.name === name);

  const plannedRuns = schedule({ rounds, scenarios, stages: stageNames, references });
  const perRun = settings.warmup + settings.duration;
  log(
    `${plannedRuns.length} measurements (${rounds} rounds × (${references.length} + ${scenarios.length} × ${stages.length})), ` +
      `at least ${Math.ceil((plannedRuns.length * perRun) / 60)} min`,
  );
  const measurements = [];
  for (const [i, { round, scenario, stage }] of plannedRuns.entries()) {
    if (isShuttingDown()) throw new Error('interrupted');
    const title = `→ [${i + 1}/${plannedRuns.length}] round ${round}: ${scenario}${stage ? ` on ${stage}` : ''}`;
    const row = await measureLogged(scenarioOf(scenario, stage), settings, log, title);
    measurements.push({ round, scenario, stage, row });
  }

  const cells = summarize(measurements, { scenarios, stages: stageNames, references });
  const report = {
    startedAt,
    machine: { ...machine, loadAverageAtEnd: (await machineFacts()).loadAverage },
    settings: {
      ...settings,
      rounds,
      products,
      order: 'per round: references, then each scenario on every stage in turn',
      summary: 'median over rounds of req/s, p50, p99; failures summed over rounds',
      tool: 'autocannon 9, HTTP/1.1, no pipelining, on the same machine',
    },
    stages: stages.map((s, i) => ({
      name: s.name,
      commit: s.commit,
      uncommittedChanges: s.dirty ?? false,
      checkout: path.relative(repoRoot, s.dir) || '.',
      build: s.build,
      port: ports[i],
      payment: s.payment
        ? {
            worker: s.payment.workerUrl,
            cardProcessor: s.payment.cardProcessorUrl,
            workerDatabase: s.payment.workerDatabase,
            workerMigrateMs: s.payment.migrateMs,
            queuePrefix: s.payment.prefix,
          }
        : null,
      tokenHashEncoding: s.tokenHash,
      catalog: {
        ...s.digest,
        searchTerm: s.catalog.searchTerm,
        rareTerm: s.catalog.rareTerm,
      },
      database: {
        name: databaseNameFor(s.name),
        ...s.database,
        url: undefined,
        adminUrl: undefined,
      },
    })),
    warnings,
    scenarios: Object.fromEntries(
      [...references, ...scenarios].map((name) => [name, scenarioOf(name, stageNames[0]).means]),
    ),
    results: cells,
    measurements,
  };
  const file = writeJson(report, 'stages');
  const facts = summaryLine({ ...report, database: stages[0].database });
  console.log(`\n${facts}; ${rounds} rounds, medians\n\n${stagesTable(cells, stageNames)}\n`);
  for (const s of report.stages)
    console.log(
      `- ${s.name}: ${short(s.commit)}${s.uncommittedChanges ? ' + uncommitted changes' : ''}, ${s.checkout}` +
        `${s.payment ? ' (with its worker and card processor)' : ''}`,
    );
  for (const [name, means] of Object.entries(report.scenarios)) console.log(`- ${name}: ${means}`);
  for (const line of warnings) console.log(`WARNING — catalogs differ: ${line}`);
  console.log(`\nwritten to ${file}`);
  const invalid = invalidRows(
    measurements.map((m) => ({
      ...m.row,
      label: `${m.scenario}${m.stage ? ` on ${m.stage}` : ''}, round ${m.round}`,
    })),
    settings,
    (row) => row.label,
  );
  for (const line of invalid) console.error(`BENCH INVALID — ${line}`);
  return invalid.length === 0;
}

main()
  .then((ok) => {
    process.exitCode = ok ? 0 : 1;
  })
  .catch((error) => {
    if (isShuttingDown()) return;
    console.error(`bench:stages failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => runCleanups());
