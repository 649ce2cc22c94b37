import type { ComponentChildren } from 'preact';
import { formatDay, formatPartialDate } from '@/lib/trial/dates';

/** The full view, how old the data is, and that none of this is medical advice. */
export function CardFooter({
  children,
  fetchedAt,
  versionHolder,
  onFullView,
}: {
  /** What goes first in the footer's line (the card's "More" button). */
  children?: ComponentChildren;
  fetchedAt?: number;
  versionHolder?: string;
  /** Opens the extension's full view of the trial, printable. */
  onFullView(): void;
}) {
  return (
    <footer class="footer">
      <p class="footer-line">
        {children}
        <button type="button" class="link-button" onClick={() => onFullView()}>
          Full view
        </button>
        <span class="muted">
          {fetchedAt !== undefined && (
            <span title={versionHolder && `Registry snapshot of ${formatPartialDate(versionHolder)}`}>
              Data as of {formatDay(fetchedAt)} ·{' '}
            </span>
          )}
          <span title="Only the trial site can confirm eligibility.">Not medical advice.</span>
        </span>
      </p>
    </footer>
  );
}
