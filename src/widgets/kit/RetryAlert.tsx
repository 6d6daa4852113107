// A failure the reader can retry (a file that did not load): the figure's sentence, then one
// "Try again" button, announced as an alert. The words of the button are the kit's.
import { catalogue } from '../../i18n/index.ts';

export const retryStrings = catalogue('kit.RetryAlert', {
  retry: 'Try again',
});

export function RetryAlert({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <p role="alert">
      {message}{' '}
      <button type="button" onClick={onRetry}>
        {retryStrings.retry}
      </button>
    </p>
  );
}
