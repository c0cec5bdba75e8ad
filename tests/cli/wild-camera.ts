// The good pictures written the way cameras, phones and editors write them: EXIF with GPS and a
// body serial, XMP with a location, animations, palettes with transparency, HDR gain maps,
// iPhone HEIC.
import sharp, { type Sharp } from 'sharp';
import { heifEnc, withTransform } from '../support/heif-tools';
import { GREYS, fromRaw, paint, pattern, picture, type Quarters } from './wild-pattern';

/** Written into every camera photo; it must not survive the upload. */
export const CAMERA_SERIAL = 'SN-WILD-90210';

export const CAMERA_EXIF = {
  IFD0: { Make: 'WildCam', Model: 'Field 7' },
  IFD2: { BodySerialNumber: CAMERA_SERIAL, DateTimeOriginal: '2024:06:01 09:30:00' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '48/1 51/1 2448/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '2/1 17/1 4000/100',
  },
};

export const XMP_WITH_GPS =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,51.408N" ' +
  'exif:GPSLongitude="2,17.667E"/></rdf:RDF></x:xmpmeta>';

/** A camera JPEG of photo `id`: stored for `orientation`, with GPS and the body serial. */
export function cameraJpeg(
  [width, height]: [number, number],
  id: number,
  orientation = 1,
  progressive = false,
): Promise<Buffer> {
  return picture(width, height, id, orientation)
    .withExif(CAMERA_EXIF)
    .withMetadata({ orientation })
    .jpeg({ quality: 90, progressive })
    .toBuffer();
}

/**
 * An iPhone HEIC of photo `id`, `width` × `height` upright: HEVC-coded with a Display P3 profile,
 * held sideways, its container's irot and its EXIF Orientation (6) both saying to turn it a
 * quarter clockwise, and GPS and the body serial in its EXIF. Encoded with heif-enc.
 */
export async function iphoneHeic([width, height]: [number, number], id: number): Promise<Buffer> {
  // withIccProfile after withMetadata, which would otherwise attach sRGB.
  const jpeg = await picture(width, height, id, 6)
    .withExif(CAMERA_EXIF)
    .withMetadata({ orientation: 6 })
    .withIccProfile('p3')
    .jpeg({ quality: 90 })
    .toBuffer();
  // irot counts quarter turns anticlockwise: 3 is a quarter clockwise.
  return withTransform(await heifEnc([jpeg]), 'irot', 3);
}

/** Three frames; the first shows the pattern of photo `id`. */
export async function animation(
  [width, height]: [number, number],
  id: number,
  encode: (s: Sharp) => Sharp,
) {
  const others: Quarters[] = [GREYS, [...pattern(id)].reverse() as Quarters];
  const frames = [pattern(id), ...others].map((colours) =>
    fromRaw(paint(width, height, colours))
      .png()
      .toBuffer(),
  );
  return encode(sharp(await Promise.all(frames), { join: { animated: true } })).toBuffer();
}

/** sharp 0.35 writes Ultra HDR gain maps, but its type definitions do not list the method yet. */
export function withGainMap(image: Sharp): Sharp {
  return (image as Sharp & { withGainMap(): Sharp }).withGainMap();
}

export function paletteWithTransparency(): Promise<Buffer> {
  const raw = paint(800, 500, pattern(14), 4);
  raw.data[3] = 0; // one transparent pixel makes the encoder write a tRNS chunk
  return fromRaw(raw).png({ palette: true }).toBuffer();
}
