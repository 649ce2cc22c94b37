/**
 * IDs in the text of a PDF page as pdf.js lays it out: a run of text per font and position, a line
 * break where a line ends (DESIGN.md, "PDF viewer"). Pure: the viewer (pdf/) reads the runs from the
 * text layer and wraps the pieces this returns.
 *
 * - Runs are read as one text, so an ID split across runs (`NCT0` in bold + `4431453`) or spaced
 *   (`NCT` + ` ` + `04431453`) is found, and each run's piece of it is returned.
 * - A line break reads as a space (`NCT` at a line's end, its digits on the next line).
 * - A hyphen ending a line between digits (`NCT0443-` / `1453`) is a word break: the two lines are read
 *   joined. Digits cannot hold a hyphen in an ID, so that is the only reading that can give one; when
 *   the joined digits are not exactly eight, the grammar finds nothing (nothing is guessed).
 */
import { findNctIds, type NctId } from '../nct';

export interface TextRun {
  text: string;
  /** A line break follows this run. */
  endsLine: boolean;
}

/** A run's share of one ID: characters `start` to `end` of run `run`. */
export interface RunPiece {
  run: number;
  start: number;
  end: number;
}

export interface RunMatch {
  id: NctId;
  /** In reading order; one piece when the ID sits in one run. */
  pieces: RunPiece[];
}

/** Hyphen-minus, hyphen (U+2010) and soft hyphen (U+00AD): what ends a line in a broken word. */
const LINE_END_HYPHENS = new Set(['-', '\u2010', '\u00AD']);
const DIGIT = /\d/;

export function findIdsInRuns(runs: readonly TextRun[]): RunMatch[] {
  // The page's text as read, and where each of its characters came from (-1: a line break's space).
  let read = '';
  const runOf: number[] = [];
  const offsetOf: number[] = [];
  runs.forEach(({ text, endsLine }, r) => {
    const last = text.at(-1) ?? '';
    const hyphenEnd = endsLine && LINE_END_HYPHENS.has(last);
    const wordBreak = hyphenEnd && DIGIT.test(text.at(-2) ?? '') && DIGIT.test(runs[r + 1]?.text[0] ?? '');
    const kept = wordBreak ? text.length - 1 : text.length;
    read += text.slice(0, kept);
    for (let i = 0; i < kept; i++) {
      runOf.push(r);
      offsetOf.push(i);
    }
    // After a hyphen (`NCT-` / `04431453`, or a broken word) the next line follows directly.
    if (endsLine && !hyphenEnd) {
      read += ' ';
      runOf.push(-1);
      offsetOf.push(-1);
    }
  });

  return findNctIds(read).map(({ id, start, end }) => {
    const pieces: RunPiece[] = [];
    for (let i = start; i < end; i++) {
      const run = runOf[i] ?? -1;
      const offset = offsetOf[i] ?? -1;
      if (run < 0) continue;
      const piece = pieces.at(-1);
      if (piece && piece.run === run && piece.end === offset) piece.end = offset + 1;
      else pieces.push({ run, start: offset, end: offset + 1 });
    }
    return { id, pieces };
  });
}
