// list and delete: the account's images from a script.
import type { BulkFailure, Image } from '../../shared/api';
import { deleteForever } from '../../main/services/trash-calls';
import { CodedError } from '../../shared/errors';
import { UsageError } from '../cli-error';
import type { CliContext } from '../cli-context';
import { requireSignedIn } from '../cli-context';
import { printable } from '../printable';

type Ctx = CliContext & { server: string | undefined };

export async function listCommand(
  ctx: Ctx,
  options: { json?: boolean; limit?: number; q?: string; album?: string; all?: boolean },
): Promise<number> {
  await requireSignedIn(ctx);
  const api = ctx.session.api();
  const albumId = await albumIdFor(ctx, options.album);
  const images: Image[] = [];
  let cursor: string | undefined;
  const limit = options.limit ?? Infinity;
  do {
    const page = await api.listImages({
      limit: Math.min(200, limit - images.length),
      ...(cursor ? { cursor } : {}),
      ...(options.q ? { q: options.q } : {}),
      ...(albumId ? { albumId } : {}),
      ...(options.all ? { owner: 'all' as const } : {}),
    });
    images.push(...page.images);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && images.length < limit);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ images })}\n`);
  } else if (images.length === 0) {
    process.stdout.write('No images.\n');
  } else {
    for (const image of images) {
      const dims = image.width && image.height ? `${image.width}x${image.height}` : '?';
      process.stdout.write(
        `${image.id}  ${image.createdAt}  ${dims.padEnd(11)}  ${String(image.size).padStart(9)}  ${printable(image.filename)}\n`,
      );
    }
  }
  return 0;
}

/** --album takes an id, "none", or the name of an existing album (as `upload --album` does). */
async function albumIdFor(ctx: Ctx, album: string | undefined): Promise<string | undefined> {
  if (!album || album === 'none' || UUID.test(album)) return album;
  const { albums } = await ctx.session.api().listAlbums();
  const found = albums.find((a) => a.name === album);
  if (!found) {
    throw new CodedError(
      'NOT_FOUND',
      `No album is named ${JSON.stringify(printable(album))}. Run \`albums\` to see their names.`,
    );
  }
  return found.id;
}

export async function albumsCommand(ctx: Ctx, options: { json?: boolean }): Promise<number> {
  await requireSignedIn(ctx);
  const { albums } = await ctx.session.api().listAlbums();
  if (options.json) process.stdout.write(`${JSON.stringify({ albums })}\n`);
  else if (albums.length === 0) process.stdout.write('No albums.\n');
  else {
    for (const album of albums) {
      process.stdout.write(
        `${album.id}  ${String(album.imageCount).padStart(6)}  ${printable(album.name)}\n`,
      );
    }
  }
  return 0;
}

/** Moves images to the trash, or with `permanent` deletes them (and their objects) now. */
export async function deleteCommand(
  ctx: Ctx,
  ids: string[],
  options: { json?: boolean; permanent?: boolean },
): Promise<number> {
  requireImageIds(ids);
  await requireSignedIn(ctx);
  const api = ctx.session.api();
  const result = options.permanent ? await deleteForever(api, ids) : await api.bulkDelete(ids);
  const verb = options.permanent ? 'deleted' : 'trashed';
  return report({ deleted: result.deleted, failed: result.failed }, options, verb);
}

export async function restoreCommand(
  ctx: Ctx,
  ids: string[],
  options: { json?: boolean },
): Promise<number> {
  requireImageIds(ids);
  await requireSignedIn(ctx);
  const result = await ctx.session.api().bulkRestore(ids);
  return report(result, options, 'restored');
}

/** `result` is printed as is with --json: `{deleted|restored: [ids], failed: […]}`. */
function report(
  result: { failed: BulkFailure[] } & Record<string, string[] | BulkFailure[]>,
  options: { json?: boolean },
  verb: string,
): number {
  const { failed } = result;
  const done = Object.entries(result).find(([key]) => key !== 'failed')![1] as string[];
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const id of done) process.stdout.write(`${verb} ${id}\n`);
    for (const f of failed) process.stderr.write(`failed  ${f.id}: ${f.message} (${f.code})\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A mistyped id is a usage error (exit 2), found before anything is sent. */
export function requireImageIds(ids: string[]): void {
  const bad = ids.find((id) => !UUID.test(id));
  if (bad !== undefined) {
    throw new UsageError(
      `${JSON.stringify(printable(bad))} is not an image id; ids are UUIDs, as \`list\` prints them.`,
    );
  }
  if (ids.length > 500) throw new UsageError('at most 500 ids at a time.');
}
