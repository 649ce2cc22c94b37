import { describe, expect, it } from 'vitest';
import { findIdsInRuns, type TextRun } from '@/lib/pdf/text-runs';

const runs = (...parts: (string | '\n')[]): TextRun[] => {
  const out: TextRun[] = [];
  for (const part of parts) {
    if (part === '\n') {
      const last = out.at(-1);
      if (last) last.endsLine = true;
    } else out.push({ text: part, endsLine: false });
  }
  return out;
};

/** What each match covers, written as `run:start-end`. */
const covered = (r: TextRun[]) =>
  findIdsInRuns(r).map(({ id, pieces }) => [id, pieces.map((p) => `${p.run}:${p.start}-${p.end}`)]);

describe('IDs in a PDF page’s text runs', () => {
  it.each([
    ['one run', runs('See NCT04431453 for details'), [['NCT04431453', ['0:4-15']]]],
    ['split across two fonts', runs('Trial NCT0', '4431453.'), [['NCT04431453', ['0:6-10', '1:0-7']]]],
    [
      'spaced, the space its own run',
      runs('NCT', ' ', '04431453'),
      [['NCT04431453', ['0:0-3', '1:0-1', '2:0-8']]],
    ],
    [
      'prefix at a line end, digits on the next line',
      runs('in trial NCT', '\n', '04431453 was'),
      [['NCT04431453', ['0:9-12', '1:0-8']]],
    ],
    [
      'hyphenated across a line break',
      runs('the trial NCT0443-', '\n', '1453 enrolled'),
      [['NCT04431453', ['0:10-17', '1:0-4']]],
    ],
    [
      'a hyphen separator at a line end',
      runs('NCT-', '\n', '04431453'),
      [['NCT04431453', ['0:0-4', '1:0-8']]],
    ],
    [
      'two IDs in one run, one across runs',
      runs('NCT00000001 and NCT0000', '0002'),
      [
        ['NCT00000001', ['0:0-11']],
        ['NCT00000002', ['0:16-23', '1:0-4']],
      ],
    ],
    ['across three runs', runs('N', 'CT0606', '5921'), [['NCT06065921', ['0:0-1', '1:0-6', '2:0-4']]]],
  ])('%s', (_name, input, expected) => {
    expect(covered(input)).toEqual(expected);
  });

  it.each([
    ['nine digits across runs', runs('NCT0443', '14539')],
    ['hyphenated digits that make nine', runs('NCT0443-', '\n', '14539')],
    ['a hyphen inside a line is not a word break', runs('NCT0443-1453')],
    ['other registries', runs('ISRCTN', '12345678 and XNCT01234567')],
    ['words that contain nct', runs('distinct', ' function 12345678')],
    ['no text', runs()],
  ])('finds nothing in %s', (_name, input) => {
    expect(findIdsInRuns(input)).toEqual([]);
  });

  it('keeps lines apart: the end of one line and the start of the next are not one word', () => {
    // "NCT0443" ends a line without a hyphen: the space a line break reads as keeps it from the digits.
    expect(findIdsInRuns(runs('NCT0443', '\n', '1453'))).toEqual([]);
  });
});
