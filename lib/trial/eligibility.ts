/**
 * Eligibility criteria text (CommonMark, as sponsors write it) → headed sections of top-level items.
 * Pure and tolerant: headings or none, `*` / `-` / `1.` lists, nested items (kept with their parent),
 * backslash escapes (`\>=`). When no structure is recognisable the whole text is one section, so
 * nothing written is ever dropped.
 */

export type SectionKind = 'inclusion' | 'exclusion' | 'other';

export interface CriteriaSection {
  kind: SectionKind;
  /** The heading as written (without markdown), or undefined for text before any heading. */
  heading?: string;
  /** Top-level items; each keeps its nested lines, indented, after its own text. */
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

export function parseCriteria(text: string | undefined): CriteriaSection[] {
  if (!text || text.trim().length === 0) return [];
  const sections: CriteriaSection[] = [];
  let current: CriteriaSection = { kind: 'other', items: [] };
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
 * A lead-in sentence rather than a criterion: one line ending with a colon and nothing under it
 * ("Subjects who meet each of the following criteria are eligible:").
 */
function isLeadIn(item: string): boolean {
  return item.trimEnd().endsWith(':') && !item.includes('\n');
}

/** The first `count` criteria of a kind (lead-in sentences aside), with how many there are in all. */
export function firstItems(sections: CriteriaSection[], kind: SectionKind, count: number) {
  const items = sections
    .filter((s) => s.kind === kind)
    .flatMap((s) => s.items)
    .filter((item) => !isLeadIn(item));
  return { items: items.slice(0, count), total: items.length };
}
