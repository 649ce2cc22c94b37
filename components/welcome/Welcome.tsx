import { requestUrl } from '@/lib/ctgov/urls';
import type { TrialResult } from '@/lib/messaging';
import type { NctId } from '@/lib/nct';
import { TrialCard } from '../TrialCard';

export const EXAMPLE_ID: NctId = 'NCT06056921';
const EXAMPLE = EXAMPLE_ID;
const noop = () => undefined;
const noSave = () => Promise.resolve();

/**
 * The first-run page: how to use it, the example trial's live card (as a web page shows it), and
 * exactly what it sends where.
 */
export function Welcome({ result, onRetry }: { result?: TrialResult; onRetry(): void }) {
  return (
    <main class="page">
      <h1>NCT hover cards is ready</h1>
      <section aria-labelledby="try-h">
        <h2 id="try-h">Try it</h2>
        <p class="example">
          A phase 1 study of CD19 CAR-T cells in refractory autoimmune disease is registered as {EXAMPLE}. On
          a web page, rest the pointer on such an ID, or press Tab until it is focused, and this card opens
          beside it:
        </p>
        <div class="welcome-card">
          <TrialCard
            view={{ id: EXAMPLE, result, pinned: true }}
            now={Date.now()}
            onClose={noop}
            onTogglePin={noop}
            onRetry={onRetry}
            onFullView={(section) =>
              window.open(`/trial.html?id=${EXAMPLE}${section ? `#${section}` : ''}`, '_blank')
            }
            onSaveNote={noSave}
            host=""
            onTurnOffSite={noop}
          />
        </div>
        <ul>
          <li>
            The card opens half a second after the pointer rests on an ID, and at once when the ID has
            keyboard focus.
          </li>
          <li>Move into the card to read or click; Escape closes it. "Full view" gives a printable page.</li>
          <li>
            The toolbar button lists every trial on a page; there you can also turn the extension off on a
            site.
          </li>
          <li>
            Select text with an ID and right-click: "Look up trial". Alt+Shift+J and Alt+Shift+K step through
            IDs.
          </li>
        </ul>
      </section>
      <section aria-labelledby="sends-h">
        <h2 id="sends-h">What it sends, and where</h2>
        <p>
          Only trial IDs, only to ClinicalTrials.gov's public API. For the example above, the whole request
          is:
        </p>
        <p>
          <code class="request">GET {requestUrl([EXAMPLE])}</code>
        </p>
        <p>
          No page address, no page text, no notes, no location, no analytics: nothing else leaves your
          browser. Trial data is saved on this computer for up to 30 days, so the same trial is not asked for
          again and again.
        </p>
      </section>
      <p>
        <a href="/options.html">Settings</a>: status chips, timing, sites where it is off, your home location
        for distances to sites, your notes.
      </p>
      <p class="disclaimer">
        Not medical advice. The cards show what trial sponsors registered on ClinicalTrials.gov.
      </p>
    </main>
  );
}
