// The gallery's instant placeholder: a ThumbHash (≤ 25 bytes, base64) of the image, painted as a
// blurred preview before its thumbnail arrives. Made from the WebP thumbnail the pipeline already
// rendered (oriented, sRGB, first frame), so it costs one decode of ≤ 400 px, not of the source.
import { rgbaToThumbHash } from 'thumbhash';
import { sharp } from './sharp-instance';

/** ThumbHash encodes images of at most 100 × 100 pixels. */
const MAX_EDGE = 100;

export async function thumbHashOf(thumbnail: Buffer): Promise<string> {
  const { data, info } = await sharp(thumbnail)
    .resize(MAX_EDGE, MAX_EDGE, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64');
}
