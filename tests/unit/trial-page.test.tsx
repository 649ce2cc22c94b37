// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TrialPage } from '@/components/TrialPage';
import { studySchema } from '@/lib/ctgov/schema';
import { trialError, type TrialResult } from '@/lib/messaging';
import type { Note } from '@/lib/storage/notes';
import { studyToSummary } from '@/lib/trial/study-to-summary';
import { HAVE_CTGOV, describeFixtures, realStudyRows } from '../support/ctgov';
import { carTStudy, edgeStudies } from '../fixtures/studies';

afterEach(cleanup);

const NOW = Date.parse('2026-11-26T12:00:00Z');

function ok(raw: unknown): TrialResult {
  const trial = studyToSummary(studySchema.parse(raw));
  return { id: trial.nctId, ok: true, trial, fetchedAt: NOW - 3_600_000 };
}

async function renderPage(rawId: string, answer: TrialResult | Promise<TrialResult>, note?: Note) {
  render(
    <TrialPage
      rawId={rawId}
      load={() => Promise.resolve(answer)}
      loadNote={() => Promise.resolve(note)}
      now={() => NOW}
    />,
  );
  await screen.findByRole('heading', { level: 1 });
  return document.querySelector('main') as HTMLElement;
}

const headings = (main: HTMLElement) => Array.from(main.querySelectorAll('h2')).map((h) => h.textContent);

type Raw = {
  protocolSection: {
    identificationModule: { secondaryIdInfos?: unknown[]; orgStudyIdInfo?: unknown };
    descriptionModule?: { briefSummary?: string };
    contactsLocationsModule?: { locations?: unknown[]; centralContacts?: unknown[] };
    conditionsModule?: { conditions?: unknown[] };
    armsInterventionsModule?: { interventions?: unknown[] };
  };
};

describe(`the full view of every real record (${describeFixtures()})`, () => {
  it.skipIf(!HAVE_CTGOV).each(realStudyRows())(
    '%s (%s): each section there exactly when the record has its data; nothing undefined',
    async (nctId, _file, raw) => {
      const main = await renderPage(nctId, ok(raw));
      const text = main.textContent ?? '';
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      const p = (raw as Raw).protocolSection;
      const has = {
        Summary: !!p.descriptionModule?.briefSummary,
        Where:
          (p.contactsLocationsModule?.locations?.length ?? 0) +
            (p.contactsLocationsModule?.centralContacts?.length ?? 0) >
          0,
        'What is studied':
          (p.conditionsModule?.conditions?.length ?? 0) +
            (p.armsInterventionsModule?.interventions?.length ?? 0) >
          0,
        'Also registered as':
          !!p.identificationModule.orgStudyIdInfo ||
          (p.identificationModule.secondaryIdInfos?.length ?? 0) > 0,
      };
      for (const [section, present] of Object.entries(has))
        expect(headings(main).includes(section), section).toBe(present);
      for (const always of ['Status', 'At a glance', 'Who can take part', 'Results'])
        expect(headings(main)).toContain(always);
      expect(text).toContain(`https://clinicaltrials.gov/study/${nctId}`);
      expect(text).toContain('Not medical advice');
    },
  );
});

describe('the full view: states and our own records', () => {
  it('shows design, arms and the phase in plain words for NCT06056921', async () => {
    const main = await renderPage('NCT06056921', ok(carTStudy()));
    expect(main.textContent).toContain(
      'Phase 1 studies test a new treatment in a small group of people for the first time',
    );
    expect(main.textContent).toContain('CD19 targeted CAR-T cells');
  });

  it('leaves out every section the record has no data for', async () => {
    const main = await renderPage('NCT09000007', ok(edgeStudies.missingModules));
    expect(headings(main)).toEqual(['Status', 'At a glance', 'Who can take part', 'Results']);
    expect(main.textContent).toContain("The registry's answer did not say whether results are posted.");
  });

  it("shows the reader's note on the trial", async () => {
    const note = { text: 'Refer Mrs A? No: no identifiers here.', tags: ['lupus'], updatedAt: 1 };
    const main = await renderPage('NCT06056921', ok(carTStudy()), note);
    expect(headings(main)).toContain('Your note');
    expect(main.textContent).toContain('Tags: lupus');
  });

  it('labels saved data shown while offline', async () => {
    const answer = ok(carTStudy());
    const offline: TrialResult = answer.ok
      ? { ...answer, refreshError: trialError('network', answer.id) }
      : answer;
    const main = await renderPage('NCT06056921', offline);
    expect(main.textContent).toContain(
      'Showing saved data from 26 November 2026: ClinicalTrials.gov could not be reached.',
    );
  });

  it.each([
    ['garbage', '“garbage” is not a valid ClinicalTrials.gov ID (NCT followed by 8 digits).'],
    ['', '“(no ID)” is not a valid ClinicalTrials.gov ID (NCT followed by 8 digits).'],
    ['<script>alert(1)</script>', '“<script>alert(1)</script>” is not a valid ClinicalTrials.gov ID'],
  ])('explains an invalid ID %j without asking the registry', async (rawId, message) => {
    let asked = false;
    render(
      <TrialPage
        rawId={rawId}
        load={() => {
          asked = true;
          return Promise.reject(new Error('not expected'));
        }}
        loadNote={() => Promise.resolve(undefined)}
        now={() => NOW}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain(message);
    expect(asked).toBe(false);
  });

  it('offers a retry when the registry could not be reached', async () => {
    const answer: TrialResult = { id: 'NCT06056921', ok: false, error: trialError('timeout', 'NCT06056921') };
    await renderPage('nct06056921', answer);
    expect(screen.getByRole('alert').textContent).toContain('took too long to answer');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDefined();
  });
});

describe('the full view: publications', () => {
  it('links each publication to PubMed by its ID, results first, with no lookup', async () => {
    const raw = carTStudy() as { protocolSection: Record<string, unknown> };
    raw.protocolSection.referencesModule = {
      references: [
        { pmid: '34567890', type: 'DERIVED' },
        { pmid: '12345678', type: 'RESULT', citation: 'Doe J. It worked. Lancet. 2026.' },
        { pmid: 'not-a-pmid', type: 'RESULT', citation: 'Roe R. Also worked. NEJM. 2026.' },
      ],
    };
    const main = await renderPage('NCT06056921', ok(raw));
    const links = Array.from(main.querySelectorAll('.publications a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://pubmed.ncbi.nlm.nih.gov/12345678/',
      'https://pubmed.ncbi.nlm.nih.gov/34567890/',
    ]);
    expect(main.textContent).toContain('Results published (2 publications, listed by the sponsor)');
    expect(main.textContent).toContain('Doe J. It worked. Lancet. 2026.');
    // Without a usable PubMed ID, the citation alone: no link is made up.
    expect(main.textContent).toContain('Roe R. Also worked. NEJM. 2026.');
  });
});

describe('the full view: dates', () => {
  it('flags an estimated date that has passed', async () => {
    const raw = carTStudy() as { protocolSection: { statusModule: Record<string, unknown> } };
    raw.protocolSection.statusModule.completionDateStruct = { date: '2025-12', type: 'ESTIMATED' };
    const main = await renderPage('NCT06056921', ok(raw));
    expect(main.textContent).toContain('Dec 2025 (estimated — passed)');
  });
});
