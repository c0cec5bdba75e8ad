// One process per queue file: a lock file created with O_EXCL holding the owner's pid. A lock
// left by a process that died (crash, SIGKILL) is detected by its dead pid and taken over.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CodedError } from '../../shared/errors';

export interface QueueLock {
  release(): Promise<void>;
}

/** A lock file without a readable pid this old is debris, not a process mid-write. */
const UNREADABLE_STALE_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderOf(lockPath: string): Promise<{ pid: number | undefined; stale: boolean }> {
  const [text, info] = await Promise.all([
    fs.readFile(lockPath, 'utf8').catch(() => ''),
    fs.stat(lockPath).catch(() => undefined),
  ]);
  if (!info) return { pid: undefined, stale: true };
  const pid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
  if (pid === undefined) return { pid, stale: Date.now() - info.mtimeMs > UNREADABLE_STALE_MS };
  return { pid, stale: !isAlive(pid) };
}

function inUse(pid: number | undefined): CodedError {
  return new CodedError(
    'CONFLICT',
    `The upload queue is already open in another Image Desk window or CLI` +
      `${pid ? ` (process ${pid})` : ''}. Close it, or wait for it to finish, and try again.`,
  );
}

/**
 * Moves a stale lock out of the way. Renaming is atomic, so of two processes taking over at
 * once the second may grab the first one's fresh lock; it notices the foreign pid and puts
 * that lock back (link refuses to overwrite) instead of deleting it.
 */
async function takeOverStale(lockPath: string, stalePid: number | undefined): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return; // already gone: just try to create it again
  }
  const text = (await fs.readFile(aside, 'utf8').catch(() => '')).trim();
  const pid = /^\d+$/.test(text) ? Number(text) : undefined;
  if (pid !== stalePid && pid !== undefined && isAlive(pid)) {
    await fs.link(aside, lockPath).catch(() => undefined);
  }
  await fs.rm(aside, { force: true });
}

export async function acquireQueueLock(queueFile: string): Promise<QueueLock> {
  const lockPath = `${queueFile}.lock`;
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  const mine = `${process.pid}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(lockPath, mine, { flag: 'wx', mode: 0o600 });
      return {
        // Remove only our own lock: never one another process took over meanwhile.
        release: async () => {
          const text = await fs.readFile(lockPath, 'utf8').catch(() => '');
          if (text === mine) await fs.rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await holderOf(lockPath);
    if (!holder.stale) throw inUse(holder.pid);
    await takeOverStale(lockPath, holder.pid);
  }
  throw inUse(undefined);
}
