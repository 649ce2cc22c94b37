/**
 * The trials on a page as a list to paste elsewhere: Markdown (a table) or CSV, with NCT ID, title,
 * status, phase and record URL, in the registry's words. Pure.
 */
import { csvCell } from '../csv';
import type { TrialResult } from '../messaging';
import { recordUrl, type NctId } from '../nct';
import { phaseLabel } from './words';
import { statusLabel } from './status';

interface Row {
  id: string;
  title: string;
  status: string;
  phase: string;
  url: string;
}

function rows(results: readonly TrialResult[]): Row[] {
  return results.map((r) => ({
    id: r.id,
    title: r.ok ? (r.trial.briefTitle ?? '') : '',
    status: r.ok ? statusLabel(r.trial.status.overall).label : r.error.message,
    phase: r.ok ? (phaseLabel(r.trial.phases) ?? '') : '',
    url: recordUrl(r.id as NctId),
  }));
}

const markdownCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

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
