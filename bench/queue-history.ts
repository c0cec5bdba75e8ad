// A queue as a desktop used every day has it: `count` finished uploads from earlier batches
// (the list keeps up to 1000), written as an earlier version's JSON file that the queue
// imports when it opens. The benchmark starts from it with --history.
import crypto from 'node:crypto';
import { writeTextAtomic } from '../src/main/services/json-file';
import { newItem } from '../src/main/queue/outcomes';

export async function writeQueueHistory(file: string, count: number): Promise<void> {
  const items = Array.from({ length: count }, (_, i) => {
    const day = `2026-10-${String((i % 28) + 1).padStart(2, '0')}`;
    const item = newItem(
      `/home/admin/Pictures/${day}/IMG_${String(i).padStart(5, '0')}.JPG`,
      5e6,
      null,
      null,
    );
    item.state = 'done';
    item.attempts = 1;
    item.imageId = crypto.randomUUID();
    item.key = `users/${crypto.randomUUID()}/${crypto.randomBytes(16).toString('base64url')}.jpg`;
    item.options = { maxEdge: 2560, format: 'original', quality: 82, keepMetadata: false };
    item.output = {
      original: {
        sha256: crypto.randomBytes(32).toString('hex'),
        size: 1_400_000,
        contentType: 'image/jpeg',
        extension: 'jpg',
        width: 2560,
        height: 1920,
      },
      thumbnail: { sha256: crypto.randomBytes(32).toString('hex'), size: 30_000 },
    };
    return item;
  });
  await writeTextAtomic(file, JSON.stringify({ version: 1, paused: false, items }));
}
