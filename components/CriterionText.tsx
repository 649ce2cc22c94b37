import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Criterion } from '@/lib/trial/summary';

/** A glossary term: its meaning on hover (title) and on tap or Enter (shown inline, for touch and keyboard). */
function Term({ text, meaning }: { text: string; meaning: string }) {
  const [open, setOpen] = useState(false);
  return (
    <span class="term">
      <button
        type="button"
        class="term-button"
        title={meaning}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {text}
      </button>
      {open && <span class="meaning"> ({meaning})</span>}
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
}: {
  item: Criterion;
  terms: { form: string; meaning: string }[];
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
      parts.push(<Term text={text} meaning={term.meaning} />);
    } else {
      parts.push(text);
    }
    at = mark.end;
  }
  parts.push(item.text.slice(at));
  return <>{parts}</>;
}
