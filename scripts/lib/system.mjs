// Facts about the machine the scripts run on: root, Debian/apt, binaries on PATH, unprivileged users.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { step } from './log.mjs';
import { capture, run } from './processes.mjs';

export const isRoot = () => process.getuid?.() === 0;

export function isDebianLike() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

/** apt-get may be used only as root on Debian/Ubuntu. */
export const canAptInstall = () => isRoot() && isDebianLike() && existsSync('/usr/bin/apt-get');

/** The first executable named `name` on PATH or in the extra directories, or null. */
export function findExecutable(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not here.
    }
  }
  return null;
}

let aptUpdated = false;

/** `apt-get update && apt-get install -y <packages>`; resolves true on success. */
export async function aptInstall(packages) {
  step(
    `Installing ${packages.join(', ')} from the OS packages: apt-get install -y ${packages.join(' ')}`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    if ((await run('apt-get', ['update'], { env })) !== 0) return false;
    aptUpdated = true;
  }
  return (
    (await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env })) === 0
  );
}

/** Whether a user exists on this machine (`id -u <name>`). */
export async function userExists(name) {
  return (await capture('id', ['-u', name])).code === 0;
}
