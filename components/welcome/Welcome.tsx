import { batchUrl } from '@/lib/ctgov/client';

const EXAMPLE = 'NCT06056921';

/** The first-run page: how to use it, on a live example, and exactly what it sends where. */
export function Welcome() {
  return (
    <main class="page">
      <h1>NCT hover cards is ready</h1>
      <section aria-labelledby="try-h">
        <h2 id="try-h">Try it</h2>
        <p class="example">
          A phase 1 study of CD19 CAR-T cells in refractory autoimmune disease is registered as {EXAMPLE}.
          Rest the pointer on the underlined ID, or press Tab until it is focused.
        </p>
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
          <code class="request">GET {batchUrl([EXAMPLE])}</code>
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
