// The queue file's text reuses finished files' JSON between writes; whatever a finished file
// can still change (a retry, a resume) must show in the next write.
import { describe, expect, it } from 'vitest';
import { queueFileSchema } from '../../../src/main/queue/durable-item';
import { newItem } from '../../../src/main/queue/outcomes';
import { QueueFileText } from '../../../src/main/queue/state-text';

const parse = (text: string) => queueFileSchema.parse(JSON.parse(text));

describe('QueueFileText', () => {
  it('writes what the state is, after a finished file is retried or resumed', () => {
    const failed = newItem('/photos/a.jpg', 10, null, null);
    failed.state = 'failed';
    failed.error = { code: 'CORRUPT_IMAGE', message: 'The image is damaged.' };
    const done = newItem('/photos/b.jpg', 20, null, { serverUrl: 'http://x', email: 'a@b.c' });
    done.state = 'done';
    done.paused = true;
    const file = { version: 1 as const, paused: false, items: [failed, done] };
    const text = new QueueFileText();
    expect(parse(text.render(file))).toEqual(file);

    failed.state = 'queued';
    failed.error = null;
    done.paused = false;
    expect(parse(text.render(file))).toEqual(file);
    expect(parse(text.render(file)).items[0]).toMatchObject({ state: 'queued', error: null });
  });
});
