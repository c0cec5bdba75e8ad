// The main process's log file as electron-log (its Node flavour: the Electron one needs the
// binary) writes it once configured: in the folder given, every line redacted, rotated at the
// size limit keeping one old file, and unhandled errors written down rather than lost.
import fs from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLog, LOG_FILE_NAME } from '../../../src/main/logging/configure-log';
import { tempDirs } from '../services/helpers';

const newDir = tempDirs('image-desk-log-');
const started: Array<() => void> = [];

afterEach(() => {
  for (const stop of started.splice(0)) stop();
});

let instance = 0;
async function openLog(maxBytes?: number) {
  const directory = await newDir();
  // A logger of its own per test (electron-log keeps instances by id).
  const log = electronLog.create({ logId: `configure-log-test-${++instance}` });
  log.transports.console.level = false;
  type Handler = (error: unknown) => void;
  const listeners = () => ({
    exception: process.listeners('uncaughtException') as Handler[],
    rejection: process.listeners('unhandledRejection') as Handler[],
  });
  const before = listeners();
  configureLog(log, { directory: () => directory, ...(maxBytes ? { maxBytes } : {}) });
  started.push(() => log.errorHandler.stopCatching());
  // The listeners configureLog added (compared at once: the test runner adds its own later).
  const after = listeners();
  const onException = after.exception.find((l) => !before.exception.includes(l));
  const onRejection = after.rejection.find((l) => !before.rejection.includes(l));
  const read = (name = LOG_FILE_NAME) => fs.readFileSync(path.join(directory, name), 'utf8');
  return { log, directory, read, onException, onRejection };
}

describe('configureLog', () => {
  it('writes main.log in the given folder, with secrets redacted', async () => {
    const { log, directory, read } = await openLog();
    log.info('signed in', { email: 'ada@example.com', password: 'hunter22' });
    log.warn('authorization: Bearer abc.def.ghi');
    log.error(
      new Error(
        'PUT https://b.s3.amazonaws.com/k.jpg?X-Amz-Signature=feedface&X-Amz-Credential=AKIA failed',
      ),
    );

    expect(fs.readdirSync(directory)).toEqual([LOG_FILE_NAME]);
    const text = read();
    expect(text).toContain("email: 'ada@example.com'");
    expect(text).toContain('https://b.s3.amazonaws.com/k.jpg?[redacted] failed');
    expect(text).toMatch(/\[warn\] +authorization: \[redacted\]/);
    for (const secret of ['hunter22', 'abc.def.ghi', 'feedface', 'AKIA']) {
      expect(text).not.toContain(secret);
    }
  });

  it('rotates at the size limit and keeps exactly one old file', async () => {
    const { log, directory, read } = await openLog(2_000);
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(40)}`);

    expect(fs.readdirSync(directory).sort()).toEqual(['main.log', 'main.old.log']);
    expect(read().length).toBeLessThan(2_000 + 100);
    expect(read()).toContain('line 199');
    expect(read('main.old.log')).not.toContain('line 199');
  });

  it('logs unhandled errors and rejections, redacted', async () => {
    const { read, onException, onRejection } = await openLog();
    expect(onException, 'an uncaughtException handler is installed').toBeTypeOf('function');
    expect(onRejection, 'an unhandledRejection handler is installed').toBeTypeOf('function');

    // Called directly: emitting the events would reach the test runner's own handlers too.
    onException!(new Error('boom with Bearer s3cr3t-token'));
    onRejection!(new Error('refused password=letmein'));

    const text = read();
    expect(text).toMatch(/\[error\] Unhandled Error: boom with Bearer \[redacted\]/);
    expect(text).toMatch(/\[error\] Unhandled rejection Error: refused password=\[redacted\]/);
    expect(text).not.toContain('s3cr3t-token');
    expect(text).not.toContain('letmein');
  });
});
