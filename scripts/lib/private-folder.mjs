// The folders and files a private server keeps under .data/ (PostgreSQL's, Redis's): created 0700,
// never through a symbolic link, never taken over from another account. Checked with lstat and
// opened with O_NOFOLLOW, so a link planted where a folder goes is refused, not followed (005).
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  writeSync,
} from 'node:fs';
import process from 'node:process';

/**
 * Checks the folder the private servers' folders go in (.data): a real directory that no other
 * user may write to. Whoever owns the checkout owns the scripts too, so its owner is not questioned.
 */
export function checkDataRoot(dir) {
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink())
    throw new Error(`${dir} is a symbolic link; refusing to use it (remove it and run again)`);
  if (!stat.isDirectory()) throw new Error(`${dir} is not a directory`);
  if (stat.mode & 0o002) throw new Error(`${dir} is writable by every user; refusing to use it`);
}

/**
 * Makes `dir` a server's private folder: created when missing, then opened without following
 * links, owned by `account` ({ name, uid, gid, isSelf }) and mode 0700.
 */
export function claimDirectory(dir, account) {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink())
    throw new Error(`${dir} is a symbolic link; refusing to use it (remove it and run again)`);
  const fd = openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  try {
    const opened = fstatSync(fd);
    if (opened.uid !== account.uid) {
      // Only a folder we just created (owned by us, root) is handed over; anything else is refused.
      if (account.isSelf || opened.uid !== process.getuid())
        throw new Error(
          `${dir} belongs to uid ${opened.uid}, not to ${account.name}; refusing to use it ` +
            '(another account made it: remove it, or run as that account)',
        );
      fchownSync(fd, account.uid, account.gid);
    }
    if ((opened.mode & 0o077) !== 0) fchmodSync(fd, 0o700);
  } finally {
    closeSync(fd);
  }
}

/** Writes a file (mode 0600) without following a link; `owner` ({ uid, gid }) gets it when given. */
export function writePrivateFile(file, text, owner) {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
  const fd = openSync(file, flags, 0o600);
  try {
    if (owner) fchownSync(fd, owner.uid, owner.gid);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
