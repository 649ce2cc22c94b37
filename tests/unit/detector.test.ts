// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOINED_TEXT_MAX_ELEMENTS, createDetector, type Detector } from '@/lib/scan/detector';

let detector: Detector | undefined;
afterEach(() => {
  detector?.stop();
  detector = undefined;
  document.body.innerHTML = '';
});

/**
 * happy-dom has no XPath. The detector asks it one thing, the document's text (`string(/)`, XPath's
 * string value of the root: every text node's, in document order), which this gives as browsers do.
 * (The browsers' own answer is checked by the E2E suites: small frames take this path.)
 */
const evaluate = vi.fn((expression: string, context: Node) => {
  if (expression !== 'string(/)' || context !== document) throw new Error(`not supported: ${expression}`);
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text += (node as Text).data;
  return { stringValue: text } as XPathResult;
});
beforeAll(() => {
  expect(document.evaluate).toBeUndefined();
  document.evaluate = evaluate;
});
afterAll(() => {
  delete (document as Partial<Document>).evaluate;
});

/** Elements enough to make a document large: the detector then walks its text nodes one by one. */
const LARGE = '<i></i>'.repeat(JOINED_TEXT_MAX_ELEMENTS + 1);

/** Starts the detector on the page as it is; batches of the page's changes run when `flush` is called. */
function detect(html: string) {
  document.body.innerHTML = html;
  const onFound = vi.fn();
  const batches: (() => void)[] = [];
  detector = createDetector(document, { onFound, scheduleBatch: (run) => batches.push(run) });
  const flush = async () => {
    // MutationObserver callbacks run as microtasks.
    await new Promise((resolve) => setTimeout(resolve, 0));
    batches.splice(0).forEach((run) => run());
  };
  return { onFound, flush };
}

describe('the eager detector: does the page name a trial?', () => {
  // Each case in a small document (its text read joined) and a large one (walked node by node).
  const inBothSizes = (cases: [string, string][]) =>
    (['small', 'large'] as const).flatMap((size) =>
      cases.map(([name, html]) => [name, size, size === 'large' ? LARGE + html : html]),
    );
  const yes: [string, string][] = [
    ['an ID in the text', '<p>Registered as NCT06056921.</p>'],
    ['an ID in any spelling the grammar accepts', '<p>trial nct 06056921</p>'],
    ['an ID split across elements', '<p><b>NCT</b>06056921</p>'],
    ['an ID split before its separator', '<p><b>NCT</b> 06056921</p>'],
    ['an ID split after its separator', '<p>NCT-<b>06056921</b></p>'],
    ['an ID split in its digits', '<p>NCT0605<i>6921</i></p>'],
    [
      'an ID whose cell runs into the next one in the joined text',
      '<table><tr><td>NCT06056921</td><td>2019</td></tr></table>',
    ],
    ['an ID after a paragraph ending in a letter', '<p>See the registry</p><p>NCT06056921</p>'],
    ['an ID after a look-alike', '<p>NCT123456789</p><p>NCT06056921</p>'],
    [
      'a registry link without an ID in its text',
      '<a href="https://clinicaltrials.gov/study/NCT06056921">the trial</a>',
    ],
  ];
  it.each(inBothSizes(yes))(
    'yes, for %s (%s document): once, after it returns',
    async (_name, _size, html) => {
      const { onFound, flush } = detect(html);
      expect(onFound).not.toHaveBeenCalled();
      await flush();
      expect(onFound).toHaveBeenCalledOnce();
    },
  );

  const no: [string, string][] = [
    ['words with the letters', '<p>A distinct function, a sanction at the junction.</p>'],
    ['another registry', '<p>ISRCTN12345678, EudraCT 2020-001234-56, NCT123456789</p>'],
    [
      'look-alikes glued to the cells beside them',
      '<table><tr><td>X</td><td>NCT123456789</td><td>x</td></tr></table>',
    ],
    ['a link elsewhere', '<a href="https://example.org/nct">nct</a>'],
    ['the letters, then a new line and the digits', '<p><b>NCT</b>\n06056921</p>'],
    ['the letters, then a word ending in digits', '<p><b>NCT</b>x06056921</p>'],
  ];
  it.each(inBothSizes(no))('no, for %s (%s document)', async (_name, _size, html) => {
    const { onFound, flush } = detect(html);
    await flush();
    expect(onFound).not.toHaveBeenCalled();
  });

  it('finds an ID split across elements with an empty text node between its pieces (a large document)', async () => {
    // Frameworks leave empty text nodes as placeholders; the walk looks past them for the node before.
    document.body.innerHTML = `${LARGE}<p id="p"><b>NCT</b></p>`;
    const p = document.getElementById('p');
    p?.append(document.createTextNode(''), '06056921');
    const onFound = vi.fn();
    detector = createDetector(document, { onFound, scheduleBatch: () => undefined });
    await Promise.resolve();
    expect(p?.childNodes).toHaveLength(3);
    expect(onFound).toHaveBeenCalledOnce();
  });

  it('reads the text of a small document joined, and walks a large one node by node', async () => {
    evaluate.mockClear();
    const small = detect('<p>Nothing here.</p>');
    await small.flush();
    expect(evaluate).toHaveBeenCalledOnce();
    detector?.stop();

    evaluate.mockClear();
    const large = detect(`${LARGE}<p>Nothing here.</p>`);
    await large.flush();
    expect(evaluate).not.toHaveBeenCalled();
    expect(small.onFound).not.toHaveBeenCalled();
    expect(large.onFound).not.toHaveBeenCalled();
  });

  it('looks at a page without an ID without asking for any element (each costs a frame a lot)', async () => {
    // In a browser, the first element a content script touches builds the element interfaces for its
    // world: on a small frame, more than the whole look. The look asks the document only. (Not
    // `documentElement`: happy-dom's own querySelector reads it.)
    const getters = ['body', 'head'].flatMap((name) => {
      for (let proto: object | null = document; proto; proto = Object.getPrototypeOf(proto)) {
        if (Object.getOwnPropertyDescriptor(proto, name)?.get)
          return [vi.spyOn(proto as Document, name as 'body', 'get')];
      }
      return [];
    });
    try {
      expect(getters).toHaveLength(2);
      document.body.innerHTML =
        '<p>A distinct function at the junction.</p><a href="https://example.org/">x</a>';
      getters.forEach((getter) => getter.mockClear());
      const onFound = vi.fn();
      detector = createDetector(document, { onFound, scheduleBatch: () => undefined });
      await Promise.resolve();
      expect(onFound).not.toHaveBeenCalled();
      for (const getter of getters) expect(getter).not.toHaveBeenCalled();
    } finally {
      // A failed expectation must not leave the spies on the document's prototypes for later tests.
      getters.forEach((getter) => getter.mockRestore());
    }
  });

  it("finds an ID in the page's title too (the scanner, loaded then, marks only the body's)", async () => {
    const title = document.createElement('title');
    title.textContent = 'NCT06056921 | Study record';
    document.head.append(title);
    try {
      const { onFound, flush } = detect('<p>Nothing here.</p>');
      await flush();
      expect(onFound).toHaveBeenCalledOnce();
    } finally {
      title.remove();
    }
  });

  it('finds an ID added later, as text, element or registry link, and stops watching then', async () => {
    for (const add of [
      (p: HTMLElement) => p.append(document.createTextNode('see NCT06056921')),
      (p: HTMLElement) => (p.innerHTML = '<span>see <i>NCT06056921</i></span>'),
      (p: HTMLElement) => (p.innerHTML = '<a href="https://clinicaltrials.gov/study/NCT06056921">it</a>'),
      (p: HTMLElement) => {
        p.innerHTML = '<b>NCT</b>';
        p.append('06056921');
      },
    ]) {
      const { onFound, flush } = detect('<p id="p">Nothing yet.</p>');
      const p = document.getElementById('p');
      if (!p) throw new Error('no p');
      add(p);
      await flush();
      expect(onFound).toHaveBeenCalledOnce();
      p.append(' NCT00000001');
      await flush();
      expect(onFound).toHaveBeenCalledOnce();
      detector?.stop();
    }
  });

  it('finds an ID in a change of many nodes at once, and an ID completed by a text node', async () => {
    const many = detect('<div id="feed"></div>');
    const items = Array.from({ length: 100 }, (_, i) => {
      const item = document.createElement('div');
      item.textContent = i === 70 ? 'NCT06056921' : `tick ${i}`;
      return item;
    });
    document.getElementById('feed')?.append(...items);
    await many.flush();
    expect(many.onFound).toHaveBeenCalledOnce();
    detector?.stop();

    const split = detect('<p id="p">NCT</p>');
    document.getElementById('p')?.append('06056921');
    await split.flush();
    expect(split.onFound).toHaveBeenCalledOnce();
  });

  it('finds an ID typed into existing text (a character change)', async () => {
    const { onFound, flush } = detect('<p id="p">draft</p>');
    const text = document.getElementById('p')?.firstChild as Text;
    text.data = 'NCT06056921';
    await flush();
    expect(onFound).toHaveBeenCalledOnce();
  });

  it('skips what the page added and removed again before the batch was read', async () => {
    const { onFound, flush } = detect('<p id="p"></p>');
    const p = document.getElementById('p');
    const span = document.createElement('span');
    span.textContent = 'NCT06056921';
    p?.append(span);
    await new Promise((resolve) => setTimeout(resolve, 0));
    span.remove();
    await flush();
    expect(onFound).not.toHaveBeenCalled();
  });

  it('says nothing once stopped', async () => {
    const { onFound, flush } = detect('<p>NCT06056921</p>');
    detector?.stop();
    await flush();
    document.body.append('NCT00000001');
    await flush();
    expect(onFound).not.toHaveBeenCalled();
  });
});
