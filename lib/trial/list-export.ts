/**
 * The trials on a page as a list to paste elsewhere: Markdown (a table) or CSV, with NCT ID, title,
 * status, phase, when the sponsor last verified the status, a flag when that status may be out of
 * date, and the record URL, in the registry's words. Pure.
 */
import { csvCell } from '../csv';
import type { TrialResult } from '../messaging';
import { parseNctId, recordUrl } from '../nct';
import { phaseLabel } from './words';
import { statusLabel } from './status';
import { formatPartialDate, statusFlag } from './dates';

interface Row {
  id: string;
  title: string;
  status: string;
  phase: string;
  verified: string;
  flag: string;
  url: string;
}

/** Only answers for real NCT IDs: an ID that is not one (forged by a page) is never exported. */
function rows(results: readonly TrialResult[], now: number): Row[] {
  return results.flatMap((r) => {
    const id = parseNctId(r.id);
    return id && id === r.id ? [{ ...row(r, now), id, url: recordUrl(id) }] : [];
  });
}

function row(r: TrialResult, now: number): Omit<Row, 'id' | 'url'> {
  if (!r.ok) return { title: '', status: r.error.message, phase: '', verified: '', flag: '' };
  const { trial } = r;
  return {
    title: trial.briefTitle ?? '',
    status: statusLabel(trial.status.overall).label,
    phase: phaseLabel(trial.phases) ?? '',
    verified: trial.status.verified ? formatPartialDate(trial.status.verified) : '',
    flag: statusFlag(trial, now) ?? '',
  };
}

/**
 * Registry text as inert Markdown: HTML characters as entities (no `<img onerror>`, no `<script>`),
 * Markdown's own punctuation escaped (no `[x](javascript:…)` link, no emphasis, no table break), one line.
 */
const markdownCell = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Inside a table cell only these are special: with `[` escaped no link can form.
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/\s*\n\s*/g, ' ');

export function listMarkdown(results: readonly TrialResult[], now: number): string {
  const lines = [
    '| NCT ID | Title | Status | Phase | Status verified | Caution |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows(results, now)) {
    const cells = [row.title, row.status, row.phase, row.verified, row.flag].map(markdownCell);
    lines.push(`| [${row.id}](${row.url}) | ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

export function listCsv(results: readonly TrialResult[], now: number): string {
  const lines = ['nct_id,title,status,phase,status_verified,caution,url'];
  for (const row of rows(results, now))
    lines.push(
      [row.id, row.title, row.status, row.phase, row.verified, row.flag, row.url].map(csvCell).join(','),
    );
  return lines.join('\r\n') + '\r\n';
}
