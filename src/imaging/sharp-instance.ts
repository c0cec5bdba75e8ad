// The one place that imports sharp, so its process-wide settings are applied exactly once
// before any pipeline runs.
import sharp from 'sharp';

// libvips' operation cache keeps recently decoded images and results in memory to speed up
// repeated work on the same file. An uploader never processes the same file twice, so the cache
// only grows RSS over a long batch; turning it off keeps memory bounded by the images in flight.
// sharp.concurrency (threads per image) stays at its default: the upload queue decides how many
// images run at once.
sharp.cache(false);

export { sharp };
