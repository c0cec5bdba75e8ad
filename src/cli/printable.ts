// Text from outside (file names, names stored on the server) as printed for a person. A name
// may hold a newline, which would break the one-line-per-file output, or a terminal escape
// sequence, which would let a file name recolour, retitle or rewrite the terminal. Control
// characters are shown as escapes instead; --json output is already escaped by JSON itself.

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** C0 controls, DEL and the C1 range (0x9b is an 8-bit CSI, as dangerous as ESC [). */
export function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    out += !isControl(char)
      ? char
      : (NAMED[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
  }
  return out;
}
