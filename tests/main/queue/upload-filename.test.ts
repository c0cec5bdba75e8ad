// The name the gallery shows for an upload: the source's name with the stored extension,
// without control characters, and cut to length without breaking a character in half.
import { describe, expect, it } from 'vitest';
import { uploadFilename } from '../../../src/main/queue/upload-steps';

describe('uploadFilename', () => {
  it('takes the stored format’s extension and drops control characters', () => {
    expect(uploadFilename('/photos/IMG_0001.HEIC', 'jpg')).toBe('IMG_0001.jpg');
    expect(uploadFilename('/photos/two\nlines\u001b[31m.png', 'png')).toBe('twolines[31m.png');
    expect(uploadFilename('/photos/ .png', 'png')).toBe('image.png');
  });

  it('cuts a long name between characters, never inside an emoji', () => {
    const name = `${'a'.repeat(239)}📷📷`;
    const result = uploadFilename(`/photos/${name}.jpg`, 'jpg');
    expect(result).toBe(`${'a'.repeat(239)}📷.jpg`);
    // No lone surrogate left behind (it would show as U+FFFD in the gallery).
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(result)).toBe(false);
  });
});
