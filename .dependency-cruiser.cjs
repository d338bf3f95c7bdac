// The service boundaries of stage 4, the domain package's boundary and the API's layer rule, checked
// in `npm run lint`. Each rule's comment is what a failing check teaches; the why is in
// stages/03-ddd.md, docs/decisions/006-layers.md and docs/decisions/007-domain-package.md. The model
// lives in packages/domain, so apps/api/src has three layers: presentation, application and
// infrastructure. The API and the worker are separate services that share only the contract
// packages (@shop/contract, @shop/events, @shop/event-bus); the card processor stands in for an
// outside company. A boundary with two sides is written as two entries under one name, so a failure
// names the boundary whichever side broke it.
const api = '^apps/api/src/';
const layer = (name) => `${api}${name}/`;
const layers = ['presentation', 'application', 'infrastructure'];
const testFile = '\\.(int\\.)?test\\.ts$';
/** The composition root: wires the layers (wiring.ts) for a process (main.ts) or for in-process tests (testing.ts). */
const root = `${api}(main|env|testing|testing-services|wiring)(\\.test)?\\.ts$`;
/** Code of ours: a workspace file, or a workspace package name that did not resolve to one. */
const ours = '^(apps|packages)/|^@shop/';
/** Who may start the card processor in process: tests, and the API's test composition root. */
const cardProcessorUsers = [
  testFile,
  '^apps/(api|worker)/test/',
  `${api}testing(-services)?\\.ts$`,
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'api-and-worker-share-only-contracts',
      severity: 'error',
      comment:
        'The API and the worker are two services, deployed and changed on their own: the API imports ' +
        'nothing of apps/worker (@shop/worker). They talk only through integration events ' +
        "(@shop/events, sent by @shop/event-bus). The API's tests start the worker as a process, by " +
        'path, never by import.',
      from: { path: '^apps/api/' },
      to: { path: '^apps/worker/|^@shop/worker(/|$)' },
    },
    {
      name: 'api-and-worker-share-only-contracts',
      severity: 'error',
      comment:
        'The worker owns its data (the shop_worker database, its own migrations and pg client) and its ' +
        "model (apps/worker/src/payment/domain): it imports nothing of apps/api, the API's database " +
        'package (@shop/db) or the shop model (@shop/domain). Facts it needs arrive in an event ' +
        'payload; what it shares with the API is @shop/contract, @shop/events and @shop/event-bus.',
      from: { path: '^apps/worker/' },
      to: {
        path: ours,
        pathNot: [
          '^apps/worker/',
          '^packages/(contract|events|event-bus)/',
          '^apps/card-processor/',
          '^@shop/(contract|events|event-bus)(/|$)',
        ],
      },
    },
    {
      name: 'card-processor-is-outside',
      severity: 'error',
      comment:
        'apps/card-processor stands in for an outside card processor (a Stripe-like PSP): it knows ' +
        'nothing of the shop but the card rules in @shop/contract. Replacing it with a real one must ' +
        'change no import here.',
      from: { path: '^apps/card-processor/src/' },
      to: { path: ours, pathNot: ['^apps/card-processor/', '^packages/contract/'] },
    },
    {
      name: 'card-processor-is-outside',
      severity: 'error',
      comment:
        'The shop reaches the card processor over HTTP only (CARD_PROCESSOR_URL, its OpenAPI document): ' +
        'production code of the API and the worker never imports @shop/card-processor, so a real ' +
        "processor can take its place. Tests and the API's test composition root (testing.ts, " +
        'testing-services.ts) may start it in process.',
      from: { path: '^apps/(api|worker)/', pathNot: cardProcessorUsers },
      to: { path: '^apps/card-processor/|^@shop/card-processor(/|$)' },
    },
    {
      name: 'events-contract-is-pure',
      severity: 'error',
      comment:
        'packages/events is the contract between services: names, versions and zod schemas of the ' +
        'integration events, nothing else. It imports zod and itself — no node module, no other package ' +
        'of ours — so both services can depend on it and it can never drag one into the other. ' +
        'Generators and their tests live in packages/events/scripts.',
      from: { path: '^packages/events/src/', pathNot: testFile },
      to: { pathNot: ['^packages/events/src/', 'node_modules/zod/'] },
    },
    {
      name: 'events-contract-is-pure',
      severity: 'error',
      comment:
        'packages/event-bus is transport only (outbox relay, consumer runner, dead letters): @shop/events, ' +
        'BullMQ, ioredis, pg and node. It knows no app, no @shop/db and no @shop/domain: each service ' +
        'hands it its own connection and its own handlers.',
      from: { path: '^packages/event-bus/src/', pathNot: testFile },
      to: {
        pathNot: [
          '^packages/event-bus/src/',
          '^packages/events/src/',
          'node_modules/(@types/)?(bullmq|ioredis|pg)/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'worker-model-is-pure',
      severity: 'error',
      comment:
        "A worker context's model (apps/worker/src/<context>/domain: Payment, Charge, Refund, Money) is " +
        'plain TypeScript that imports only its own folder: no pg, no db/ or events/, no @shop/events, ' +
        'no node module. Its repository (*-repository.ts) maps it to tables; the handlers (on-*.ts) ' +
        'translate integration events into its calls inside a transaction.',
      from: { path: '^apps/worker/src/([^/]+)/domain/', pathNot: testFile },
      to: { pathNot: '^apps/worker/src/$1/domain/' },
    },
    {
      name: 'worker-http-is-handed-its-pool',
      severity: 'error',
      comment:
        "The worker's HTTP side (health, operators' pages) reads through the pool main.ts hands it: it " +
        'may name the Db type, but never imports pg or runs db/ code (connecting, migrating, ' +
        'transactions). The database is reached from db/, events/, the repositories and the handlers.',
      from: { path: '^apps/worker/src/http/', pathNot: testFile },
      to: {
        path: '^apps/worker/src/db/|node_modules/(@types/)?pg/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-package-is-pure',
      severity: 'error',
      comment:
        'packages/domain holds the shop model and nothing else: the standard library (no file, network or ' +
        'process I/O), zod and @shop/contract at most. No Prisma, tRPC, pg, BullMQ, and no app: the apps ' +
        'depend on the domain, never the other way round.',
      from: { path: '^packages/domain/src/', pathNot: testFile },
      to: {
        pathNot: ['^packages/domain/src/', '^packages/contract/src/', 'node_modules/zod/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'domain-package-does-no-io',
      severity: 'error',
      comment:
        'The domain does no I/O: files, sockets, HTTP and processes belong to infrastructure. Time and ids ' +
        'come in as arguments or through the ports in packages/domain/src/shared.',
      from: { path: '^packages/domain/src/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|net|http|https|http2|child_process|dgram|tls|dns|worker_threads|cluster)(/|$)',
      },
    },
    {
      name: 'contexts-talk-through-published-types',
      severity: 'error',
      comment:
        'A bounded context refers to another by id and published types only: it may import the other ' +
        "context's events (*-events.ts) and the shared kernel, never its aggregates or rules — so each " +
        'context can change, and later move out, on its own.',
      from: { path: '^packages/domain/src/([^/]+)/' },
      to: {
        path: '^packages/domain/src/[^/]+/',
        pathNot: ['^packages/domain/src/$1/', '^packages/domain/src/shared/', '-events\\.ts$'],
      },
    },
    {
      name: 'application-not-to-presentation',
      severity: 'error',
      comment:
        'Layers depend only downward. The application layer (use cases) must not know how it is called: ' +
        'no routers, presenters, tRPC glue or cookies. Return plain data and raise errors by meaning.',
      from: { path: layer('application') },
      to: { path: layer('presentation') },
    },
    {
      name: 'application-not-to-infrastructure',
      severity: 'error',
      comment:
        "Stage 3 turns the arrow around: use cases depend on the domain's repository interfaces and ports, " +
        'never on the Prisma code that implements them. Only the composition root (main.ts, testing.ts) knows both sides.',
      from: { path: layer('application') },
      to: { path: layer('infrastructure') },
    },
    {
      name: 'infrastructure-not-upward',
      severity: 'error',
      comment:
        'Infrastructure implements the ports of packages/domain: repositories, the payment gateway, ' +
        'hashing and the clock import the domain package, never presentation or application.',
      from: { path: layer('infrastructure') },
      to: { path: `${api}(presentation|application)/` },
    },
    {
      name: 'presentation-through-application',
      severity: 'error',
      comment:
        'Routers call use cases; they never reach into repositories themselves. Presentation may name ' +
        'infrastructure types (a type-only import) and log, but everything it runs goes through the ' +
        'application layer. The composition root (main.ts) hands infrastructure to the application.',
      from: { path: layer('presentation') },
      to: {
        path: layer('infrastructure'),
        pathNot: `${layer('infrastructure')}log\\.ts$`,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'prisma-only-in-infrastructure',
      severity: 'error',
      comment:
        'Only infrastructure talks to the database: no file outside src/infrastructure imports @shop/db, ' +
        'Prisma or pg. Hand rows up as plain data; nothing above knows the schema.',
      from: { path: api, pathNot: [layer('infrastructure'), testFile] },
      to: { path: '^packages/db/|node_modules/(@prisma|\\.prisma|pg)/' },
    },
    {
      name: 'trpc-only-in-presentation',
      severity: 'error',
      comment:
        'tRPC is how the shop is called, so only src/presentation imports @trpc/server. Lower layers ' +
        'raise errors by meaning (OrderNotFound, CardDeclined…); presentation maps them to tRPC codes.',
      from: { path: api, pathNot: layer('presentation') },
      to: { path: 'node_modules/@trpc/' },
    },
    {
      name: 'composition-root-stays-on-top',
      severity: 'error',
      comment:
        'main.ts, env.ts, wiring.ts and testing.ts build the infrastructure and hand it to the application. No ' +
        'layer imports them: configuration arrives as arguments. Tests may: they wire the app as main.ts does.',
      from: { path: api, pathNot: [root, testFile] },
      to: { path: `${api}(main|env|testing|wiring)\\.ts$` },
    },
    {
      name: 'every-file-in-a-layer',
      severity: 'error',
      comment: `Every file under apps/api/src lives in one of the layer folders (${layers.join(
        ', ',
      )}), except the composition root (main.ts, env.ts, wiring.ts, testing.ts); the model belongs in packages/domain.`,
      from: {
        path: api,
        pathNot: [`${api}(${layers.join('|')})/`, root],
      },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can change or be tested without the other.',
      from: { path: api },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
