// CPU affinity for the pipeline benchmark (Linux `taskset`): the backend on a core of its own,
// the uploading process on the others, as on a desktop that talks to a remote server.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Layout {
  name: 'own core' | 'shared';
  /** Cores the uploading process may use ('' = any). */
  uploaderCores: string;
  /** Cores the backend (this process) may use ('' = any). */
  backendCores: string;
  /** sharp jobs at once: one per core the uploader has. */
  cpu: number;
}

// Read once, before anything is pinned: once this process is pinned to one core, the count it
// sees is one.
const CORES = os.availableParallelism();

const range = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);

export function tasksetAvailable(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function layouts(which: string, cpuOverride?: number): Layout[] {
  const cores = CORES;
  const shared: Layout = {
    name: 'shared',
    uploaderCores: '',
    backendCores: '',
    cpu: cpuOverride ?? cores,
  };
  if (which === 'shared') return [shared];
  if (cores < 2 || !tasksetAvailable()) {
    if (which === 'own-core') throw new Error('--layout own-core needs 2+ cores and taskset');
    return [shared];
  }
  const own: Layout = {
    name: 'own core',
    uploaderCores: range(0, cores - 2),
    backendCores: `${cores - 1}`,
    cpu: cpuOverride ?? cores - 1,
  };
  return which === 'own-core' ? [own] : [own, shared];
}

/** Pins every thread of this process (the backend: API, PGlite, emulator, libuv pool). */
export function pinBackend(layout: Layout): void {
  const cores = layout.backendCores || range(0, CORES - 1);
  if (layout.backendCores === '' && !tasksetAvailable()) return;
  execFileSync('taskset', ['-a', '-p', '-c', cores, String(process.pid)], { stdio: 'ignore' });
}

/** The command that starts a worker on the uploader's cores. */
export function uploaderCommand(layout: Layout, args: string[]): [string, string[]] {
  return layout.uploaderCores
    ? ['taskset', ['-c', layout.uploaderCores, process.execPath, ...args]]
    : [process.execPath, args];
}
