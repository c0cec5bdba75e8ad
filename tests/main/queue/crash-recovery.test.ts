// The process running the queue is SIGKILLed mid-batch and started again on the same
// database: unfinished files resume and every file is stored and registered exactly once.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { processImage, randomKeyPart } from '../../../src/imaging';
import type { DurableItem } from '../../../src/main/queue/durable-item';
import { pipelineOptions, uploadFilename } from '../../../src/main/queue/upload-steps';
import { putObject } from '../../../src/main/services/put-object';
import type { PresignResponse } from '../../../src/shared/api';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import {
  listRows,
  makeImages,
  newUser,
  noisyJpeg,
  openQueue,
  useServer,
  useTempDir,
  userObjects,
  type TestUser,
} from './helpers';

const server = useServer();
const tmp = useTempDir();
const CHILD = path.resolve(import.meta.dirname, 'queue-child.ts');

interface ItemLine {
  state: string;
  /** Presigned keys exist, and (the queue flushes before PUT) are on disk. */
  keyed: boolean;
}

interface ChildRun {
  states: Map<string, ItemLine>;
  summary: { path: string; state: string; error: unknown }[] | undefined;
  signal: NodeJS.Signals | null;
}

/** Runs the child; `killWhen` sees the latest state per item and may ask for a SIGKILL. */
function runChild(
  env: Record<string, string>,
  killWhen?: (states: Map<string, ItemLine>) => boolean,
): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: ChildRun = { states: new Map(), summary: undefined, signal: null };
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line);
    if (message.summary) run.summary = message.summary;
    else run.states.set(message.id, { state: message.state, keyed: message.keyed });
    if (killWhen && !child.killed && killWhen(run.states)) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      run.signal = signal;
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve(run);
    });
  });
}

describe('process killed mid-batch', () => {
  it('resumes after a restart and stores every file exactly once', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'photos');
    await fs.mkdir(dir);
    const names: string[] = [];
    for (let i = 0; i < 24; i++) {
      names.push(`photo-${i}.jpg`);
      await fs.writeFile(path.join(dir, names[i]!), await noisyJpeg(640, 480, i));
    }
    const env = {
      QUEUE_FILE: path.join(tmp(), 'queue.sqlite'),
      SERVER_URL: t.baseUrl,
      TOKEN: user.token,
    };

    // Kill once some files are done while others hold presigned keys mid-upload: the case
    // where a careless queue would upload or register a file twice after the restart.
    const killed = await runChild({ ...env, ADD_DIR: dir }, (states) => {
      const lines = [...states.values()];
      const done = lines.filter((l) => l.state === 'done').length;
      const midFlight = lines.some(
        (l) => l.keyed && (l.state === 'uploading' || l.state === 'registering'),
      );
      return done >= 6 && midFlight;
    });
    expect(killed.signal).toBe('SIGKILL');
    const doneBeforeKill = [...killed.states.values()].filter((l) => l.state === 'done').length;
    expect(doneBeforeKill).toBeLessThan(names.length);
    // The killed process's lock went with it. What it saved: unfinished files with their keys.
    const onDisk = await openQueue({ file: env.QUEUE_FILE, api: () => user.api });
    const saved = onDisk.queue.snapshot().items;
    expect(saved.some((i) => i.state === 'queued' && i.key !== null)).toBe(true);
    await onDisk.queue.close();

    const resumed = await runChild(env);
    expect(resumed.summary).toHaveLength(names.length);
    expect(resumed.summary!.filter((i) => i.state !== 'done')).toEqual([]);

    const rows = await listRows(t, user.token);
    expect(rows.map((r) => r.filename).sort()).toEqual([...names].sort());
    // The emulator keeps a truncated object when the client dies mid-PUT; registering it then
    // fails its size check, the server discards the bad half, and the queue uploads again under
    // new keys. The half that was intact stays a pending upload, which the server's orphan
    // sweeper deletes once it expires (run here now instead of in ten minutes).
    await t.server.sweeper.sweep(new Date(Date.now() + 24 * 3600_000));
    const objects = await userObjects(t, user.id);
    expect(objects.sort()).toEqual(rows.flatMap((r) => [r.key, r.thumbnailKey]).sort());
  });
});

/**
 * The moments a crash can hit one file, each written as the state file the queue would have
 * left: the queue must finish the file without a second object or a second image.
 */
describe('recovery from each crash point', () => {
  async function crashedItem(
    user: TestUser,
    name: string,
    stage: 'issued' | 'presigned' | 'stored' | 'registered',
  ) {
    const [file] = await makeImages(path.join(tmp(), `stage-${stage}`), 1, {
      prefix: name,
      offset: 200 + name.length,
    });
    const processed = await processImage(file!, pipelineOptions(DEFAULT_SETTINGS));
    const { original, thumbnail } = processed;
    const hints = { original: randomKeyPart(), thumbnail: randomKeyPart() };
    const item: DurableItem = {
      id: crypto.randomUUID(),
      path: file!,
      sourceSize: (await fs.stat(file!)).size,
      albumId: null,
      account: null,
      addedAt: new Date().toISOString(),
      folder: null,
      state: stage === 'registered' ? 'registering' : 'uploading',
      paused: false,
      attempts: 1,
      error: null,
      imageId: null,
      key: null,
      duplicateOf: null,
      options: pipelineOptions(DEFAULT_SETTINGS),
      output: {
        original: {
          sha256: original.sha256,
          size: original.size,
          contentType: original.contentType as 'image/jpeg',
          extension: original.extension,
          width: original.width,
          height: original.height,
        },
        thumbnail: { sha256: thumbnail.sha256, size: thumbnail.size },
      },
      hints,
      upload: null,
    };
    const filename = uploadFilename(file!, original.extension);
    const { uploads } = await user.api.presignBatch([
      {
        filename,
        contentType: 'image/jpeg',
        size: original.size,
        sha256: original.sha256,
        keyHint: hints.original,
      },
      {
        filename,
        contentType: 'image/webp',
        size: thumbnail.size,
        purpose: 'thumbnail',
        keyHint: hints.thumbnail,
      },
    ]);
    const [o, th] = uploads as [PresignResponse, PresignResponse];
    // 'issued': the server handed out the keys, but the crash came before they were saved.
    if (stage !== 'issued') {
      item.upload = {
        key: o.key,
        thumbnailKey: th.key,
        expiresAt: o.expiresAt,
        original: { url: o.url, headers: o.headers, sent: false },
        thumbnail: { url: th.url, headers: th.headers, sent: false },
      };
    }
    if (stage === 'stored' || stage === 'registered') {
      await putObject(o, original.data);
      await putObject(th, thumbnail.data);
    }
    if (stage === 'registered') {
      await user.api.register({
        key: o.key,
        thumbnailKey: th.key,
        filename,
        contentType: 'image/jpeg',
        size: original.size,
        sha256: original.sha256,
      });
    }
    return { item, presignedKey: o.key };
  }

  it('finishes each file exactly once, reusing the keys it had saved', async () => {
    const t = server();
    const user = await newUser(t);
    const stages = ['issued', 'presigned', 'stored', 'registered'] as const;
    const crashed: Awaited<ReturnType<typeof crashedItem>>[] = [];
    for (const stage of stages) crashed.push(await crashedItem(user, stage, stage));
    // Written as an earlier version's JSON file: the import keeps every checkpoint.
    const importFrom = path.join(tmp(), 'stages.json');
    await fs.writeFile(
      importFrom,
      JSON.stringify({ version: 1, paused: false, items: crashed.map((c) => c.item) }),
    );

    const file = path.join(tmp(), 'stages.sqlite');
    const { queue } = await openQueue({ file, importFrom, api: () => user.api });
    queue.start();
    await queue.idle();
    const items = queue.snapshot().items;
    expect(items.map((i) => [i.name, i.state, i.error])).toEqual(
      crashed.map((c) => [path.basename(c.item.path), 'done', null]),
    );
    // Saved keys are used as they are; only keys that were never saved are replaced.
    expect(items.map((i, n) => i.key === crashed[n]!.presignedKey)).toEqual([
      false,
      true,
      true,
      true,
    ]);

    const rows = await listRows(t, user.token);
    expect(rows.map((r) => r.key).sort()).toEqual(items.map((i) => i.key).sort());
    // Only the never-saved keys of the first file are pending; the sweeper removes those rows.
    await t.server.sweeper.sweep(new Date(Date.now() + 24 * 3600_000));
    expect((await userObjects(t, user.id)).sort()).toEqual(
      rows.flatMap((r) => [r.key, r.thumbnailKey]).sort(),
    );
    await queue.close();
  });
});
