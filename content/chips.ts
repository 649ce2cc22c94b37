/**
 * Status chips after the marks of trials whose data is here, when the reader turned them on.
 */
import type { NctId } from '@/lib/nct';
import { MARK_TAG, marksIn } from '@/lib/scan/mark';
import { statusLabel } from '@/lib/trial/status';
import type { TrialResult } from '@/lib/messaging';
import { removeChips, setChip } from './chips-dom';

export interface ChipsDeps {
  doc: Document;
  result(id: NctId): TrialResult | undefined;
}

export function startChips(deps: ChipsDeps, on: boolean) {
  let enabled = on;
  const update = (id: NctId) => {
    const result = deps.result(id);
    if (!enabled || !result?.ok) return;
    const { label, tone } = statusLabel(result.trial.status.overall);
    for (const mark of marksIn(deps.doc, id)) if (mark.localName === MARK_TAG) setChip(mark, label, tone);
  };
  return {
    update,
    /** Turns chips on or off; on, every trial whose data is here gets its chip. */
    set(next: boolean, ids: Iterable<NctId>) {
      const was = enabled;
      enabled = next;
      if (was && !next) removeChips(deps.doc);
      if (next) for (const id of ids) update(id);
    },
    stop() {
      removeChips(deps.doc);
    },
  };
}
