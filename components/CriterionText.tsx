import type { ComponentChildren } from 'preact';
import type { Criterion } from '@/lib/trial/summary';

/**
 * A glossary term: its meaning on hover (title), and written out after it when the reader asked for
 * meanings (one "Explain medical terms" switch per list, not a tab stop per term).
 */
function Term({ text, meaning, explain }: { text: string; meaning: string; explain: boolean }) {
  return (
    <span class="term">
      <span class="term-word" title={meaning}>
        {text}
      </span>
      {explain && <span class="meaning"> ({meaning})</span>}
    </span>
  );
}

/**
 * One criterion in its original wording, with its thresholds emphasised and its glossary terms
 * explained. Each term is explained at its first mark in the item only, to keep tab stops few.
 */
export function CriterionText({
  item,
  terms,
  explain = false,
}: {
  item: Criterion;
  terms: { form: string; meaning: string }[];
  /** Write each term's meaning after it. */
  explain?: boolean;
}) {
  const parts: ComponentChildren[] = [];
  const explained = new Set<number>();
  let at = 0;
  for (const mark of item.marks) {
    if (mark.start < at) continue;
    parts.push(item.text.slice(at, mark.start));
    const text = item.text.slice(mark.start, mark.end);
    const term = mark.term === undefined ? undefined : terms[mark.term];
    if (mark.kind === 'threshold') {
      parts.push(<strong class="threshold">{text}</strong>);
    } else if (term && mark.term !== undefined && !explained.has(mark.term)) {
      explained.add(mark.term);
      parts.push(<Term text={text} meaning={term.meaning} explain={explain} />);
    } else {
      parts.push(text);
    }
    at = mark.end;
  }
  parts.push(item.text.slice(at));
  return <>{parts}</>;
}
