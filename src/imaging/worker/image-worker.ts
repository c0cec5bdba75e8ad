// Runs in a worker thread of the image pool: one image through the pipeline per task. The answer
// is structured-cloned back (sharp's buffers live outside V8's heap and cannot be transferred; a
// copy of a few megabytes costs about a millisecond).
import { isCodedError } from '../../shared/errors';
import { processImage } from '../process-image';
import type { ImageTask, ImageTaskAnswer } from './image-task';

export default async function processInWorker(task: ImageTask): Promise<ImageTaskAnswer> {
  try {
    const input = typeof task.input === 'string' ? task.input : Buffer.from(task.input);
    return { ok: true, image: await processImage(input, task.options) };
  } catch (error) {
    if (isCodedError(error)) return { ok: false, code: error.code, message: error.message };
    // Anything else is a bug: it reaches the caller as a plain error (INTERNAL on the server).
    throw error;
  }
}
