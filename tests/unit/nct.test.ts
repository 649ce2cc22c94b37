import { describe, expect, it } from 'vitest';
import {
  NCT_IN_TEXT_SOURCE,
  REST_OF_ID_MAX_ASCII,
  continuesIdPiece,
  endsWithIdPiece,
  findNctIds,
  hasNctId,
  idSignInJoinedText,
  isCanonicalNctId,
  nctIdFromHref,
  canonicalRecordId,
  parseNctId,
  recordUrl,
} from '@/lib/nct';

describe('NCT grammar: IDs in running text', () => {
  const cases: [description: string, text: string, ids: string[]][] = [
    ['a plain ID', 'See NCT06056921 for details.', ['NCT06056921']],
    ['lower case, canonicalised', 'see nct06056921', ['NCT06056921']],
    ['mixed case', 'Nct06056921', ['NCT06056921']],
    ['a space between prefix and digits', 'NCT 01234567', ['NCT01234567']],
    ['a hyphen between prefix and digits', 'NCT-01234567', ['NCT01234567']],
    ['a non-breaking space', 'NCT\u00a001234567', ['NCT01234567']],
    ['a narrow no-break space', 'NCT\u202f01234567', ['NCT01234567']],
    ['a non-breaking hyphen', 'NCT\u201101234567', ['NCT01234567']],
    ['in parentheses', '(NCT01234567)', ['NCT01234567']],
    [
      'followed by punctuation',
      'NCT01234567, NCT07654321; NCT11111111.',
      ['NCT01234567', 'NCT07654321', 'NCT11111111'],
    ],
    ['in a URL path', 'clinicaltrials.gov/study/NCT01234567?tab=results', ['NCT01234567']],
    ['after an underscore (file names)', 'protocol_NCT01234567.pdf', ['NCT01234567']],
    ['glued to a following word in extracted text', 'NCT01234567and', ['NCT01234567']],
    ['the same ID twice', 'NCT01234567 and again NCT01234567', ['NCT01234567', 'NCT01234567']],
    ['nine digits: not an ID', 'NCT123456789', []],
    ['seven digits: not an ID', 'NCT1234567', []],
    ['a letter directly before', 'XNCT01234567', []],
    ['a digit directly before', '1NCT01234567', []],
    ['a non-Latin letter directly before', 'éNCT01234567', []],
    ['two separators', 'NCT - 01234567', []],
    ['a slash is not a separator', 'NCT/01234567', []],
    ['ISRCTN', 'ISRCTN12345678', []],
    ['EudraCT', 'EudraCT 2004-000001-11', []],
    ['ACTRN', 'ACTRN12612000123456', []],
    ['ChiCTR', 'ChiCTR2000029308', []],
    ['DRKS', 'DRKS00012345', []],
    ['CTRI', 'CTRI/2020/05/025013', []],
    ['IRCT', 'IRCT20190101042345N1', []],
    ['NCT with letters', 'NCTABCDEFGH', []],
    ['empty text', '', []],
  ];
  it.each(cases)('%s', (_description, text, ids) => {
    expect(findNctIds(text).map((m) => m.id)).toEqual(ids);
  });

  it('reports where each match stands, separators included', () => {
    expect(findNctIds('a NCT 01234567 b')).toEqual([{ id: 'NCT01234567', start: 2, end: 14 }]);
  });

  it('is safe to call repeatedly (no state left in a global regex)', () => {
    expect(findNctIds('NCT01234567')).toHaveLength(1);
    expect(parseNctId('NCT01234567')).toBe('NCT01234567');
    expect(findNctIds('x NCT01234567')).toHaveLength(1);
  });
});

describe('NCT grammar: the fast search finds what the grammar finds', () => {
  // findNctIds searches with an ASCII regex found from the digits and decides the rest by character
  // codes; a plain search with the grammar regex is the reference. The alphabet is heavy in what
  // matters: the letters in any case, digits, separators, letters and numerals of other scripts (`é`,
  // `Ω`, Arabic-Indic `٣`, superscript `²`).
  const alphabet = [
    'n',
    'N',
    'c',
    'C',
    't',
    'T',
    'x',
    '0',
    '1',
    '7',
    '9',
    ' ',
    '-',
    '\u00a0',
    '\u2011',
    'é',
    'Ω',
    '٣',
    '²',
    '\n',
  ];
  /** White space a text may end with (trailing space is skipped before a piece of an ID). */
  const trailing = [' ', '\n', '\t', '\u00a0', '\u3000', '\u2028'];
  function* texts(count: number): Generator<string> {
    let state = 12345;
    // A 32-bit LCG (Math.imul keeps every bit; a plain multiplication would lose the low ones).
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
    for (let i = 0; i < count; i++) {
      let text = '';
      const length = Math.floor(next() * 40);
      while (text.length < length) {
        // Whole IDs, near-misses and single characters.
        const r = next();
        if (r < 0.15)
          text += `${next() < 0.5 ? 'NCT' : 'nCt'}${String(Math.floor(next() * 1e9)).slice(0, 7 + Math.floor(next() * 3))}`;
        else text += alphabet[Math.floor(next() * alphabet.length)];
      }
      yield next() < 0.3 ? text + trailing[Math.floor(next() * trailing.length)] : text;
    }
  }
  const reference = (text: string) =>
    Array.from(text.matchAll(new RegExp(NCT_IN_TEXT_SOURCE, 'giu')), (m) => ({
      id: `NCT${m[1]}`,
      start: m.index,
      end: m.index + m[0].length,
    }));

  // The first piece of an ID split across nodes, at the end of a text, and the way its rest starts: the
  // detector's hints to read on.
  const pieceAtEnd = /(?<![a-z0-9])nct[ \-\u00a0\u202f\u2011]?\d{0,7}\s*$/i;
  const restAtStart = /^[\d \-\u00a0\u202f\u2011]/;

  it('on 20,000 generated texts', () => {
    let withIds = 0;
    let pieces = 0;
    let rests = 0;
    for (const text of texts(20_000)) {
      const expected = reference(text);
      expect(findNctIds(text), JSON.stringify(text)).toEqual(expected);
      expect(hasNctId(text), JSON.stringify(text)).toBe(expected.length > 0);
      expect(endsWithIdPiece(text), JSON.stringify(text)).toBe(pieceAtEnd.test(text));
      expect(continuesIdPiece(text), JSON.stringify(text)).toBe(restAtStart.test(text));
      if (expected.length > 0) withIds++;
      if (pieceAtEnd.test(text)) pieces++;
      if (restAtStart.test(text)) rests++;
    }
    expect(pieces).toBeGreaterThan(500);
    expect(rests).toBeGreaterThan(500);
    // The generated texts cover both answers.
    expect(withIds).toBeGreaterThan(1000);
    expect(withIds).toBeLessThan(19_000);
  });

  it('on 10,000 generated documents, the text of their nodes joined (idSignInJoinedText)', () => {
    // A document's text as the browser joins it: node texts end to end, nothing between them.
    const nodes = texts(20_000);
    const answers = { id: 0, maybe: 0, none: 0 };
    for (let i = 0; i < 10_000; i++) {
      const pieces = Array.from({ length: 2 }, () => nodes.next().value as string);
      const joined = pieces.join('');
      const sign = idSignInJoinedText(joined);
      const name = JSON.stringify(pieces);
      // 'id' exactly when the joined text names an ID by the grammar.
      expect(sign === 'id', name).toBe(reference(joined).length > 0);
      // Never undefined where a node alone names an ID (an ID split across two is in the joined text).
      if (pieces.some((piece) => reference(piece).length > 0)) expect(sign, name).toBeDefined();
      // 'maybe' only where an ID's letters and digits stand together.
      if (sign === 'maybe') expect(joined, name).toMatch(/nct[ \-\u00a0\u202f\u2011]?\d{8}/i);
      answers[sign ?? 'none']++;
    }
    // The generated documents cover the three answers.
    expect(answers.id).toBeGreaterThan(1000);
    expect(answers.maybe).toBeGreaterThan(1000);
    expect(answers.none).toBeGreaterThan(500);
  });
});

describe('NCT grammar: an ID split across text nodes (endsWithIdPiece, continuesIdPiece)', () => {
  it.each([
    ['a piece at the end', 'Registered as NCT', true],
    ['a piece with digits and trailing space', 'Registered as NCT 0605\n  ', true],
    ['a piece ending with its separator', 'Registered as nct-', true],
    ['a piece of seven digits', 'Registered as NCT0605692', true],
    ['a piece after an ID that the full grammar rejects', 'ΩNCT06056921 and NCT', true],
    ['a whole ID (not a piece: eight digits)', 'Registered as NCT06056921', false],
    ['the letters inside words', 'A distinct function at the junction', false],
    ['a piece not at the end', 'NCT 0605 is not over', false],
    ['a prefix glued to a word', 'XNCT', false],
    ['a word ending in t', 'the patient', false],
  ])('ends with a piece: %s', (_name, text, ends) => {
    expect(endsWithIdPiece(text)).toBe(ends);
  });

  it.each([
    ['digits', '06056921 was registered', true],
    ['a space', ' 06056921', true],
    ['a hyphen', '-06056921', true],
    ['a non-breaking space', '\u00a006056921', true],
    ['a narrow no-break space', '\u202f06056921', true],
    ['a non-breaking hyphen', '\u201106056921', true],
    ['a letter', 'and then', false],
    ['punctuation', '. Then', false],
    ['a new line (no separator)', '\n06056921', false],
    ['a letter outside ASCII', 'é', false],
    ['nothing', '', false],
  ])('goes on like the rest of an ID: %s', (_name, text, goesOn) => {
    expect(continuesIdPiece(text)).toBe(goesOn);
  });

  it('goes on like the rest of an ID only from a character the quick test lets through', () => {
    // The detector skips the call for a text starting with an ASCII character above REST_OF_ID_MAX_ASCII.
    for (let code = 0; code <= 0xffff; code++) {
      if (continuesIdPiece(String.fromCharCode(code)))
        expect(code <= REST_OF_ID_MAX_ASCII || code > 0x7f, code.toString(16)).toBe(true);
    }
    expect(continuesIdPiece(String.fromCharCode(REST_OF_ID_MAX_ASCII))).toBe(true);
  });
});

describe('NCT grammar: the text of many nodes joined (idSignInJoinedText)', () => {
  it.each([
    ['an ID', 'Registered as NCT06056921.', 'id'],
    ['an ID glued to the text of the cell before', 'Registry:NCT06056921', 'id'],
    ['an ID followed by the digits of the next cell', 'NCT060569212019', 'maybe'],
    ['an ID after the letters of the paragraph before', 'a first paragraphNCT06056921', 'maybe'],
    ['an ID after a letter of another script', 'ΩNCT06056921', 'maybe'],
    ['a look-alike before an ID', 'NCT123456789 then NCT06056921', 'id'],
    ['only look-alikes', 'NCT123456789, XNCT01234567, ISRCTN12345678', 'maybe'],
    ['the letters inside words, and dates', 'A distinct function on 20240101', undefined],
    ['a piece of an ID only', 'Registered as NCT 0605', undefined],
  ])('%s', (_name, text, sign) => {
    expect(idSignInJoinedText(text)).toBe(sign);
  });
});

describe('NCT grammar: canonical form', () => {
  it.each([
    ['NCT01234567', 'NCT01234567'],
    ['nct01234567', 'NCT01234567'],
    [' NCT-01234567 ', 'NCT01234567'],
    ['NCT01234567x', undefined],
    ['see NCT01234567', undefined],
    ['NCT0123456', undefined],
    ['01234567', undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseNctId(input)).toBe(expected);
  });

  it('accepts only upper-case NCT + 8 digits as canonical', () => {
    expect(isCanonicalNctId('NCT01234567')).toBe(true);
    expect(isCanonicalNctId('nct01234567')).toBe(false);
    expect(isCanonicalNctId('NCT 01234567')).toBe(false);
  });

  it('builds the public record URL', () => {
    expect(recordUrl('NCT06056921')).toBe('https://clinicaltrials.gov/study/NCT06056921');
  });
});

describe('NCT grammar: links to the registry', () => {
  const cases: [href: string, id: string | undefined][] = [
    ['https://clinicaltrials.gov/study/NCT06056921', 'NCT06056921'],
    ['https://clinicaltrials.gov/study/NCT06056921?tab=results#main', 'NCT06056921'],
    ['https://clinicaltrials.gov/study/nct06056921/', 'NCT06056921'],
    ['https://www.clinicaltrials.gov/ct2/show/NCT01234567', 'NCT01234567'],
    ['https://clinicaltrials.gov/ct2/show/record/NCT01234567?view=record', 'NCT01234567'],
    ['http://clinicaltrials.gov/show/NCT01234567', 'NCT01234567'],
    ['https://classic.clinicaltrials.gov/ct2/show/NCT01234567', 'NCT01234567'],
    ['https://clinicaltrials.gov/search?term=NCT01234567', 'NCT01234567'],
    ['https://clinicaltrials.gov/ct2/results?term=NCT01234567&draw=2', 'NCT01234567'],
    ['https://clinicaltrials.gov/search?id=NCT01234567', 'NCT01234567'],
    ['https://clinicaltrials.gov/search?cond=NCT01234567', undefined],
    ['https://clinicaltrials.gov/search?term=cancer', undefined],
    ['https://clinicaltrials.gov/search?term=NCT01234567%20NCT07654321', undefined],
    ['https://clinicaltrials.gov/study/NCT123456789', undefined],
    ['https://clinicaltrials.gov/', undefined],
    ['https://evil-clinicaltrials.gov.example.com/study/NCT01234567', undefined],
    ['https://example.com/study/NCT01234567', undefined],
    ['https://notclinicaltrials.gov/study/NCT01234567', undefined],
    ['javascript:alert(1)//clinicaltrials.gov/study/NCT01234567', undefined],
    ['not a url', undefined],
    // Read without parsing only where that decides the same as parsing.
    ['https://clinicaltrials.gov:8443/study/NCT01234567', 'NCT01234567'],
    ['https://reader@clinicaltrials.gov/study/NCT01234567', 'NCT01234567'],
    ['https://clinicaltrials.gov@evil.example/study/NCT01234567', undefined],
    ['https://clinicaltrials.gov.evil.example/study/NCT01234567', undefined],
    ['HTTPS://ClinicalTrials.GOV/study/NCT01234567', 'NCT01234567'],
    ['https://clinicaltrials.gov/study/NCT01234567/..', undefined],
    ['https://clinicaltrials.gov/study/NCT01234567%2F', undefined],
    ['https://clinicaltrials.gov/study/NCT01234567/extra', undefined],
    ['https://clinicaltrials.gov/study/NCT012345678', undefined],
    ['https://clinicaltrials.gov/studyNCT01234567', undefined],
  ];
  it.each(cases)('%s → %s', (href, id) => {
    expect(nctIdFromHref(href)).toBe(id);
  });

  /** What `link.href` gives for an address written so in a page (the written form where it is no URL). */
  const resolved = (written: string) => {
    try {
      return new URL(written, 'https://news.example/2026/article').href;
    } catch {
      return written;
    }
  };
  const written: string[] = [
    ...cases.map(([href]) => href),
    ' https://clinicaltrials.gov/study/NCT01234567',
    'https://clinicaltrials.gov/study/NCT01234567 ',
    'https://clinicaltrials.gov/study/NCT0123\t4567',
    'https://clinicaltrials.gov/study/NCT0123\n4567',
    'https://clinicaltrials.gov:0443/study/NCT01234567',
    'https://clinicaltrials.gov:99999/study/NCT01234567',
    'https://clinicaltrials.gov./study/NCT01234567',
    'https://clinicaltrials.gov/study/./NCT01234567',
    'https:\\\\clinicaltrials.gov\\study\\NCT01234567',
    '//clinicaltrials.gov/study/NCT01234567',
    '/study/NCT01234567',
    'https://clinicaltrials.gov/study/NCT01234567#overview',
  ];
  it('reads an address as written only where the resolved address names the same trial', () => {
    // `nctIdFromHref(link.href)` is the definition; `canonicalRecordId` of the written form a shortcut.
    const read = written.filter((href) => canonicalRecordId(href) !== undefined);
    for (const href of read) expect(nctIdFromHref(resolved(href)), href).toBe(canonicalRecordId(href));
    expect(read.length).toBeGreaterThanOrEqual(8);
  });
  it('reads the usual written form without resolving it', () => {
    expect(canonicalRecordId('https://clinicaltrials.gov/study/NCT01234567?tab=results')).toBe('NCT01234567');
    expect(canonicalRecordId('https://www.clinicaltrials.gov/ct2/show/NCT01234567')).toBe('NCT01234567');
  });
});
