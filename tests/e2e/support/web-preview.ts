// Starts `npm run web` (the same entry point, run directly so signals reach it) on a fresh data
// dir, reads the URLs it prints, and stops it and removes the data dir afterwards.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const ENTRY = path.join(ROOT, 'src/web-preview/main.ts');
const CLOCK_SHIFT = path.join(import.meta.dirname, 'clock-shift.ts');
const START_TIMEOUT_MS = 60_000;
/** Names the folder whose `pglite` (an empty, migrated database) new data dirs start from. */
export const TEMPLATE_ENV = 'E2E_DATA_TEMPLATE';

/**
 * Builds the renderer (`npx vite build`) into a folder of the caller's own, served through
 * WEB_RENDERER_DIR: a developer rebuilding out/renderer meanwhile cannot pull it from under a run.
 */
export async function buildRendererInto(dir: string): Promise<void> {
  const { stdout } = await promisify(execFile)(
    'npx',
    ['vite', 'build', '--mode', 'web', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT },
  );
  process.stdout.write(stdout);
}

/**
 * The environment minus whatever would point the preview away from its embedded defaults
 * (a DATABASE_URL, an external bucket, a fixed secret or token left in a developer's shell).
 */
function embeddedDefaultsEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(DATABASE_URL|S3_|JWT_SECRET|IMAGE_DESK_)/.test(name),
    ),
  );
}

export interface WebPreviewUrls {
  /** The renderer's page, with the per-run bridge token. */
  app: string;
  /** The backend API. */
  server: string;
  /** The embedded S3 emulator. */
  s3: string;
}

export interface WebPreviewOptions {
  dataDir?: string;
  /** Where the process's output goes (kept for the report when a test fails). */
  logFile: string;
  /** Preload tests/e2e/support/clock-shift.ts so `shiftClock()` can make tokens lapse. */
  clockShift?: boolean;
  /** Copy the database template (see global-setup.ts) into a new data dir; default true. */
  fromTemplate?: boolean;
  env?: Record<string, string>;
}

export class WebPreview {
  private exited: Promise<void>;
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
    private readonly ownsDataDir: boolean,
    logFile: string,
  ) {
    const log = fs.createWriteStream(logFile);
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      log.write(chunk);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        log.end();
        resolve();
      }),
    );
  }

  urls!: WebPreviewUrls;

  static async start(options: WebPreviewOptions): Promise<WebPreview> {
    const ownsDataDir = !options.dataDir;
    const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-e2e-'));
    const template = process.env[TEMPLATE_ENV];
    if (ownsDataDir && template && options.fromTemplate !== false) {
      // Only the database: the signing secret and the bucket are this run's own.
      fs.cpSync(path.join(template, 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
    }
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', ...(options.clockShift ? ['--import', CLOCK_SHIFT] : []), ENTRY],
      {
        cwd: ROOT,
        // An IPC channel only where clock-shift.ts listens on it.
        stdio: ['ignore', 'pipe', 'pipe', ...(options.clockShift ? (['ipc'] as const) : [])],
        env: {
          ...embeddedDefaultsEnv(),
          PORT: '0',
          WEB_PORT: '0',
          WEB_SKIP_BUILD: '1',
          DATA_DIR: dataDir,
          ...options.env,
        },
      },
    );
    const preview = new WebPreview(child, dataDir, ownsDataDir, options.logFile);
    try {
      preview.urls = await preview.waitForUrls();
    } catch (error) {
      await preview.stop();
      throw error;
    }
    return preview;
  }

  /** Waits until `pattern` appears in the process's output (stdout and stderr). */
  async waitForOutput(pattern: RegExp, timeoutMs = START_TIMEOUT_MS): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(
          `The web preview exited (${this.child.exitCode ?? this.child.signalCode}) before printing ${pattern}:\n${this.output.slice(-4000)}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `The web preview did not print ${pattern} in time:\n${this.output.slice(-4000)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async waitForUrls(): Promise<WebPreviewUrls> {
    const app = await this.waitForOutput(/Image Desk web preview: (http:\/\/\S+)/);
    // "Image Desk server listening on <url> (…)" as `npm run server` says it, or the preview's
    // own "Image Desk backend: <url> (…)".
    const server = await this.waitForOutput(
      /Image Desk (?:server listening on|backend:) (http:\/\/[^\s)]+)/,
    );
    const s3 = await this.waitForOutput(/embedded S3 emulator at (http:\/\/[^\s)]+)/);
    return { app: app[1]!, server: server[1]!, s3: s3[1]! };
  }

  /** Moves the process's clock forward (see clock-shift.ts); resolves once it has moved. */
  async shiftClock(): Promise<void> {
    const shifts = () => this.output.split('E2E clock shifted').length - 1;
    const before = shifts();
    this.child.send('e2e:shift-clock');
    const deadline = Date.now() + 5_000;
    while (shifts() === before) {
      if (Date.now() > deadline) throw new Error('The web preview did not shift its clock.');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after 10 s) and removes a data dir it created. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const killed = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await this.exited;
      clearTimeout(killed);
    }
    if (this.ownsDataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
