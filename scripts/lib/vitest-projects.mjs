// The Vitest projects of the root vitest.config.mjs, one per workspace (and the scripts) and tier:
// `unit <name>` from its vitest.config.{ts,mjs}, `int <name>` from its vitest.int.config.{ts,mjs}.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { listWorkspaces } from './workspaces.mjs';

export const TIERS = { unit: 'vitest.config', int: 'vitest.int.config' };

/** [{ name, tier, dir, config }] with paths relative to the repository, sorted by directory. */
export function vitestProjects(root = repoRoot) {
  const owners = [...listWorkspaces(root), { name: 'scripts', dir: 'scripts' }];
  return Object.entries(TIERS).flatMap(([tier, base]) =>
    owners.flatMap(({ name, dir }) => {
      const config = ['ts', 'mjs']
        .map((ext) => path.join(dir, `${base}.${ext}`))
        .find((file) => existsSync(path.join(root, file)));
      return config ? [{ name: `${tier} ${name}`, tier, dir, config }] : [];
    }),
  );
}
