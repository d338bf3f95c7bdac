// Bundles the worker (and any @shop/* workspace package it imports) into dist/main.js; real
// node_modules packages (pg, zod) stay external. The SQL migrations are not bundled: `db:migrate`
// applies them from migrations/.
import { build, type Plugin } from 'esbuild';

const externalNodeModules: Plugin = {
  name: 'external-node-modules',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@shop/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [externalNodeModules],
  logLevel: 'info',
});
