// What "Copy link" puts on the clipboard: the URL itself, a Markdown image, or an HTML <img>,
// with the alt text escaped for each so that no title can break out of the snippet.
export type LinkFormat = 'url' | 'markdown' | 'html';

export const LINK_FORMATS: ReadonlyArray<{ value: LinkFormat; label: string }> = [
  { value: 'url', label: 'URL' },
  { value: 'markdown', label: 'Markdown' },
  { value: 'html', label: 'HTML <img>' },
];

/** The lifetimes offered, in seconds (a SigV4 URL may live 7 days at most). */
export const LINK_EXPIRIES: ReadonlyArray<{ seconds: number; label: string }> = [
  { seconds: 300, label: '5 minutes' },
  { seconds: 3_600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 604_800, label: '7 days' },
];

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Markdown's image syntax: brackets and backslashes in the alt text are escaped, and the
 * characters that would end or split the link target are percent-encoded. */
function markdownImage(url: string, alt: string): string {
  const text = alt.replace(/[\\[\]]/g, (c) => `\\${c}`);
  const target = url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `![${text}](${target})`;
}

export function linkSnippet(format: LinkFormat, url: string, alt: string): string {
  if (format === 'markdown') return markdownImage(url, alt);
  if (format === 'html') return `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}">`;
  return url;
}
