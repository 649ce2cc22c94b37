import { useEffect, useState } from 'preact/hooks';

/**
 * Tells a screen reader what the card says in one line (status, phase, title) when the card opens on
 * focus without taking it. The live region is rendered empty and filled after mount: text present
 * when a live region first appears is not reliably announced.
 */
export function Announcer({ message }: { message: string }) {
  const [text, setText] = useState('');
  useEffect(() => setText(message), [message]);
  return (
    <p class="visually-hidden" aria-live="polite">
      {text}
    </p>
  );
}
