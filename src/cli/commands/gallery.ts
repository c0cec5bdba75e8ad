// list and delete: the account's images from a script.
import type { Image } from '../../shared/api';
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
  const images: Image[] = [];
  let cursor: string | undefined;
  const limit = options.limit ?? Infinity;
  do {
    const page = await api.listImages({
      limit: Math.min(200, limit - images.length),
      ...(cursor ? { cursor } : {}),
      ...(options.q ? { q: options.q } : {}),
      ...(options.album ? { albumId: options.album } : {}),
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

export async function deleteCommand(
  ctx: Ctx,
  ids: string[],
  options: { json?: boolean },
): Promise<number> {
  await requireSignedIn(ctx);
  const result = await ctx.session.api().bulkDelete(ids);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const id of result.deleted) process.stdout.write(`deleted ${id}\n`);
    for (const f of result.failed)
      process.stderr.write(`failed  ${f.id}: ${f.message} (${f.code})\n`);
  }
  return result.failed.length > 0 ? 1 : 0;
}
