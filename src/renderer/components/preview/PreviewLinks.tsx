// "Copy link" with a chosen lifetime and format (URL, Markdown, HTML <img> with the alt text),
// and "Download original": a save dialog in the desktop app, a browser download in the preview.
import { useId, useState } from 'react';
import type { Image } from '../../../shared/api';
import { copyText } from '../../lib/clipboard';
import { errorMessage, invoke } from '../../lib/ipc';
import { LINK_EXPIRIES, LINK_FORMATS, linkSnippet, type LinkFormat } from '../../lib/link-snippets';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

async function signOriginal(
  id: string,
  options: { expiresIn?: number; disposition?: 'attachment' },
) {
  const { urls } = await invoke('gallery:signed-urls', {
    ids: [id],
    variant: 'original',
    ...options,
  });
  const answer = urls[id];
  if (!answer) throw new Error('This image is no longer in the gallery.');
  return answer.url;
}

/** The browser preview has no save dialog of its own: the store answers with an attachment. */
function browserDownload(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

export function PreviewLinks({ image }: { image: Image }) {
  const notify = useAppStore((s) => s.notify);
  const [expiresIn, setExpiresIn] = useState(3_600);
  const [format, setFormat] = useState<LinkFormat>('url');
  const ids = { expiry: useId(), format: useId() };

  const copyLink = async () => {
    try {
      const url = await signOriginal(image.id, { expiresIn });
      const text = linkSnippet(format, url, image.alt || image.title || image.filename);
      const lasts = LINK_EXPIRIES.find((e) => e.seconds === expiresIn)?.label ?? '';
      if (await copyText(text)) notify(`Link copied. It works for ${lasts}.`, 'success');
      else notify('The link could not be copied to the clipboard.', 'error');
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  };

  const download = async () => {
    try {
      if (__WEB_PREVIEW__) {
        browserDownload(await signOriginal(image.id, { disposition: 'attachment' }));
        return;
      }
      const { saved, path } = await invoke('images:download', { id: image.id });
      if (saved) notify(`Saved to ${path}.`, 'success');
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  };

  return (
    <section className="share" aria-label="Links and files">
      <div className="share__row">
        <label className="field" htmlFor={ids.expiry}>
          <span className="field__label">Link works for</span>
          <select
            id={ids.expiry}
            className="input select"
            value={expiresIn}
            onChange={(e) => setExpiresIn(Number(e.target.value))}
          >
            {LINK_EXPIRIES.map((e) => (
              <option key={e.seconds} value={e.seconds}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={ids.format}>
          <span className="field__label">Copy as</span>
          <select
            id={ids.format}
            className="input select"
            value={format}
            onChange={(e) => setFormat(e.target.value as LinkFormat)}
          >
            {LINK_FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="share__buttons">
        <button type="button" className="button" onClick={() => void copyLink()}>
          <Icon name="link" size={16} />
          Copy link
        </button>
        <button type="button" className="button" onClick={() => void download()}>
          <Icon name="download" size={16} />
          Download original
        </button>
      </div>
    </section>
  );
}
