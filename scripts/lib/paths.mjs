// Absolute paths of the repository the scripts live in, independent of the caller's cwd.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const dataDir = path.join(repoRoot, '.data');
export const binDir = path.join(repoRoot, 'node_modules', '.bin');
