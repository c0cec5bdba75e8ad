// When a photo was taken, as the API carries it: an ISO 8601 local date-time, with the zone
// offset when the camera recorded one ("2021-05-04T10:11:12+02:00") and without it when it did
// not ("2021-05-04T10:11:12": the camera's wall clock, zone unknown). One parser and one printer
// for the server, the desktop app and the CLI.
//
// Stored as two columns: an instant used for sorting and filtering, and the offset (minutes, or
// null when unknown) used to print the wall clock back. A date without an offset is stored as
// its wall clock read as UTC. That keeps one sortable column for every photo and puts
// zone-less photos within ±14 hours of where their true instant would sort; a camera without
// a zone cannot tell us better, and the printed date is exactly what the camera showed.
import { z } from 'zod';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
/** Offsets in use on Earth span −12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;
/** Older than photography or far in the future: a camera's clock that was never set. */
const MIN_YEAR = 1826;
const MAX_YEAR = 2999;

export interface StoredTakenAt {
  /** The instant (offset known) or the wall clock read as UTC (offset unknown). */
  instant: Date;
  offsetMinutes: number | null;
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (minutes > 59) return undefined;
  const total = sign * (hours * 60 + minutes);
  return Math.abs(total) <= MAX_OFFSET_MINUTES ? total : undefined;
}

/** undefined for anything that is not a real date-time in range (Feb 30, 25:00, year 0000). */
export function parseTakenAt(text: string): StoredTakenAt | undefined {
  const match = LOCAL.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < MIN_YEAR || year > MAX_YEAR || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClock);
  // Date.UTC rolls Feb 30 over to Mar 2: a rolled date was not a real one.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (match[7] === undefined) return { instant: check, offsetMinutes: null };
  const offsetMinutes = parseOffset(match[7]);
  if (offsetMinutes === undefined) return undefined;
  return { instant: new Date(wallClock - offsetMinutes * 60_000), offsetMinutes };
}

/** The two stored columns for an optional API value (already validated by takenAtSchema). */
export function storedTakenAt(text: string | undefined): {
  takenAt: Date | null;
  takenOffsetMinutes: number | null;
} {
  const parsed = text === undefined ? undefined : parseTakenAt(text);
  return { takenAt: parsed?.instant ?? null, takenOffsetMinutes: parsed?.offsetMinutes ?? null };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The API's form of a stored date taken (the inverse of parseTakenAt, "Z" printed "+00:00"). */
export function formatTakenAt(instant: Date, offsetMinutes: number | null): string {
  const wall = new Date(instant.getTime() + (offsetMinutes ?? 0) * 60_000);
  const local =
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  if (offsetMinutes === null) return local;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const takenAtSchema = z
  .string()
  .max(40)
  .refine(
    (text) => parseTakenAt(text) !== undefined,
    'must be a date and time like 2021-05-04T10:11:12, optionally with an offset like +02:00',
  );

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A bound of the takenFrom/takenTo filter: a day ("2021-05-04") or a date-time as above. A day
 * starts (takenFrom) or ends (takenTo) the whole day; zone-less bounds compare with the stored
 * wall clocks, as a person reading the dates on screen would. undefined when not a bound.
 */
export function takenBoundInstant(text: string, end: 'from' | 'to'): Date | undefined {
  const day = DAY.test(text);
  const parsed = parseTakenAt(day ? `${text}T00:00:00` : text);
  if (!parsed) return undefined;
  // takenTo as a day includes all of it: up to the last millisecond before the next day.
  return day && end === 'to' ? new Date(parsed.instant.getTime() + 86_400_000 - 1) : parsed.instant;
}

/** Validated here; turned into an instant by the server (takenBoundInstant). */
export const takenBoundSchema = z
  .string()
  .max(40)
  .refine(
    (text) => takenBoundInstant(text, 'from') !== undefined,
    'must be a day like 2021-05-04 or a date and time like 2021-05-04T10:11:12',
  );
