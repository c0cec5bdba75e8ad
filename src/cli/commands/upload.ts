// upload: files and folders through the same queue and pipeline as the desktop app. Its queue
// file is the CLI's own, so an interrupted run resumes on the next `upload`.
import path from 'node:path';
import { idSchema } from '../../shared/api';
import { settingsSchema, type Settings } from '../../shared/settings';
import { UploadQueue } from '../../main/queue';
import type { CliContext } from '../cli-context';
import { requireSignedIn } from '../cli-context';
import { UsageError } from '../cli-error';
import { printable } from '../printable';
import { buildReport, summaryLine } from '../upload-report';
import { createUploadProgress } from '../upload-progress';

type Ctx = CliContext & { server: string | undefined };

export interface UploadOptions {
  album?: string;
  maxEdge?: number;
  format?: string;
  quality?: number;
  concurrency?: number;
  keepMetadata?: boolean;
  allowDuplicates?: boolean;
  json?: boolean;
}

function uploadSettings(base: Settings, options: UploadOptions): Settings {
  const parsed = settingsSchema.safeParse({
    ...base,
    ...(options.maxEdge !== undefined ? { maxEdge: options.maxEdge } : {}),
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.quality !== undefined ? { quality: options.quality } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.keepMetadata ? { keepMetadata: true } : {}),
    ...(options.allowDuplicates ? { duplicatePolicy: 'upload' } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `--${String(issue?.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

/** --album takes an album id, or a name: an existing album of that name, else a new one. */
async function resolveAlbum(ctx: Ctx, album: string | undefined): Promise<string | undefined> {
  if (!album) return undefined;
  if (idSchema.safeParse(album).success) return album;
  const api = ctx.session.api();
  const { albums } = await api.listAlbums();
  const found = albums.find((a) => a.name === album);
  return found ? found.id : (await api.createAlbum(album)).album.id;
}

export async function uploadCommand(
  ctx: Ctx,
  paths: string[],
  options: UploadOptions,
): Promise<number> {
  const settings = uploadSettings(ctx.settings, options);
  await requireSignedIn(ctx);
  const albumId = await resolveAlbum(ctx, options.album);
  const progress = createUploadProgress();
  let sessionExpired = false;
  const queue = await UploadQueue.open({
    file: path.join(ctx.dataDir, 'cli-queue.sqlite'),
    importFrom: path.join(ctx.dataDir, 'cli-queue.json'),
    report: (message, error) =>
      ctx.warn(`${message} (${error instanceof Error ? error.message : String(error)})`),
    api: () => ctx.session.api(),
    settings: () => settings,
    // Files left by a run signed in as someone else wait for that account, never upload here.
    account: () => {
      const { signedIn, user, serverUrl } = ctx.session.state();
      return signedIn && user ? { serverUrl, email: user.email } : undefined;
    },
    onEvent: (event) => {
      if (event.type === 'totals') progress.update(event.totals);
      if (event.type === 'session-expired') sessionExpired = true;
    },
  });
  if (queue.loadWarning) ctx.warn(queue.loadWarning);
  const started = Date.now();
  const interrupt = () => {
    progress.stop();
    process.stderr.write(
      '\nInterrupted: unfinished files stay queued; run upload again to resume.\n',
    );
    void queue.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const unfinished = queue
      .snapshot()
      .items.filter((i) => !['done', 'duplicate', 'failed', 'canceled'].includes(i.state));
    const resumed = unfinished.filter((i) => i.heldFor === null);
    if (resumed.length > 0)
      ctx.warn(`resuming ${resumed.length} file(s) left unfinished by an earlier run`);
    for (const email of new Set(unfinished.flatMap((i) => (i.heldFor ? [i.heldFor] : [])))) {
      const count = unfinished.filter((i) => i.heldFor === email).length;
      ctx.warn(
        `${count} file(s) left unfinished by a run signed in as ${email} wait for that account; ` +
          'sign in as it and run upload again to finish them',
      );
    }
    await queue.add(paths, albumId ? { albumId } : {});
    queue.start();
    await queue.idle();
    progress.stop();
    const mine = queue.snapshot().items.filter((i) => i.heldFor === null);
    const report = buildReport(mine, (Date.now() - started) / 1000);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      for (const file of report.files) {
        const shown = printable(file.path);
        if (file.state === 'failed')
          process.stderr.write(`failed     ${shown}: ${file.message} (${file.code})\n`);
        else if (file.state === 'duplicate')
          process.stdout.write(`duplicate  ${shown} (already ${file.imageId})\n`);
        else if (file.state === 'done')
          process.stdout.write(`uploaded   ${shown} -> ${file.imageId}\n`);
      }
      process.stdout.write(`${summaryLine(report)}\n`);
    }
    if (sessionExpired)
      ctx.warn('the session expired during the upload; sign in again and rerun upload to finish.');
    // Every ended file has been reported: the next run starts from what is left unfinished.
    await queue.clearFinished({ includeFailed: true });
    return report.summary.failed > 0 || report.summary.canceled > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    progress.stop();
    await queue.close();
  }
}
