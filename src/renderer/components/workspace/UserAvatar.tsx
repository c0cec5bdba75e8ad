// The signed-in person's profile image in the top bar (through a short-lived signed URL), or
// their initial when there is none or it cannot be loaded.
import { useEffect, useState } from 'react';
import { invoke } from '../../lib/ipc';

export function UserAvatar(props: {
  userId: string | undefined;
  /** A new key (the image was replaced) fetches a new signed URL. */
  avatarKey: string | null;
  initial: string;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setUrl(null);
    setFailed(false);
    if (!props.userId || !props.avatarKey) return;
    let current = true;
    invoke('session:avatar-url')
      .then((signed) => {
        if (current) setUrl(signed.url);
      })
      .catch(() => {
        // Decorative: the initial stays.
      });
    return () => {
      current = false;
    };
  }, [props.userId, props.avatarKey]);

  return (
    <span className="user-chip__avatar" aria-hidden="true">
      {url && !failed ? <img src={url} alt="" onError={() => setFailed(true)} /> : props.initial}
    </span>
  );
}
