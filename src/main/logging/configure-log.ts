// Sets up the main process's log file: where it lives, how big it may grow, the redaction every
// line passes, and that crashes of the main process are written down. Plain Node over an
// electron-log instance, so the tests drive the real library (its Node flavour) into a temp dir.
import path from 'node:path';
import type { LogMessage, NodeLogger } from 'electron-log';
import { redactLogData } from './redact';

/** A full file moves to main.old.log (replacing the previous one): at most two files, ~10 MB. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_FILE_NAME = 'main.log';

export interface LogFileOptions {
  /** The OS log folder (app.getPath('logs')); read when the first line is written. */
  directory: () => string;
  maxBytes?: number;
}

/** Every transport (file, console) sees the same redacted text: no path around it. */
export function redactMessage(message: LogMessage): LogMessage {
  return { ...message, data: redactLogData(message.data) };
}

export function configureLog(
  log: Pick<NodeLogger, 'transports' | 'hooks' | 'errorHandler'>,
  options: LogFileOptions,
): void {
  const file = log.transports.file;
  file.resolvePathFn = () => path.join(options.directory(), LOG_FILE_NAME);
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  // electron-log's default rotation renames the full file to main.old.log, replacing the last
  // one, so exactly one old file is kept.
  file.level = 'info';
  // Main-process lines stay in the main process (the renderer has its own console).
  if (log.transports.ipc) log.transports.ipc.level = false;
  log.hooks.push(redactMessage);
  // Unhandled errors and rejections are logged as errors; no dialog with a stack trace (the
  // window says what the person can do), and the process carries on as Electron would.
  log.errorHandler.startCatching({ showDialog: false });
}
