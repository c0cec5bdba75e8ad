import { describe, expect, it } from 'vitest';
import { linkSnippet } from '../../../src/renderer/lib/link-snippets';

const URL_WITH_QUERY =
  'https://s3.example.com/b/users/u/a.jpg?X-Amz-Expires=3600&X-Amz-Signature=ab';

describe('linkSnippet', () => {
  it('copies the URL unchanged', () => {
    expect(linkSnippet('url', URL_WITH_QUERY, 'Harbour')).toBe(URL_WITH_QUERY);
  });

  it('writes a Markdown image whose alt text cannot close the brackets', () => {
    expect(linkSnippet('markdown', URL_WITH_QUERY, 'A [boat] \\ here')).toBe(
      `![A \\[boat\\] \\\\ here](${URL_WITH_QUERY})`,
    );
    expect(linkSnippet('markdown', 'https://x.test/a (1).jpg', 'x')).toBe(
      '![x](https://x.test/a%20%281%29.jpg)',
    );
  });

  it('writes an <img> with the URL and alt text escaped as attribute values', () => {
    expect(linkSnippet('html', URL_WITH_QUERY, 'Tom & "Jerry" <3 it\'s')).toBe(
      `<img src="${URL_WITH_QUERY.replace('&', '&amp;')}" alt="Tom &amp; &quot;Jerry&quot; &lt;3 it&#39;s">`,
    );
  });
});
