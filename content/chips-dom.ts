/**
 * The status chip after a marked ID ("Recruiting"): public data only. Whether the reader has a note on
 * a trial is private and never shown in the page, where page script could read it.
 * Plain DOM, no Preact: it is made for many IDs at once. It lives in its own shadow root, so its text
 * is not part of the page's text and its styles reach nothing else; `aria-hidden`, because the card
 * already tells screen readers the status.
 */
import type { StatusTone } from '@/lib/trial/status';

export const CHIP_TAG = 'nct-chip';

/** Solid colours readable on light and dark pages alike. */
const TONES: Record<StatusTone, string> = {
  open: 'background:#137333;color:#fff',
  soon: 'background:#1a56c4;color:#fff',
  closed: 'background:#5f6368;color:#fff',
  stopped: 'background:#b3261e;color:#fff',
  unknown: 'background:#8a6100;color:#fff',
};

const STYLE =
  'display:inline-block;margin-left:4px;padding:0 6px;border-radius:999px;font:600 11px/17px system-ui,sans-serif;' +
  'vertical-align:1px;white-space:nowrap;';

/** Adds or updates the chip inside a mark. */
export function setChip(mark: HTMLElement, label: string, tone: StatusTone): void {
  let chip = mark.querySelector<HTMLElement>(CHIP_TAG);
  if (!chip) {
    chip = mark.ownerDocument.createElement(CHIP_TAG);
    chip.setAttribute('aria-hidden', 'true');
    chip.attachShadow({ mode: 'open' });
    mark.append(chip);
  }
  const shadow = chip.shadowRoot;
  if (!shadow) return;
  const span = shadow.firstElementChild ?? shadow.appendChild(mark.ownerDocument.createElement('span'));
  span.setAttribute('style', STYLE + TONES[tone]);
  span.textContent = label;
  chip.title = label;
}

export function removeChips(root: ParentNode): void {
  for (const chip of Array.from(root.querySelectorAll(CHIP_TAG))) chip.remove();
}
