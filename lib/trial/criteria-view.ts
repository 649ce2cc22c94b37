/**
 * Reading the parsed criteria for display: the first criteria of a kind, the criteria with numbers to
 * check. Pure and small: the content script imports this, never the parser, patterns or glossary
 * (lib/trial/eligibility.ts), which run in the background.
 */
import type { CriteriaSection, Criterion } from './summary';

/**
 * A lead-in sentence rather than a criterion: one line ending with a colon and nothing under it
 * ("Subjects who meet each of the following criteria are eligible:").
 */
function isLeadIn(item: Criterion): boolean {
  return item.text.trimEnd().endsWith(':') && !item.text.includes('\n');
}

/** The first `count` criteria of a kind (lead-in sentences aside), with how many there are in all. */
export function firstItems(sections: CriteriaSection[], kind: CriteriaSection['kind'], count: number) {
  const items = sections
    .filter((s) => s.kind === kind)
    .flatMap((s) => s.items)
    .filter((item) => !isLeadIn(item));
  return { items: items.slice(0, count), total: items.length };
}

/** Criteria that carry numbers to check, in order, with where they stand in the full list. */
export function thresholdItems(
  sections: CriteriaSection[],
): { item: Criterion; section: number; index: number }[] {
  return sections.flatMap((section, s) =>
    section.kind === 'other' && sections.some((x) => x.kind !== 'other')
      ? []
      : section.items.flatMap((item, index) =>
          item.marks.some((m) => m.kind === 'threshold') ? [{ item, section: s, index }] : [],
        ),
  );
}
