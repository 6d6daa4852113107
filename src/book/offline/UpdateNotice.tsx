// "A new version of the book is ready": shown when the service worker has fetched an update that
// waits to take over; Reload lets it and reloads the page, Later hides the notice until next time.
import { useEffect, useState } from 'react';
import { offlineStrings as s } from '../strings.ts';
import { applyUpdate, onUpdateWaiting } from './serviceWorker.ts';

export function UpdateNotice() {
  const [worker, setWorker] = useState<ServiceWorker | null>(null);
  useEffect(() => onUpdateWaiting(setWorker), []);
  if (!worker) return null;
  return (
    <div className="update-notice" role="status">
      <p>{s.updateReady}</p>
      <button type="button" onClick={() => applyUpdate(worker)}>
        {s.reload}
      </button>
      <button type="button" onClick={() => setWorker(null)}>
        {s.later}
      </button>
    </div>
  );
}
