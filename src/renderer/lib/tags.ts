// Tags are typed as one comma-separated line: split, trimmed, empty ones and repeats dropped.

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const tag = part.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}
