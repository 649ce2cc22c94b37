import { describe, expect, it } from 'vitest';
import { csvCell } from '@/lib/csv';
import { EXPORT_FORMAT, exportCsv, exportJson, importNotes } from '@/lib/notes/transfer';
import { parseTags, type NoteBook } from '@/lib/storage/notes';
import { DEFAULT_SETTINGS, migrateSettings } from '@/lib/storage/settings';
import { trialError, type TrialResult } from '@/lib/messaging';
import { listCsv, listMarkdown } from '@/lib/trial/list-export';
import { summaryWith } from '../support/summary';

describe('settings: versions and migrations', () => {
  it('gives defaults for nothing stored, or for junk', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('junk')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ v: 99 })).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates version 1 (disabledHosts, no delays) to version 2', () => {
    expect(migrateSettings({ v: 1, disabledHosts: ['example.org', 42, 'bad host!'], chips: true })).toEqual({
      ...DEFAULT_SETTINGS,
      chips: true,
      offSites: ['example.org'],
    });
  });

  it('keeps good fields and replaces bad ones with defaults', () => {
    const settings = migrateSettings({
      v: 2,
      delays: { fetchDelayMs: 100, showDelayMs: -5, hideDelayMs: 'slow' },
      chips: 'yes',
      prefetch: false,
      badge: false,
      offSites: ['pubmed.ncbi.nlm.nih.gov', '127.0.0.1:8080'],
      pdfAutoOpen: 'always',
    });
    expect(settings).toEqual({
      v: 2,
      delays: { fetchDelayMs: 100, showDelayMs: 500, hideDelayMs: 300 },
      chips: false,
      prefetch: false,
      badge: false,
      offSites: ['pubmed.ncbi.nlm.nih.gov', '127.0.0.1:8080'],
      pdfAutoOpen: false,
    });
    // Settings saved before PDFs had a setting: off.
    expect(migrateSettings({ v: 2, chips: true }).pdfAutoOpen).toBe(false);
    expect(migrateSettings({ v: 2, pdfAutoOpen: true }).pdfAutoOpen).toBe(true);
  });
});

const book: NoteBook = {
  byId: {
    NCT06056921: {
      text: 'Ask about the CAR-T slots, "urgent"',
      tags: ['lupus', 'CAR-T'],
      updatedAt: 1_700_000_000_000,
    },
    NCT05147467: { text: '=HYPERLINK("evil")', tags: [], updatedAt: 1_700_000_500_000 },
  },
};

describe('notes: tags', () => {
  it('splits tags on commas, trimmed and de-duplicated', () => {
    expect(parseTags(' lupus, CAR-T ,, lupus ,referral')).toEqual(['lupus', 'CAR-T', 'referral']);
  });
});

describe('notes: export and import', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it('round-trips through JSON', () => {
    const result = importNotes({ byId: {} }, exportJson(book, now), now);
    expect(result).toEqual({ ok: true, changed: book.byId, added: 2, updated: 0 });
  });

  it('merges without losing existing notes; the newer edit of a trial wins', () => {
    const current: NoteBook = {
      byId: {
        NCT06056921: { text: 'newer local note', tags: [], updatedAt: 1_800_000_000_000 },
        NCT00000001: { text: 'only here', tags: [], updatedAt: 1 },
      },
    };
    const result = importNotes(current, exportJson(book, now), now);
    // Only the trial without a note is written; the newer local note is not touched.
    expect(result.ok && result.changed).toEqual({ NCT05147467: book.byId.NCT05147467 });
    expect(result).toMatchObject({ added: 1, updated: 0 });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    [
      'another format',
      JSON.stringify({ format: 'other', version: 1, exportedAt: 'x', notes: {} }),
      /not a notes export/,
    ],
    [
      'a key that is not an NCT ID',
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: 1,
        exportedAt: 'x',
        notes: { __proto__x: { text: '', tags: [], updatedAt: 1 } },
      }),
      /every key must be an NCT ID/,
    ],
    [
      'extra fields smuggled into a note',
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: 1,
        exportedAt: 'x',
        notes: { NCT06056921: { text: 'x', tags: [], updatedAt: 1, onload: 'alert(1)' } },
      }),
      /not a notes export/,
    ],
    [
      'a huge note',
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: 1,
        exportedAt: 'x',
        notes: { NCT06056921: { text: 'x'.repeat(6000), tags: [], updatedAt: 1 } },
      }),
      /not a notes export/,
    ],
    ['a file over 2 MB', 'x'.repeat(3 * 1024 * 1024), /too large/],
    [
      'a note dated years ahead (it would win every merge)',
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: 1,
        exportedAt: 'x',
        notes: { NCT06056921: { text: 'x', tags: [], updatedAt: now + 10 * 365 * 86_400_000 } },
      }),
      /date is in the future.*NCT06056921/,
    ],
  ])('refuses %s with a clear message and changes nothing', (_name, text, message) => {
    const before = structuredClone(book);
    const result = importNotes(book, text, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(book).toEqual(before);
  });

  it('exports CSV that a spreadsheet cannot run as a formula', () => {
    expect(exportCsv(book).split('\r\n')).toEqual([
      'nct_id,note,tags,updated,url',
      `NCT05147467,"'=HYPERLINK(""evil"")",,2023-11-14T22:21:40.000Z,https://clinicaltrials.gov/study/NCT05147467`,
      `NCT06056921,"Ask about the CAR-T slots, ""urgent""",lupus; CAR-T,2023-11-14T22:13:20.000Z,https://clinicaltrials.gov/study/NCT06056921`,
      '',
    ]);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('exports CSV even when a stored date is not a real date (no RangeError)', () => {
    const odd: NoteBook = { byId: { NCT06056921: { text: 'x', tags: [], updatedAt: 9e15 } } };
    expect(exportCsv(odd).split('\r\n')[1]).toBe(
      'NCT06056921,x,,,https://clinicaltrials.gov/study/NCT06056921',
    );
  });
});

describe('the list of trials on a page, for pasting', () => {
  const results: TrialResult[] = [
    {
      id: 'NCT06056921',
      ok: true,
      fetchedAt: 0,
      trial: summaryWith('NCT06056921', {
        briefTitle: 'CAR-T | lupus',
        phases: ['PHASE1', 'PHASE2'],
        status: { overall: 'RECRUITING', verified: '2026-05' },
      }),
    },
    { id: 'NCT09999999', ok: false, error: trialError('not-found', 'NCT09999999') },
  ];
  const NOW = Date.parse('2026-11-27T12:00:00Z');

  it('as a Markdown table', () => {
    expect(listMarkdown(results, NOW)).toBe(
      '| NCT ID | Title | Status | Phase | Status verified | Caution |\n| --- | --- | --- | --- | --- | --- |\n' +
        '| [NCT06056921](https://clinicaltrials.gov/study/NCT06056921) | CAR-T \\| lupus | Recruiting | 1/2 | May 2026 |  |\n' +
        '| [NCT09999999](https://clinicaltrials.gov/study/NCT09999999) |  | ClinicalTrials.gov has no registered trial with the ID NCT09999999. |  |  |  |\n',
    );
  });

  it('as CSV', () => {
    expect(listCsv(results, NOW).split('\r\n')[1]).toBe(
      'NCT06056921,CAR-T | lupus,Recruiting,1/2,May 2026,,https://clinicaltrials.gov/study/NCT06056921',
    );
  });

  it('flags a "Recruiting" not verified for over 2 years, and an UNKNOWN status, with the verified date', () => {
    const stale: TrialResult[] = [
      {
        id: 'NCT05147467',
        ok: true,
        fetchedAt: 0,
        trial: summaryWith('NCT05147467', { status: { overall: 'RECRUITING', verified: '2024-01' } }),
      },
      {
        id: 'NCT04207047',
        ok: true,
        fetchedAt: 0,
        trial: summaryWith('NCT04207047', { status: { overall: 'UNKNOWN', verified: '2019-12' } }),
      },
    ];
    expect(listCsv(stale, NOW).split('\r\n').slice(1, 3)).toEqual([
      'NCT05147467,,Recruiting,,Jan 2024,not verified for over 2 years,https://clinicaltrials.gov/study/NCT05147467',
      'NCT04207047,,Unknown status,,Dec 2019,unknown status: not confirmed for over 2 years,https://clinicaltrials.gov/study/NCT04207047',
    ]);
    expect(listMarkdown(stale, NOW)).toContain(
      '| Recruiting |  | Jan 2024 | not verified for over 2 years |',
    );
  });
});

describe('exports keep registry text inert', () => {
  const hostile = (title: string, id = 'NCT06056921'): TrialResult => ({
    id,
    ok: true,
    fetchedAt: 0,
    trial: summaryWith('NCT06056921', { briefTitle: title, status: { overall: 'RECRUITING' } }),
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<script>alert(2)</script>', '&lt;script&gt;alert(2)&lt;/script&gt;'],
    ['[click me](javascript:alert(3))', '\\[click me\\](javascript:alert(3))'],
    ['**bold** _it_ `code` | pipe', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\| pipe'],
  ])('Markdown: %s', (title, cell) => {
    expect(listMarkdown([hostile(title)], 0).split('\n')[2]).toBe(
      `| [NCT06056921](https://clinicaltrials.gov/study/NCT06056921) | ${cell} | Recruiting |  |  |  |`,
    );
  });

  it('never exports an answer for something that is not an NCT ID', () => {
    const forged = hostile('x', 'NCT0000000100000000000000000000000000000000000000000000000000001');
    expect(listMarkdown([forged], 0).split('\n')).toHaveLength(3);
    expect(listCsv([forged], 0)).toBe('nct_id,title,status,phase,status_verified,caution,url\r\n');
  });

  it.each(['=1+1', '  =HYPERLINK("x")', '\u3000@SUM(A1)', '＝1+1', '＋1', '\t=1', '-2'])(
    'CSV keeps %j from running as a formula',
    (value) => {
      expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );
});
