/**
 * The context menu items and keyboard commands, as data and pure decisions: which trial a click
 * names, which page request a command becomes. The background wires them to the browser.
 */
import type { TabMessage } from '@/lib/messaging';
import { findNctIds, nctIdFromHref, type NctId } from '@/lib/nct';

export const MENU_LOOKUP = 'nct-lookup-selection';
export const MENU_LINK = 'nct-open-link';
export const MENU_PDF = 'nct-open-pdf';

type MenuContext = 'selection' | 'link';

export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext, ...MenuContext[]];
  targetUrlPatterns?: string[];
}

export const MENU_ITEMS: MenuItem[] = [
  { id: MENU_LOOKUP, title: 'Look up trial', contexts: ['selection'] },
  {
    id: MENU_LINK,
    title: 'Open trial card',
    contexts: ['link'],
    targetUrlPatterns: ['*://clinicaltrials.gov/*', '*://*.clinicaltrials.gov/*'],
  },
  {
    id: MENU_PDF,
    title: 'Open PDF in NCT hover cards viewer',
    contexts: ['link'],
    // Links that end in .pdf (with a query or fragment or not), and journals' `/pdf/` paths.
    targetUrlPatterns: [
      '*://*/*.pdf',
      '*://*/*.pdf?*',
      '*://*/*.pdf#*',
      '*://*/*.PDF',
      '*://*/*/pdf/*',
      '*://*/pdf/*',
    ],
  },
];

/** The PDF a menu click asks the viewer to open: the link's address, if it is a web address. */
export function pdfFromMenuClick(info: {
  menuItemId: string | number;
  linkUrl?: string;
}): string | undefined {
  if (info.menuItemId !== MENU_PDF || !info.linkUrl) return undefined;
  return /^https?:\/\//i.test(info.linkUrl) ? info.linkUrl : undefined;
}

/** The trial a menu click names: the first ID in the selected text, or the linked record. */
export function trialFromMenuClick(info: {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
}): NctId | undefined {
  if (info.menuItemId === MENU_LOOKUP) return findNctIds(info.selectionText ?? '')[0]?.id;
  if (info.menuItemId === MENU_LINK) return info.linkUrl ? nctIdFromHref(info.linkUrl) : undefined;
  return undefined;
}

export function commandRequest(command: string): TabMessage | undefined {
  if (command === 'open-card') return { type: 'openFocusedCard' };
  if (command === 'next-trial') return { type: 'stepTrial', direction: 1 };
  if (command === 'previous-trial') return { type: 'stepTrial', direction: -1 };
  return undefined;
}
