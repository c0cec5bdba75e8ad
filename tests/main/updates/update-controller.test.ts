// The updater's state machine over a scripted electron-updater and a fake clock: it checks at
// launch and every interval, downloads in the background with progress, restarts into a ready
// version only, and survives errors to try again at the next interval.
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../../src/shared/errors';
import type { UpdateState } from '../../../src/shared/updates';
import {
  createUpdateController,
  disabledUpdates,
  INSTALL_FAILED,
} from '../../../src/main/updates/update-controller';
import { FakeClock, settle } from '../../support/fake-clock';
import { recordingLog } from '../support/recording-log';
import { offlineError, ScriptedDriver } from './scripted-driver';

const HOUR = 60 * 60 * 1000;

function setup(driver = new ScriptedDriver()) {
  const clock = new FakeClock();
  const log = recordingLog();
  const states: UpdateState[] = [];
  const controller = createUpdateController({
    driver,
    onState: (state) => states.push(state),
    log,
    timers: clock,
    intervalMs: 4 * HOUR,
    // Recorded with the driver's calls, so their order shows.
    beforeInstall: async () => void driver.calls.push('beforeInstall'),
  });
  const statuses = () => states.map((s) => s.status);
  return { controller, driver, clock, log, states, statuses };
}

async function expectCode(promise: Promise<unknown>, code: string, message?: string) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CodedError);
  expect((error as CodedError).code).toBe(code);
  if (message) expect((error as CodedError).message).toBe(message);
}

describe('update controller', () => {
  it('checks at launch and finds nothing new', async () => {
    const t = setup();
    expect(t.controller.state()).toEqual({ status: 'idle' });
    t.controller.start();
    await settle();
    expect(t.driver.checks).toBe(1);
    expect(t.statuses()).toEqual(['checking', 'idle']);
  });

  it('checks again every interval, not before', async () => {
    const t = setup();
    t.controller.start();
    await t.clock.advance(4 * HOUR - 1);
    expect(t.driver.checks).toBe(1);
    await t.clock.advance(1);
    expect(t.driver.checks).toBe(2);
    await t.clock.advance(8 * HOUR);
    expect(t.driver.checks).toBe(4);
  });

  it('downloads a new version in the background, reports whole percents, and is then ready', async () => {
    const t = setup(new ScriptedDriver().answerChecks({ version: '2.0.0' }));
    t.controller.start();
    await settle();
    expect(t.driver.calls).toEqual(['check', 'download']);
    expect(t.controller.state()).toEqual({ status: 'downloading', version: '2.0.0', percent: 0 });

    t.driver.progress(12.2);
    t.driver.progress(12.9);
    t.driver.progress(57.5);
    t.driver.finishDownload();
    await settle();

    expect(t.states).toEqual([
      { status: 'checking' },
      { status: 'available', version: '2.0.0' },
      { status: 'downloading', version: '2.0.0', percent: 0 },
      { status: 'downloading', version: '2.0.0', percent: 12 },
      { status: 'downloading', version: '2.0.0', percent: 57 },
      { status: 'ready', version: '2.0.0' },
    ]);
    // Nothing more to fetch until the restart.
    await t.clock.advance(24 * HOUR);
    expect(t.driver.checks).toBe(1);
    expect(t.clock.pending).toBe(0);
  });

  it('restarts into a ready version after the queue has closed', async () => {
    const t = setup(new ScriptedDriver().answerChecks({ version: '2.0.0' }));
    t.controller.start();
    await settle();
    t.driver.finishDownload();
    await settle();

    await t.controller.restart();
    expect(t.driver.calls).toEqual(['check', 'download', 'beforeInstall', 'quitAndInstall']);
  });

  it('refuses to restart before a version is ready', async () => {
    const t = setup(new ScriptedDriver().answerChecks({ version: '2.0.0' }));
    await expectCode(t.controller.restart(), 'CONFLICT', 'No update is ready to install yet.');
    t.controller.start();
    await settle();
    // Found and downloading is not ready either.
    await expectCode(t.controller.restart(), 'CONFLICT');
    expect(t.driver.calls).toEqual(['check', 'download']);
  });

  it('stays ready and says quitting installs it when the installer cannot start', async () => {
    const t = setup(new ScriptedDriver().answerChecks({ version: '2.0.0' }));
    t.driver.installError = new Error('spawn EACCES');
    t.controller.start();
    await settle();
    t.driver.finishDownload();
    await settle();
    await expectCode(t.controller.restart(), 'INTERNAL', INSTALL_FAILED);
    expect(t.controller.state()).toEqual({ status: 'ready', version: '2.0.0' });
    expect(t.log.lines).toContainEqual(['error', 'update install failed:', 'Error: spawn EACCES']);
  });

  it('reports an unreachable feed once, and checks again at the next interval', async () => {
    const t = setup(new ScriptedDriver().answerChecks(offlineError(), null));
    t.controller.start();
    await settle();
    // electron-updater emitted the error and threw it: one error state, one log line.
    expect(t.states).toEqual([
      { status: 'checking' },
      {
        status: 'error',
        code: 'UPDATE_OFFLINE',
        message: 'Could not reach the update server. Image Desk will try again later.',
      },
    ]);
    expect(t.log.lines.filter(([level]) => level === 'error')).toEqual([
      ['error', 'update check failed:', 'Error: getaddrinfo ENOTFOUND updates.example.com'],
    ]);

    await t.clock.advance(4 * HOUR);
    expect(t.driver.checks).toBe(2);
    expect(t.controller.state()).toEqual({ status: 'idle' });
  });

  it('retries a failed download at the next interval', async () => {
    const t = setup(new ScriptedDriver().answerChecks({ version: '2.0.0' }, { version: '2.0.0' }));
    t.controller.start();
    await settle();
    t.driver.progress(40);
    t.driver.failDownload(new Error('sha512 checksum mismatch'));
    await settle();
    expect(t.controller.state()).toEqual({
      status: 'error',
      code: 'UPDATE_DOWNLOAD_FAILED',
      message: 'The update could not be downloaded. Image Desk will try again later.',
    });

    await t.clock.advance(4 * HOUR);
    expect(t.driver.downloads).toBe(2);
    t.driver.finishDownload();
    await settle();
    expect(t.controller.state()).toEqual({ status: 'ready', version: '2.0.0' });
  });

  it('reports an error the updater raises on its own, without a call in flight', async () => {
    const t = setup();
    t.controller.start();
    await settle();
    t.driver.emitError(new Error('Squirrel: code signature invalid'));
    expect(t.controller.state()).toMatchObject({ status: 'error', code: 'UPDATE_CHECK_FAILED' });
    await t.clock.advance(4 * HOUR);
    expect(t.controller.state()).toEqual({ status: 'idle' });
  });

  it('stops checking and listening when stopped', async () => {
    const t = setup();
    t.controller.start();
    await settle();
    t.controller.stop();
    await t.clock.advance(24 * HOUR);
    expect(t.driver.checks).toBe(1);
    expect(t.driver.listening).toBe(0);
  });
});

describe('disabledUpdates', () => {
  it('says why, and refuses to restart', async () => {
    const updates = disabledUpdates('Updates are off in development runs.');
    updates.start();
    expect(updates.state()).toEqual({
      status: 'disabled',
      reason: 'Updates are off in development runs.',
    });
    await expectCode(updates.restart(), 'CONFLICT', 'Updates are off in development runs.');
  });
});
