// The npm workspaces of the repository (from the root package.json "workspaces" globs).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

/** [{ name, dir, scripts }] for every workspace, sorted by directory. */
export function listWorkspaces(root = repoRoot) {
  const { workspaces = [] } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    const full = path.join(root, parent);
    return existsSync(full) ? readdirSync(full).map((entry) => path.join(parent, entry)) : [];
  });
  return dirs
    .filter((dir) => existsSync(path.join(root, dir, 'package.json')))
    .sort()
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
      return { name: manifest.name, dir, scripts: manifest.scripts ?? {} };
    });
}
