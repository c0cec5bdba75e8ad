// Names that are never the person's own pictures: hidden entries (".DS_Store", "._IMG_0001.JPG",
// ".git") and the files and folders operating systems and zip tools leave in photo folders.
// Folder walks skip them silently, in the main process and in the browser preview alike.

/** Compared in lower case. */
const OS_LITTER = new Set([
  'thumbs.db',
  'ehthumbs.db',
  'ehthumbs_vista.db',
  'desktop.ini',
  // macOS keeps a folder's custom icon in an empty file named "Icon" + carriage return.
  'icon\r',
  // Zips made on a Mac carry their resource forks in a __MACOSX folder.
  '__macosx',
  // Windows writes these onto every memory card and USB drive it touches.
  'system volume information',
  '$recycle.bin',
]);

export function isOsLitter(name: string): boolean {
  return name.startsWith('.') || OS_LITTER.has(name.toLowerCase());
}
