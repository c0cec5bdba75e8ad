// A desktop used every day: the list keeps the newest finished files up to a cap and forgets
// older ones (they stay in the gallery), never a failed file, and the state file written with
// cached parts of its text loads back the same.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  PNGSUITE_DIR,
  listRows,
  makeImages,
  newUser,
  openQueue,
  useServer,
  useTempDir,
} from './helpers';

const server = useServer();
const tmp = useTempDir();

it('forgets the oldest finished files past the cap, keeps failed ones, and reloads the same list', async () => {
  const t = server();
  const user = await newUser(t);
  const first = await makeImages(path.join(tmp(), 'first'), 4, { offset: 70 });
  const broken = path.join(tmp(), 'broken.png');
  await fs.copyFile(path.join(PNGSUITE_DIR, 'xcrn0g04.png'), broken);
  const file = path.join(tmp(), 'history.json');
  let { queue } = await openQueue({ file, api: () => user.api, keepFinished: 3 });
  await queue.add([...first, broken]);
  queue.start();
  await queue.idle();
  expect(queue.snapshot().items).toHaveLength(5);

  const [next] = await makeImages(path.join(tmp(), 'next'), 1, { offset: 80 });
  await queue.add([next!]);
  await queue.idle();
  const list = () => queue.snapshot().items.map((i) => [path.basename(i.path), i.state]);
  const expected = [
    ...first.slice(1).map((f) => [path.basename(f), 'done']),
    ['broken.png', 'failed'],
    [path.basename(next!), 'done'],
  ];
  expect(list()).toEqual(expected);
  // Forgotten from the list, not from the gallery.
  expect(await listRows(t, user.token)).toHaveLength(5);

  await queue.close();
  ({ queue } = await openQueue({ file, api: () => user.api, keepFinished: 3 }));
  expect(queue.loadWarning).toBeUndefined();
  expect(list()).toEqual(expected);
  await queue.close();
});
