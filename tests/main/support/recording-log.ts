// A Logger that keeps what was logged, errors written as "Name: message", for assertions.
import type { Logger } from '../../../src/main/logging/logger';

export type LogLine = [level: 'info' | 'warn' | 'error', ...data: unknown[]];

export function recordingLog(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record =
    (level: LogLine[0]) =>
    (...data: unknown[]) =>
      void lines.push([
        level,
        ...data.map((item) => (item instanceof Error ? `${item.name}: ${item.message}` : item)),
      ]);
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}
