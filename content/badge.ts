/**
 * The toolbar badge: the top frame tells the background how many distinct trials the page names, a
 * moment after marking settles (one message per burst of marks, not one per mark).
 */
import { sendToBackground } from '@/lib/messaging';
import type { NctId } from '@/lib/nct';

const SETTLE_MS = 300;

/** `listTrials`: the distinct trials the page names now. */
export function startBadge(listTrials: () => NctId[]): { report(): void; stop(): void } {
  const isTop = window === window.top;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (count: number) => void sendToBackground({ type: 'pageTrials', count }).catch(() => undefined);
  return {
    report() {
      if (!isTop) return;
      clearTimeout(timer);
      timer = setTimeout(() => send(listTrials().length), SETTLE_MS);
    },
    stop() {
      clearTimeout(timer);
      if (isTop) send(0);
    },
  };
}
