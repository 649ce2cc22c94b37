/**
 * The check on what the eager content script hears (content/eager.ts). Its own file, apart from
 * lib/messaging.ts: that one imports the extension API wrapper, which the eager script goes without.
 */
import { NCT_ID_PATTERN } from './nct';
import type { TabMessage, ViewerRequest } from './messaging';

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

/** A tab message for the PDF viewer open in tab `tabId` (an extension page hears no tab messages). */
export function isViewerRequest(message: unknown): message is ViewerRequest {
  const m = message as Partial<ViewerRequest> | null;
  return (
    !!m &&
    typeof m === 'object' &&
    m.type === 'askViewer' &&
    typeof m.tabId === 'number' &&
    Number.isInteger(m.tabId) &&
    isTabMessage(m.request)
  );
}
