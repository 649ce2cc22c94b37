/**
 * Eligibility criteria text (CommonMark, as sponsors write it) → headed sections of top-level items.
 * Pure and tolerant: headings or none, `*` / `-` / `1.` lists, nested items (kept with their parent),
 * backslash escapes (`\>=`). When no structure is recognisable the whole text is one section, so
 * nothing written is ever dropped.
 */

import type { CriteriaSection, Criterion, CriterionMark } from './summary';
import { findTerms } from './glossary';
import { findThresholds } from './thresholds';

export type SectionKind = CriteriaSection['kind'];

/** A section as parsed: top-level items as text, each with its nested lines (marked •) after it. */
export interface ParsedSection {
  kind: SectionKind;
  /** The heading as written (without markdown), or undefined for text before any heading. */
  heading?: string;
  items: string[];
}

/** `Inclusion Criteria:`, `**Key Exclusion Criteria**`, `## Inclusion criteria`, `EXCLUSION:` … */
const HEADING =
  /^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*([A-Za-z][^:*\n]{0,60}?)\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$/;
const LIST_ITEM = /^(\s*)(?:[*\-+•]|\d{1,3}[.)]|[a-z][.)])\s+(.*)$/;

/** Undoes CommonMark backslash escapes: `\>=` → `>=`, `\~` → `~`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function headingKind(line: string): { kind: SectionKind; heading: string } | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 70) return undefined;
  // A heading is a short line that ends with a colon or is wrapped in markdown emphasis / #.
  const marked = /:\s*(\*\*|__)?\s*$/.test(trimmed) || /^(#{1,6}\s|\*\*|__)/.test(trimmed);
  if (!marked || LIST_ITEM.test(line)) return undefined;
  const m = HEADING.exec(line);
  const heading = m?.[1]?.trim();
  if (!heading) return undefined;
  if (/\bexclu/i.test(heading)) return { kind: 'exclusion', heading };
  if (/\binclu/i.test(heading)) return { kind: 'inclusion', heading };
  return { kind: 'other', heading };
}

export function parseCriteria(text: string | undefined): ParsedSection[] {
  if (!text || text.trim().length === 0) return [];
  const sections: ParsedSection[] = [];
  let current: ParsedSection = { kind: 'other', items: [] };
  let itemIndent = -1;
  const push = () => {
    if (current.items.length > 0 || current.heading) sections.push(current);
  };
  for (const rawLine of unescapeMarkdown(text).split(/\r?\n/)) {
    if (rawLine.trim().length === 0) continue;
    const heading = headingKind(rawLine);
    if (heading) {
      push();
      // A group heading under "Exclusion criteria:" ("For parent participants:") is still exclusion.
      const kind = heading.kind === 'other' ? current.kind : heading.kind;
      current = { kind, heading: heading.heading, items: [] };
      itemIndent = -1;
      continue;
    }
    const item = LIST_ITEM.exec(rawLine);
    const indent = item?.[1]?.length ?? rawLine.length - rawLine.trimStart().length;
    const last = current.items.length - 1;
    if (item && (itemIndent < 0 || indent <= itemIndent)) {
      itemIndent = indent;
      current.items.push((item[2] ?? '').trim());
    } else if (last >= 0 && (item || indent > 0)) {
      // A nested item or a continuation line belongs to the item above it (nested markers read as •).
      current.items[last] += `\n${item ? `• ${(item[2] ?? '').trim()}` : rawLine.trim()}`;
    } else {
      current.items.push(rawLine.trim());
    }
  }
  push();
  return sections;
}

/**
 * The criteria as the card shows them: parsed, with thresholds and glossary terms marked, and the
 * meanings of just the terms used. Runs in the background (the glossary stays out of content scripts).
 */
export function eligibilityView(text: string | undefined): {
  sections: CriteriaSection[];
  terms: { form: string; meaning: string }[];
} {
  const terms: { form: string; meaning: string }[] = [];
  const termIndex = new Map<string, number>();
  const sections = parseCriteria(text).map((section) => ({
    ...section,
    items: section.items.map((itemText): Criterion => {
      const marks: CriterionMark[] = findThresholds(itemText).map((t) => ({
        start: t.start,
        end: t.end,
        kind: 'threshold',
      }));
      for (const match of findTerms(itemText)) {
        if (marks.some((m) => match.start < m.end && match.end > m.start)) continue;
        const form = match.entry.forms[0] ?? match.text;
        let index = termIndex.get(form);
        if (index === undefined) {
          index = terms.push({ form, meaning: match.entry.meaning }) - 1;
          termIndex.set(form, index);
        }
        marks.push({ start: match.start, end: match.end, kind: 'term', term: index });
      }
      return { text: itemText, marks: marks.sort((a, b) => a.start - b.start) };
    }),
  }));
  return { sections, terms };
}
