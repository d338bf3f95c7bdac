// The domain package's boundary and the API's layer rule, checked in `npm run lint`. Each rule's
// comment is what a failing check teaches; the why is in stages/03-ddd.md, docs/decisions/006-layers.md
// and docs/decisions/007-domain-package.md. The model lives in packages/domain, so apps/api/src has
// three layers: presentation, application and infrastructure.
const api = '^apps/api/src/';
const layer = (name) => `${api}${name}/`;
const layers = ['presentation', 'application', 'infrastructure'];
const testFile = '\\.(int\\.)?test\\.ts$';
/** The composition root: wires the layers (wiring.ts) for a process (main.ts) or for in-process tests (testing.ts). */
const root = `${api}(main|env|testing|testing-services|wiring)(\\.test)?\\.ts$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
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
