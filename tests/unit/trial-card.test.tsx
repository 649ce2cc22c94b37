// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrialCard, type TrialCardProps } from '@/components/TrialCard';
import { studySchema } from '@/lib/ctgov/schema';
import { trialError, type TrialResult } from '@/lib/messaging';
import { parseNctId } from '@/lib/nct';
import { studyToSummary } from '@/lib/trial/study-to-summary';
import { HAVE_CTGOV, describeFixtures, realStudyRows } from '../support/ctgov';
import { carTStudy, edgeStudies } from '../fixtures/studies';

afterEach(cleanup);

const NOW = Date.parse('2026-11-26T12:00:00Z');
const FETCHED = Date.parse('2026-11-26T09:30:00Z');

function okResult(raw: unknown): TrialResult {
  const trial = studyToSummary(studySchema.parse(raw));
  return { id: trial.nctId, ok: true, trial, fetchedAt: FETCHED };
}

function renderCard(
  result: TrialResult | undefined,
  id = result?.id ?? 'NCT00000001',
  extra: Partial<TrialCardProps> = {},
) {
  const handlers = {
    onClose: vi.fn(),
    onTogglePin: vi.fn(),
    onRetry: vi.fn(),
    onFullView: vi.fn(),
    onSaveNote: vi.fn(),
    onTurnOffSite: vi.fn(),
  };
  const nctId = parseNctId(id);
  if (!nctId) throw new Error(`not an NCT ID: ${id}`);
  const view = { id: nctId, result, pinned: false };
  const utils = render(<TrialCard view={view} now={NOW} host="example.org" {...handlers} {...extra} />);
  return { ...utils, ...handlers, dialog: screen.getByRole('dialog') };
}

type Raw = {
  protocolSection: {
    statusModule?: { overallStatus?: string };
    designModule?: { phases?: string[] };
    contactsLocationsModule?: { locations?: { country?: string }[] };
  };
};

describe(`the card for every real record (${describeFixtures()})`, () => {
  it.skipIf(!HAVE_CTGOV).each(realStudyRows())(
    '%s (%s): named by its ID, every value from the record, nothing undefined',
    (nctId, _file, raw) => {
      const { dialog } = renderCard(okResult(raw));
      expect(dialog.getAttribute('aria-label')).toContain(nctId);
      const text = dialog.textContent ?? '';
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      const r = raw as Raw;
      const status = r.protocolSection.statusModule?.overallStatus;
      if (status === 'RECRUITING') expect(text).toContain('Recruiting');
      if (status === 'COMPLETED') expect(text).toContain('Completed');
      if (status === 'TERMINATED') expect(text).toContain('Terminated');
      const phases = r.protocolSection.designModule?.phases ?? [];
      if (phases.length === 1 && /^PHASE\d$/.test(phases[0] ?? ''))
        expect(text).toContain(`Phase ${phases[0]?.slice(5)}`);
      const sites = r.protocolSection.contactsLocationsModule?.locations ?? [];
      if (sites.length > 0) {
        const countries = new Set(sites.map((s) => s.country).filter(Boolean)).size;
        expect(text).toContain(
          `${sites.length.toLocaleString('en')} site${sites.length === 1 ? '' : 's'} in ${countries} countr${countries === 1 ? 'y' : 'ies'}`,
        );
      }
      expect(screen.getByRole('link', { name: 'Open on ClinicalTrials.gov' }).getAttribute('href')).toBe(
        `https://clinicaltrials.gov/study/${nctId}`,
      );
    },
  );
});

describe('the card for our own edge records', () => {
  it('shows NCT06056921 at a glance, in the order a clinician reads it', () => {
    const { dialog } = renderCard(okResult(carTStudy()));
    const glance = dialog.querySelector('.glance')?.textContent ?? '';
    const order = [
      'Safety and Efficacy of CD19',
      'Status verified May 2026',
      'Who 18 years and older · All sexes · No healthy volunteers',
      'Include: ECOG 0~1 score;',
      'Exclude: Had previously received CAR T cell therapy;',
      'Where 1 site in 1 country · 1 open',
      'What CD19 targeted CAR-T cells',
      'No results posted',
    ];
    const positions = order.map((part) => glance.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const top = dialog.querySelector('.top')?.textContent ?? '';
    expect(top).toContain('Recruiting');
    expect(top).toContain('Phase 1');
    expect(dialog.textContent).toContain('Data as of 26 Nov 2026');
    expect(dialog.textContent).toContain('Not medical advice');
  });

  it('labels each key criterion Include or Exclude, in words a screen reader hears', () => {
    const { dialog } = renderCard(okResult(carTStudy()));
    const items = Array.from(dialog.querySelectorAll('.key-criteria li')).map((li) => li.textContent);
    expect(items).toEqual([
      'Include: ECOG 0~1 score;',
      'Exclude: Had previously received CAR T cell therapy;',
    ]);
  });

  it('opens "More": design, the age groups, the sponsor, and the sponsor\'s words on gender', () => {
    const raw = carTStudy() as { protocolSection: { eligibilityModule: Record<string, unknown> } };
    Object.assign(raw.protocolSection.eligibilityModule, {
      genderBased: true,
      genderDescription: 'Participants who identify as women',
    });
    const { dialog } = renderCard(okResult(raw));
    expect(dialog.querySelector('.more')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    const more = dialog.querySelector('.more')?.textContent ?? '';
    expect(more).toContain('Gender: Participants who identify as women');
    expect(more).toContain('24 (estimated)');
    expect(more).toContain('Chongqing Precision Biotech');
    expect(screen.getByRole('button', { name: 'Less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('lists all criteria under "More", with their filter', () => {
    const { dialog } = renderCard(okResult(carTStudy()));
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    expect(dialog.querySelector('.all-criteria')?.textContent).toContain(
      'Had previously received CAR T cell therapy;',
    );
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'ECOG' } });
    expect(dialog.querySelector('.all-criteria')?.textContent).toContain('1 of 3 criteria match');
  });

  it.each([
    ['withdrawn', edgeStudies.withdrawn, 'Withdrawn', 'Why stopped: No participants enrolled'],
    ['suspended', edgeStudies.suspended, 'Suspended', 'Why stopped: Sponsor decision pending safety review'],
    ['expanded access', edgeStudies.expandedAccess, 'Expanded access available', 'Expanded access'],
    ['a future status', edgeStudies.futureStatus, 'Paused for review', 'Edge case NCT09000010'],
  ])('shows a %s study in words', (_name, raw, badge, detail) => {
    const text = renderCard(okResult(raw)).dialog.textContent ?? '';
    expect(text).toContain(badge);
    expect(text).toContain(detail);
  });

  it('leaves out what the record does not say', () => {
    const { dialog } = renderCard(okResult(edgeStudies.missingModules));
    const text = dialog.textContent ?? '';
    expect(text).toContain('Untitled in the registry');
    expect(text).toContain('Status not given');
    expect(text).toContain('No sites listed yet');
    expect(text).not.toMatch(/undefined|Enrollment|Dates|results posted/i);
  });

  it('renders markup from the registry as text, never as HTML', () => {
    const { dialog } = renderCard(okResult(edgeStudies.hostileText));
    expect(dialog.querySelector('img, script, b')).toBeNull();
    expect(dialog.textContent).toContain('<img src=x onerror="alert(1)"><script>alert(2)</script>Title');
  });

  it('announces status, phase and title to screen readers once the card is shown', async () => {
    const { dialog } = renderCard(okResult(carTStudy()));
    const live = dialog.querySelector('[aria-live="polite"]');
    await vi.waitFor(() =>
      expect(live?.textContent).toBe(
        'Recruiting, Phase 1, Safety and Efficacy of CD19 Targeted CAR-T Therapy for Refractory Autoimmune Disease',
      ),
    );
  });

  it('groups sites under their country, open sites first', () => {
    const raw = carTStudy() as { protocolSection: { contactsLocationsModule: { locations: unknown[] } } };
    raw.protocolSection.contactsLocationsModule.locations = [
      { facility: 'Charité', city: 'Berlin', country: 'Germany', status: 'COMPLETED' },
      { facility: 'Rigshospitalet', city: 'Copenhagen', country: 'Denmark', status: 'RECRUITING' },
    ];
    const { dialog } = renderCard(okResult(raw));
    expect(dialog.textContent).toContain('2 sites in 2 countries · 1 open');
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    expect(Array.from(dialog.querySelectorAll('.country')).map((h) => h.textContent)).toEqual([
      'Denmark',
      'Germany',
    ]);
  });

  it('under an UNKNOWN or closed status, counts no site open: statuses are "last reported", never green', () => {
    const raw = carTStudy() as {
      protocolSection: {
        statusModule: Record<string, unknown>;
        contactsLocationsModule: { locations: unknown[] };
      };
    };
    Object.assign(raw.protocolSection.statusModule, {
      overallStatus: 'UNKNOWN',
      statusVerifiedDate: '2019-06',
    });
    raw.protocolSection.contactsLocationsModule.locations = [
      {
        facility: 'Seattle site',
        city: 'Seattle',
        country: 'United States',
        status: 'RECRUITING',
        geoPoint: { lat: 47.6, lon: -122.3 },
      },
    ];
    const home = { home: { lat: 47.61, lon: -122.33, label: 'Seattle' }, unit: 'km' as const };
    const { dialog } = renderCard(okResult(raw), undefined, { distance: home });
    expect(dialog.querySelector('.where')?.textContent).toBe(
      'Where 1 site in 1 country · last reported Jun 2019',
    );
    expect(dialog.querySelector('.nearest')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    const chip = dialog.querySelector('.sites .site-status');
    expect(chip?.textContent?.trim()).toBe('last reported: recruiting');
    expect(chip?.className).toContain('tone-unknown');
  });

  it("without a home location, offers distances from one of the trial's own site cities", () => {
    const raw = carTStudy() as { protocolSection: { contactsLocationsModule: { locations: unknown[] } } };
    raw.protocolSection.contactsLocationsModule.locations = [
      {
        facility: 'NIH Clinical Center',
        city: 'Bethesda',
        state: 'Maryland',
        country: 'United States',
        status: 'RECRUITING',
        geoPoint: { lat: 38.98, lon: -77.1 },
      },
      {
        facility: 'Parc Taulí',
        city: 'Sabadell',
        country: 'Spain',
        status: 'RECRUITING',
        geoPoint: { lat: 41.55, lon: 2.1 },
      },
      { facility: 'No coordinates', city: 'Nowhere', country: 'Spain' },
    ];
    const onSetHome = vi.fn();
    renderCard(okResult(raw), undefined, { onSetHome });
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    const picker = screen.getByLabelText('Distances from') as HTMLSelectElement;
    expect(Array.from(picker.options).map((o) => o.textContent)).toEqual([
      'Bethesda, Maryland, United States',
      'Sabadell, Spain',
    ]);
    fireEvent.change(picker, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use as my location' }));
    expect(onSetHome).toHaveBeenCalledWith({ lat: 41.55, lon: 2.1, label: 'Sabadell, Spain' });
  });

  it('shows a loading state of the same shape, marked busy', () => {
    const { dialog } = renderCard(undefined, 'NCT06056921');
    expect(dialog.getAttribute('aria-busy')).toBe('true');
    expect(dialog.querySelector('.skeleton')).not.toBeNull();
    expect(dialog.getAttribute('aria-label')).toBe('Trial NCT06056921');
  });

  it('says when a trial is not registered, with no retry', () => {
    const result: TrialResult = {
      id: 'NCT09999999',
      ok: false,
      error: trialError('not-found', 'NCT09999999'),
    };
    renderCard(result);
    expect(screen.getByRole('alert').textContent).toBe(
      'ClinicalTrials.gov has no registered trial with the ID NCT09999999.',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it.each(['rate-limited', 'network', 'timeout', 'bad-response'] as const)(
    'offers a retry after a %s error',
    (code) => {
      const result: TrialResult = { id: 'NCT00000001', ok: false, error: trialError(code, 'NCT00000001') };
      const { onRetry } = renderCard(result);
      expect(screen.getByRole('alert').textContent).toContain(trialError(code, 'NCT00000001').message);
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(onRetry).toHaveBeenCalledOnce();
    },
  );

  it('labels saved data when a refresh failed', () => {
    const result = okResult(carTStudy());
    const stale: TrialResult = result.ok
      ? { ...result, refreshError: trialError('network', result.id) }
      : result;
    expect(renderCard(stale).dialog.textContent).toContain(
      'Showing saved data: ClinicalTrials.gov could not be reached',
    );
  });

  it('wires its buttons: pin and close', () => {
    const { onClose, onTogglePin } = renderCard(okResult(carTStudy()));
    fireEvent.click(screen.getByRole('button', { name: 'Pin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close the trial card' }));
    expect(onTogglePin).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('counts the publications of results at a glance; the count opens the full view at them', () => {
    const raw = carTStudy() as { protocolSection: Record<string, unknown> };
    // What the card's own request brings back: each reference's kind only.
    raw.protocolSection.referencesModule = {
      references: [{ type: 'RESULT' }, { type: 'RESULT' }, { type: 'DERIVED' }, { type: 'BACKGROUND' }],
    };
    const { dialog, onFullView } = renderCard(okResult(raw));
    const count = screen.getByRole('button', { name: '2 publications of results, 1 in PubMed' });
    expect(dialog.querySelector('.what')?.contains(count)).toBe(true);
    fireEvent.click(count);
    expect(onFullView).toHaveBeenCalledWith('publications');
  });

  it('says nothing of publications when the record lists none of its results', () => {
    const raw = carTStudy() as { protocolSection: Record<string, unknown> };
    raw.protocolSection.referencesModule = { references: [{ type: 'BACKGROUND' }] };
    const { dialog } = renderCard(okResult(raw));
    expect(dialog.textContent).not.toMatch(/publication|in PubMed/);
  });
});
