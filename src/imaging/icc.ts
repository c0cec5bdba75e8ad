// Reads what the pipeline needs from an ICC profile's header.

/** The profile's data colour space ('RGB ', 'CMYK', 'GRAY', ...), from header bytes 16-19. */
export function iccColourSpace(icc: Buffer | undefined): string | undefined {
  return icc && icc.length >= 20 ? icc.toString('latin1', 16, 20) : undefined;
}
