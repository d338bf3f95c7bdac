// One Vitest run per test tier over every workspace and the scripts: `unit` projects from each
// `vitest.config.*`, `int` projects from each `vitest.int.config.*` (see scripts/lib/vitest-projects.mjs).
//   npx vitest run --project 'unit *'     what `npm test -- --only unit` runs
//   npx vitest run --project 'int *'      integration tests (DATABASE_URL names the server)
//   npx vitest run --project 'unit @shop/db'
import { defineConfig } from 'vitest/config';
import { vitestProjects } from './scripts/lib/vitest-projects.mjs';

export default defineConfig({
  test: {
    projects: vitestProjects().map(({ name, dir, config }) => ({
      extends: `./${config}`,
      // A stray `.only` would quietly skip the rest of the suite.
      test: { name, root: `./${dir}`, allowOnly: false },
    })),
    allowOnly: false,
  },
});
