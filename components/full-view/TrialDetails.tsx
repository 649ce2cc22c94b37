import type { ComponentChildren } from 'preact';
import type { TrialResult } from '@/lib/messaging';
import { recordUrl } from '@/lib/nct';
import { phaseFact } from '@/lib/trial/facts';
import { humanise, studyTypeLabel } from '@/lib/trial/words';
import { formatDay, formatPartialDate, formatRegistryDate, freshness } from '@/lib/trial/dates';
import { isStopped, statusLabel } from '@/lib/trial/status';
import type { TrialSummary } from '@/lib/trial/summary';
import { phasePurpose } from '@/lib/trial/phase-purpose';
import type { Note } from '@/lib/storage/notes';
import { Actions } from './Actions';
import { PageLocations } from './PageLocations';
import { WhoCanTakePart } from './WhoCanTakePart';
import { Publications } from './Publications';

type Ok = Extract<TrialResult, { ok: true }>;

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function designWords(design: NonNullable<TrialSummary['design']>): string {
  return [
    design.allocation && design.allocation !== 'NA' ? humanise(design.allocation) : undefined,
    design.model ? `${humanise(design.model).toLowerCase()} model` : undefined,
    design.masking ? `masking: ${humanise(design.masking).toLowerCase()}` : undefined,
    design.whoMasked.length > 0
      ? `(${design.whoMasked.map((w) => humanise(w).toLowerCase()).join(', ')})`
      : undefined,
    design.purpose ? `purpose: ${humanise(design.purpose).toLowerCase()}` : undefined,
  ]
    .filter(Boolean)
    .join(', ')
    .replace(/^./, (first) => first.toUpperCase());
}

/** Everything the registry record says, in the order a reader needs it. */
export function TrialDetails({ result, now, note }: { result: Ok; now: number; note?: Note }) {
  const { trial, fetchedAt, refreshError } = result;
  const status = statusLabel(trial.status.overall);
  const phase = phaseFact(trial.phases);
  const fresh = freshness(trial, now);
  const { dates } = trial;
  return (
    <article class="trial">
      <header>
        <p class="kicker">
          <span class="nct">{trial.nctId}</span>
          {trial.acronym && <span> · {trial.acronym}</span>}
        </p>
        <h1>{trial.briefTitle ?? trial.officialTitle ?? 'Untitled in the registry'}</h1>
        {trial.officialTitle && trial.officialTitle !== trial.briefTitle && (
          <p class="official">{trial.officialTitle}</p>
        )}
        <Actions trial={trial} fetchedAt={fetchedAt} now={now} />
      </header>

      <section aria-labelledby="status-h">
        <h2 id="status-h">Status</h2>
        <p class="badges">
          <span class={`badge tone-${status.tone}`}>{status.label}</span>
          {phase && <span class="badge">{phase}</span>}
          {trial.hasResults !== undefined && (
            <span class="badge">{trial.hasResults ? 'Results posted' : 'No results posted'}</span>
          )}
        </p>
        {isStopped(trial.status.overall) && trial.status.whyStopped && (
          <p>Why stopped: {trial.status.whyStopped}</p>
        )}
        {fresh.text && <p class="muted">Status {fresh.text}.</p>}
        {fresh.warning && <p class="warning">{fresh.warning}</p>}
        {refreshError && (
          <p class="warning">
            Showing saved data from {formatDay(fetchedAt, 'long')}: {refreshError.message}
          </p>
        )}
      </section>

      <section aria-labelledby="glance-h">
        <h2 id="glance-h">At a glance</h2>
        <dl class="facts">
          {phase && (
            <Fact label="Phase">
              {phase}
              {phasePurpose(trial.phases).map((text) => (
                <span class="note" key={text}>
                  {text}
                </span>
              ))}
            </Fact>
          )}
          {studyTypeLabel(trial.studyType) && (
            <Fact label="Study type">{studyTypeLabel(trial.studyType)}</Fact>
          )}
          {trial.design && designWords(trial.design) && (
            <Fact label="Design">{designWords(trial.design)}</Fact>
          )}
          {trial.enrollment && (
            <Fact label="Enrollment">
              {trial.enrollment.count.toLocaleString('en')} participants (
              {trial.enrollment.estimated ? 'estimated' : 'actual'})
            </Fact>
          )}
          {dates.start && <Fact label="Start">{formatRegistryDate(dates.start, now)}</Fact>}
          {dates.primaryCompletion && (
            <Fact label="Primary completion">{formatRegistryDate(dates.primaryCompletion, now)}</Fact>
          )}
          {dates.completion && <Fact label="Completion">{formatRegistryDate(dates.completion, now)}</Fact>}
          {trial.sponsor && <Fact label="Sponsor">{trial.sponsor.name}</Fact>}
          {trial.collaborators.length > 0 && (
            <Fact label="Collaborators">{trial.collaborators.join('; ')}</Fact>
          )}
        </dl>
      </section>

      {trial.briefSummary && (
        <section class="summary" aria-labelledby="summary-h">
          <h2 id="summary-h">Summary</h2>
          {trial.briefSummary.split(/\n\s*\n/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
          {/\n\s*\n/.test(trial.briefSummary) && (
            <p class="print-only">
              Printed: the first paragraph of the summary. All of it: {recordUrl(trial.nctId)}
            </p>
          )}
        </section>
      )}

      {(trial.conditions.length > 0 || trial.interventions.length > 0) && (
        <section aria-labelledby="what-h">
          <h2 id="what-h">What is studied</h2>
          {trial.conditions.length > 0 && (
            <p>
              <strong>Conditions:</strong> {trial.conditions.join('; ')}
            </p>
          )}
          {trial.interventions.length > 0 && (
            <ul class="interventions">
              {trial.interventions.map((i, n) => (
                <li key={n}>
                  <strong>{i.name}</strong>
                  {i.type && <span class="muted"> ({humanise(i.type).toLowerCase()})</span>}
                  {i.otherNames.length > 0 && (
                    <span class="muted also-called"> also called {i.otherNames.join(', ')}</span>
                  )}
                  {i.description && <p>{i.description}</p>}
                </li>
              ))}
            </ul>
          )}
          {trial.arms.length > 0 && (
            <>
              <h3>Study arms</h3>
              <ul class="arms">
                {trial.arms.map((arm, n) => (
                  <li key={n}>
                    <strong>{arm.label}</strong>
                    {arm.type && <span class="muted"> ({humanise(arm.type).toLowerCase()})</span>}
                    {arm.description && <p>{arm.description}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <WhoCanTakePart trial={trial} />

      <PageLocations trial={trial} />

      <section aria-labelledby="results-h">
        <h2 id="results-h">Results</h2>
        {trial.hasResults === true && (
          <p>
            Results are posted
            {trial.status.resultsFirstPosted &&
              ` (first posted ${formatPartialDate(trial.status.resultsFirstPosted)})`}
            : <a href={`${recordUrl(trial.nctId)}?tab=results`}>read them on ClinicalTrials.gov</a>.
          </p>
        )}
        {trial.hasResults === false && <p>No results have been posted on ClinicalTrials.gov.</p>}
        {trial.hasResults === undefined && (
          <p>The registry's answer did not say whether results are posted.</p>
        )}
        <Publications trial={trial} />
      </section>

      {(trial.orgStudyId || trial.secondaryIds.length > 0 || trial.aliases.length > 0) && (
        <section aria-labelledby="ids-h">
          <h2 id="ids-h">Also registered as</h2>
          <ul>
            {trial.orgStudyId && <li>Sponsor's protocol number: {trial.orgStudyId}</li>}
            {trial.secondaryIds.map((s) => (
              <li key={s.id}>
                {s.id}
                {(s.type || s.domain) && (
                  <span class="muted">
                    {' '}
                    ({[s.type && humanise(s.type), s.domain].filter(Boolean).join(', ')})
                  </span>
                )}
              </li>
            ))}
            {trial.aliases.length > 0 && <li>Earlier ClinicalTrials.gov IDs: {trial.aliases.join(', ')}</li>}
          </ul>
        </section>
      )}

      {note && (
        <section aria-labelledby="note-h">
          <h2 id="note-h">Your note</h2>
          <p class="note-text">{note.text}</p>
          {note.tags.length > 0 && <p class="muted">Tags: {note.tags.join(', ')}</p>}
          <p class="muted">Kept on this computer only; edit it from the trial's card or the settings.</p>
        </section>
      )}

      <footer class="page-footer">
        <p>
          <a href={recordUrl(trial.nctId)}>Open on ClinicalTrials.gov</a>{' '}
          <span class="url">{recordUrl(trial.nctId)}</span>
        </p>
        <p>
          Data from ClinicalTrials.gov as of {formatDay(fetchedAt, 'long')}
          {trial.versionHolder && ` (registry snapshot of ${formatPartialDate(trial.versionHolder)})`}.
          Printed or copied {formatDay(now, 'long')}.
        </p>
        <p>
          To verify: open the record on ClinicalTrials.gov, and confirm status and eligibility with the study
          contact.
        </p>
        <p class="disclaimer">
          Not medical advice. This page shows what the trial's sponsor registered; talk to your doctor about
          whether a trial is right for you.
        </p>
      </footer>
    </article>
  );
}
