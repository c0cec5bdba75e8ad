// Recognises PostgreSQL errors by SQLSTATE, the same from pg and from PGlite.

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
