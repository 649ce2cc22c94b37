import { formatDay, formatPartialDate } from '@/lib/trial/dates';

/** The way to the full record, how old the data is, and that none of this is medical advice. */
export function CardFooter({
  recordUrl,
  fetchedAt,
  versionHolder,
  onFullView,
}: {
  recordUrl: string;
  fetchedAt?: number;
  versionHolder?: string;
  /** Opens the extension's full view of the trial, printable. */
  onFullView(): void;
}) {
  return (
    <footer class="footer">
      <p class="footer-actions">
        <a class="open" href={recordUrl} target="_blank" rel="noopener noreferrer">
          Open on ClinicalTrials.gov
        </a>
        <button type="button" class="link-button" onClick={onFullView}>
          Full view
        </button>
      </p>
      {fetchedAt !== undefined && (
        <p class="muted">
          Data as of {formatDay(fetchedAt)}
          {versionHolder ? ` (registry snapshot ${formatPartialDate(versionHolder)})` : ''}
        </p>
      )}
      <p class="muted">Not medical advice. Only the trial site can confirm eligibility.</p>
    </footer>
  );
}
