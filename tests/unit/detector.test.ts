// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDetector, type Detector } from '@/lib/scan/detector';

let detector: Detector | undefined;
afterEach(() => {
  detector?.stop();
  detector = undefined;
  document.body.innerHTML = '';
});

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
  it.each([
    ['an ID in the text', '<p>Registered as NCT06056921.</p>'],
    ['an ID in any spelling the grammar accepts', '<p>trial nct 06056921</p>'],
    ['an ID split across elements', '<p><b>NCT</b>06056921</p>'],
    [
      'a registry link without an ID in its text',
      '<a href="https://clinicaltrials.gov/study/NCT06056921">the trial</a>',
    ],
  ])('yes, for %s: once, after it returns', async (_name, html) => {
    const { onFound, flush } = detect(html);
    expect(onFound).not.toHaveBeenCalled();
    await flush();
    expect(onFound).toHaveBeenCalledOnce();
  });

  it.each([
    ['words with the letters', '<p>A distinct function, a sanction at the junction.</p>'],
    ['another registry', '<p>ISRCTN12345678, EudraCT 2020-001234-56, NCT123456789</p>'],
    ['a link elsewhere', '<a href="https://example.org/nct">nct</a>'],
  ])('no, for %s', async (_name, html) => {
    const { onFound, flush } = detect(html);
    await flush();
    expect(onFound).not.toHaveBeenCalled();
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
