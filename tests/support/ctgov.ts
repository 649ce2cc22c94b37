/**
 * Access to the real API v2 answers in ../shared/ctgov (or the folder in CTGOV_FIXTURES). They are
 * read in place, never copied into the project. Suites say which folder they used, or that none was
 * found (their real-record tests are then reported as skipped, by name).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const CTGOV_DIR = path.resolve(ROOT, process.env.CTGOV_FIXTURES ?? '../shared/ctgov');
export const HAVE_CTGOV = existsSync(CTGOV_DIR);

export function describeFixtures(): string {
  return HAVE_CTGOV
    ? `real API v2 records from ${CTGOV_DIR}`
    : `NO real records: ${CTGOV_DIR} is absent (set CTGOV_FIXTURES to the folder with the recorded answers)`;
}

export interface RealStudy {
  /** File it came from (a list answer holds several). */
  file: string;
  nctId: string;
  raw: unknown;
}

function studiesIn(file: string, body: unknown): RealStudy[] {
  const list = (body as { studies?: unknown[] }).studies;
  const raws = Array.isArray(list) ? list : [body];
  return raws.map((raw) => ({
    file,
    raw,
    nctId: String(
      (raw as { protocolSection?: { identificationModule?: { nctId?: string } } }).protocolSection
        ?.identificationModule?.nctId,
    ),
  }));
}

/** Every study in every recorded answer (single records, `fields` answers and list answers). */
export function realStudies(): RealStudy[] {
  if (!HAVE_CTGOV) return [];
  return readdirSync(CTGOV_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => studiesIn(name, JSON.parse(readFileSync(path.join(CTGOV_DIR, name), 'utf8'))));
}

/**
 * Rows for a table test over every real study: `[nctId, file, raw]`. Without the recordings, one row
 * whose name says so, for a test that is then skipped (an empty table would fail to load instead).
 */
export function realStudyRows(): (readonly [string, string, unknown])[] {
  const rows = realStudies().map((s) => [s.nctId, s.file, s.raw] as const);
  return rows.length > 0 ? rows : [[`(no real records: ${CTGOV_DIR} is absent)`, 'none', undefined] as const];
}

/** One real single-study record by ID (the full `GET /studies/{id}` shape). */
export function realRecord(nctId: string): unknown {
  return JSON.parse(readFileSync(path.join(CTGOV_DIR, `${nctId}.json`), 'utf8'));
}

/** A recorded list answer (`{ studies, nextPageToken? }`). */
export function realListAnswer(name: string): { studies: unknown[]; nextPageToken?: string } {
  return JSON.parse(readFileSync(path.join(CTGOV_DIR, name), 'utf8'));
}

export function realErrorBody(name: string): string {
  return readFileSync(path.join(CTGOV_DIR, 'errors', name), 'utf8');
}

export function realSpecText(): string {
  return readFileSync(path.join(CTGOV_DIR, 'ctg-oas-v2.yaml'), 'utf8');
}

/** A recorded trial's site and country counts, counted independently of the extension's code. */
export function realSiteCounts(nctId: string): { sites: number; countries: number } {
  const record = realRecord(nctId) as {
    protocolSection: { contactsLocationsModule?: { locations?: { country?: string }[] } };
  };
  const locations = record.protocolSection.contactsLocationsModule?.locations ?? [];
  return { sites: locations.length, countries: new Set(locations.map((l) => l.country)).size };
}
