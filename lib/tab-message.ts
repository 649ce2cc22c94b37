/**
 * The check on what the eager content script hears (content/eager.ts). Its own file, apart from
 * lib/messaging.ts: that one imports the extension API wrapper, which the eager script goes without.
 */
import { NCT_ID_PATTERN } from './nct';
import type { TabMessage } from './messaging';

/**
 * Checked by hand in the content script (no zod there): anything else is ignored. The sender is our own
 * popup or background, but a compromised or buggy sender still gets nothing for a malformed message.
 */
export function isTabMessage(message: unknown): message is TabMessage {
  const m = message as { type?: unknown; id?: unknown; direction?: unknown } | null;
  if (!m || typeof m !== 'object') return false;
  switch (m.type) {
    case 'listTrials':
    case 'openFocusedCard':
      return true;
    case 'revealTrial':
    case 'openCard':
      return typeof m.id === 'string' && NCT_ID_PATTERN.test(m.id);
    case 'stepTrial':
      return m.direction === 1 || m.direction === -1;
    default:
      return false;
  }
}
