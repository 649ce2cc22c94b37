import { useEffect, useRef } from 'preact/hooks';
import type { TrialSummary } from '@/lib/trial/summary';
import { plural } from '@/lib/trial/words';

const pubmed = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;

function PublicationList({ items }: { items: TrialSummary['publications'] }) {
  return (
    <ul class="publications">
      {items.map((p, i) => (
        <li key={i}>
          {p.pmid && (
            <a href={pubmed(p.pmid)} target="_blank" rel="noopener noreferrer">
              PubMed {p.pmid}
            </a>
          )}
          {p.pmid && p.citation && <span class="muted"> · </span>}
          {p.citation ? (
            <bdi class={p.pmid ? 'muted' : undefined}>{p.citation}</bdi>
          ) : (
            !p.pmid && <span class="muted">No citation or PubMed ID in the record</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Publications of the trial's results (the sponsor's, then those ClinicalTrials.gov found in PubMed by
 * the trial's ID), as PubMed links: nothing is looked up, nothing leaves the browser but the click.
 */
export function Publications({ trial }: { trial: TrialSummary }) {
  const results = trial.publications.filter((p) => p.kind === 'result');
  const derived = trial.publications.filter((p) => p.kind === 'derived');
  const ref = useRef<HTMLDivElement>(null);
  // Opened from the card's publication count (`#publications`): the page is drawn after the data
  // arrives, too late for the browser's own scroll to the fragment.
  useEffect(() => {
    // Focus too, so a screen reader starts there.
    if (location.hash === '#publications') ref.current?.focus();
  }, []);
  if (results.length === 0 && derived.length === 0) return null;
  return (
    <div id="publications" ref={ref} tabIndex={-1}>
      {results.length > 0 && (
        <>
          <h3>Results published ({plural(results.length, 'publication')}, listed by the sponsor)</h3>
          <PublicationList items={results} />
        </>
      )}
      {derived.length > 0 && (
        <>
          <h3>Publications that cite this trial ({derived.length}, found by ClinicalTrials.gov in PubMed)</h3>
          <PublicationList items={derived} />
        </>
      )}
    </div>
  );
}
