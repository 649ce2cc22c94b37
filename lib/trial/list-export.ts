/**
 * The trials on a page as a list to paste elsewhere: Markdown (a table) or CSV, with NCT ID, title,
 * status, phase and record URL, in the registry's words. Pure.
 */
import { csvCell } from '../csv';
import type { TrialResult } from '../messaging';
import { parseNctId, recordUrl } from '../nct';
import { phaseLabel } from './words';
import { statusLabel } from './status';

interface Row {
  id: string;
  title: string;
  status: string;
  phase: string;
  url: string;
}

/** Only answers for real NCT IDs: an ID that is not one (forged by a page) is never exported. */
function rows(results: readonly TrialResult[]): Row[] {
  return results.flatMap((r) => {
    const id = parseNctId(r.id);
    return id && id === r.id ? [{ ...row(r), id, url: recordUrl(id) }] : [];
  });
}

function row(r: TrialResult): Omit<Row, 'id' | 'url'> {
  return {
    title: r.ok ? (r.trial.briefTitle ?? '') : '',
    status: r.ok ? statusLabel(r.trial.status.overall).label : r.error.message,
    phase: r.ok ? (phaseLabel(r.trial.phases) ?? '') : '',
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

export function listMarkdown(results: readonly TrialResult[]): string {
  const lines = ['| NCT ID | Title | Status | Phase |', '| --- | --- | --- | --- |'];
  for (const row of rows(results)) {
    lines.push(
      `| [${row.id}](${row.url}) | ${markdownCell(row.title)} | ${markdownCell(row.status)} | ${markdownCell(row.phase)} |`,
    );
  }
  return lines.join('\n') + '\n';
}

export function listCsv(results: readonly TrialResult[]): string {
  const lines = ['nct_id,title,status,phase,url'];
  for (const row of rows(results))
    lines.push([row.id, row.title, row.status, row.phase, row.url].map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}
