// Which stored types a browser (Chromium, as in Electron) draws in an <img>. TIFF and HEIF are
// kept in their own format when the output format is "original", and Chromium draws neither:
// the preview shows their thumbnail instead, and "Download original" still gives the file.
const DISPLAYABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

export function browserCanDisplay(contentType: string): boolean {
  return DISPLAYABLE.has(contentType.toLowerCase());
}
