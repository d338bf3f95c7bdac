// Folds a dependency-cruiser result into the API's layers: one node per layer (plus the composition
// root), one arrow per pair of layers that import each other, counted.
const api = 'apps/api/src/';
const layers = ['presentation', 'application', 'infrastructure'];

/**
 * The layer a file belongs to ("root" for main/env/testing), or the two technologies whose place the
 * rules fix (the database package and tRPC); null for anything else outside the API.
 */
export function layerOf(file) {
  if (file.startsWith('packages/db/')) return 'database';
  if (file.startsWith('packages/domain/')) return 'domain package';
  if (file.startsWith('node_modules/@trpc/')) return 'trpc';
  if (!file.startsWith(api)) return null;
  const [first] = file.slice(api.length).split('/');
  if (layers.includes(first)) return first;
  return /^(main|env|testing)\.ts$/.test(first) ? 'root' : 'outside a layer';
}

const ids = {
  root: 'root',
  presentation: 'presentation',
  application: 'application',
  infrastructure: 'infrastructure',
  'outside a layer': 'outside',
  database: 'database',
  trpc: 'trpc',
  'domain package': 'domainPackage',
};
const labels = {
  root: 'composition root<br/>main.ts · env.ts · testing.ts',
  presentation: 'presentation<br/>routers · presenters · tRPC · HTTP',
  application: 'application<br/>one use case per file',
  infrastructure: 'infrastructure<br/>Prisma repositories · payment · argon2 · clock · log',
  'outside a layer': 'outside the layers',
  'domain package':
    'packages/domain<br/>aggregates · value objects · events · repository interfaces',
  database: '@shop/db<br/>Prisma',
  trpc: '@trpc/server',
};

/** Mermaid for the layer graph of a dependency-cruiser JSON result (tests left out). */
export function layerGraph(result) {
  const edges = new Map();
  for (const module of result.modules) {
    const from = layerOf(module.source);
    if (!from || from === 'database' || from === 'trpc' || /\.test\.ts$/.test(module.source))
      continue;
    for (const dependency of module.dependencies) {
      const to = layerOf(dependency.resolved);
      if (!to || to === from) continue;
      const key = `${from}>${to}`;
      const edge = edges.get(key) ?? { from, to, count: 0, broken: false };
      edge.count += 1;
      edge.broken ||= dependency.valid === false;
      edges.set(key, edge);
    }
  }
  const present = new Set([...edges.values()].flatMap((e) => [e.from, e.to]));
  const lines = ['flowchart TD'];
  for (const name of Object.keys(labels).filter((n) => present.has(n))) {
    const external = name === 'database' || name === 'trpc';
    lines.push(
      external ? `  ${ids[name]}[("${labels[name]}")]` : `  ${ids[name]}["${labels[name]}"]`,
    );
  }
  const sorted = [...edges.values()].sort((a, b) =>
    `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`),
  );
  sorted.forEach((edge) => lines.push(`  ${ids[edge.from]} -->|${edge.count}| ${ids[edge.to]}`));
  sorted.forEach((edge, index) => {
    if (edge.broken) lines.push(`  linkStyle ${index} stroke:#d00,stroke-width:3px`);
  });
  return `${lines.join('\n')}\n`;
}
