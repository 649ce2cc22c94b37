// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markedId, marksIn } from '@/lib/scan/mark';
import { createScanner, type Scanner } from '@/lib/scan/scanner';

let scanner: Scanner | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  scanner?.destroy();
  scanner = undefined;
  document.body.innerHTML = '';
});

/** The trial of each element the scanner marked under `root` (marks and links), in document order. */
function marked(root: ParentNode = document.body): string[] {
  return marksIn(root).map((el) => markedId(el) ?? '');
}

async function scanBody(html: string, options: Parameters<typeof createScanner>[1] = {}): Promise<Scanner> {
  document.body.innerHTML = html;
  scanner = createScanner(document, { yieldToPage: () => Promise.resolve(), ...options });
  await scanner.scan(document.body);
  return scanner;
}

/** MutationObserver callbacks run as microtasks; let them run, then wait for the scanner. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await scanner?.idle();
}

describe('scanner: marking', () => {
  it('wraps each ID in one element with the canonical ID, text unchanged', async () => {
    const html = '<p>Trials nct06056921 and NCT 01234567 (NCT-07654321).</p>';
    await scanBody(html);
    expect(marked()).toEqual(['NCT06056921', 'NCT01234567', 'NCT07654321']);
    expect(document.body.textContent).toBe('Trials nct06056921 and NCT 01234567 (NCT-07654321).');
    const marks = document.querySelectorAll('nctref');
    expect(Array.from(marks).map((m) => m.textContent)).toEqual([
      'nct06056921',
      'NCT 01234567',
      'NCT-07654321',
    ]);
  });

  it('makes a mark reachable by keyboard, and announces that it opens a dialog', async () => {
    await scanBody('<p>NCT06056921</p>');
    const mark = document.querySelector('nctref') as HTMLElement;
    expect(mark.tabIndex).toBe(0);
    expect(mark.getAttribute('role')).toBe('button');
    expect(mark.getAttribute('aria-haspopup')).toBe('dialog');
  });

  it('adds no second tab stop inside a link or button', async () => {
    await scanBody('<a href="https://pubmed.example/1">NCT06056921</a><button>NCT01234567</button>');
    expect(marked()).toEqual(['NCT06056921', 'NCT01234567']);
    for (const mark of Array.from(document.querySelectorAll('nctref'))) {
      expect(mark.hasAttribute('tabindex')).toBe(false);
      expect(mark.hasAttribute('role')).toBe(false);
    }
  });

  it('decides each text by its own ancestors, neighbours sharing most of them', async () => {
    await scanBody(
      '<main><section>' +
        '<div role="button"><p>A NCT00000001</p></div><p>B NCT00000002</p>' +
        '<div contenteditable="true"><p>C NCT00000003</p></div><p>D NCT00000004</p>' +
        '<a href="https://clinicaltrials.gov/study/NCT00000005"><b>E NCT00000005 F NCT00000006</b></a>' +
        '<p>G NCT00000005</p>' +
        '</section></main>',
    );
    const marks = Array.from(document.querySelectorAll('nctref'));
    const summary = marks.map((m) => `${markedId(m)}:${m.hasAttribute('tabindex')}`);
    // Not A's tab stop (inside a button role), not C (editable), not E again (its link names it).
    expect(summary).toEqual([
      'NCT00000001:false',
      'NCT00000002:true',
      'NCT00000004:true',
      'NCT00000006:false',
      'NCT00000005:true',
    ]);
  });

  it('marks IDs in tables and lists', async () => {
    await scanBody('<table><tr><td>NCT00000001</td></tr></table><ul><li>NCT00000002</li></ul>');
    expect(marked()).toEqual(['NCT00000001', 'NCT00000002']);
  });

  it.each([
    ['script', '<script>var a = "NCT06056921";</script>'],
    ['style', '<style>/* NCT06056921 */</style>'],
    ['noscript', '<noscript>NCT06056921</noscript>'],
    ['textarea', '<textarea>NCT06056921</textarea>'],
    ['select/option', '<select><option>NCT06056921</option></select>'],
    ['contenteditable', '<div contenteditable="true"><p>NCT06056921</p></div>'],
    ['contenteditable (empty attribute)', '<div contenteditable><b>NCT06056921</b></div>'],
    ['svg text', '<svg><text>NCT06056921</text></svg>'],
    ['template', '<template><p>NCT06056921</p></template>'],
    ['our own card host', '<nct-card><p>NCT06056921</p></nct-card>'],
  ])('never touches %s', async (_name, html) => {
    await scanBody(html, { ownHosts: ['nct-card'] });
    expect(marked()).toEqual([]);
  });

  it('leaves input values alone', async () => {
    await scanBody('<input value="NCT06056921">');
    expect(marked()).toEqual([]);
    expect((document.querySelector('input') as HTMLInputElement).value).toBe('NCT06056921');
  });

  it('ignores look-alikes', async () => {
    await scanBody('<p>NCT123456789 XNCT01234567 ISRCTN12345678 NCT1234567</p>');
    expect(marked()).toEqual([]);
  });

  it('marks a link to a registry record even when its text is not an ID', async () => {
    await scanBody('<a href="https://clinicaltrials.gov/study/NCT06056921?tab=table">the CAR-T trial</a>');
    const link = document.querySelector('a') as HTMLAnchorElement;
    expect(markedId(link)).toBe('NCT06056921');
    expect(link.textContent).toBe('the CAR-T trial');
    expect(link.getAttribute('href')).toBe('https://clinicaltrials.gov/study/NCT06056921?tab=table');
  });

  it('marks registry links however their address is written', async () => {
    await scanBody(
      '<a href="HTTPS://ClinicalTrials.GOV/study/NCT06056921">a</a>' +
        '<a href=" https://www.clinicaltrials.gov/ct2/show/NCT01234567 ">b</a>' +
        '<a href="https://clinicaltrials.gov/search?term=NCT07654321">c</a>' +
        '<a href="https://clinicaltrials.gov/study/NCT06056921/..">d</a>',
    );
    expect(marked()).toEqual(['NCT06056921', 'NCT01234567', 'NCT07654321']);
  });

  it('marks a registry link once, not again for its own text', async () => {
    await scanBody('<a href="https://clinicaltrials.gov/ct2/show/NCT06056921">NCT06056921</a>');
    expect(marked()).toEqual(['NCT06056921']);
    expect(document.querySelector('nctref')).toBeNull();
  });

  it('does not mark search links that name no single trial', async () => {
    await scanBody('<a href="https://clinicaltrials.gov/search?cond=lupus">lupus trials</a>');
    expect(marked()).toEqual([]);
  });

  it('never marks the same text twice', async () => {
    const s = await scanBody('<p>NCT06056921 and NCT01234567</p>');
    await s.scan(document.body);
    await s.scan(document.body);
    expect(marked()).toEqual(['NCT06056921', 'NCT01234567']);
    expect(document.querySelectorAll('nctref nctref')).toHaveLength(0);
  });

  it('stops at the per-page cap and leaves the rest alone', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `NCT${String(i).padStart(8, '0')}`);
    await scanBody(`<p>${ids.join(' ')}</p>`, { maxMarks: 10 });
    expect(marked()).toHaveLength(10);
    expect(document.body.textContent).toBe(ids.join(' '));
  });

  it('splits the work into slices and yields to the page between them', async () => {
    let yields = 0;
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `<p>item ${i} NCT${String(i).padStart(8, '0')}</p>`,
    );
    await scanBody(paragraphs.join(''), {
      sliceMs: 0,
      yieldToPage: () => {
        yields++;
        return Promise.resolve();
      },
    });
    expect(marked()).toHaveLength(400);
    expect(yields).toBeGreaterThan(3);
  });

  it('fills each slice with as many IDs as its time has room to wrap, 1,024 at most', async () => {
    // The clock stands still: walking costs nothing, and so (once measured) does wrapping. The first
    // slice goes by the first estimate of a wrap's cost (8 ms have room for fewer than the cap); the
    // next ones only by the cap.
    vi.spyOn(performance, 'now').mockReturnValue(1000);
    const perSlice: number[] = [];
    let before = 0;
    const s = createScanner(document, {
      sliceMs: 8,
      yieldToPage: () => {
        perSlice.push(s.markCount - before);
        before = s.markCount;
        return Promise.resolve();
      },
    });
    scanner = s;
    document.body.innerHTML = Array.from(
      { length: 3000 },
      (_, i) => `<p>NCT${String(i).padStart(8, '0')}</p>`,
    ).join('');
    await s.scan(document.body);
    perSlice.push(s.markCount - before);
    expect(perSlice[0]).toBeGreaterThanOrEqual(512);
    expect(perSlice[0]).toBeLessThan(1024);
    const first = perSlice[0] ?? 0;
    expect(perSlice).toEqual([first, 1024, 1024, 3000 - first - 2048]);
  });
});

describe('scanner: following the page', () => {
  it('marks content added later (single-page apps, infinite scroll)', async () => {
    const s = await scanBody('<main></main>');
    s.observe(document.body);
    const added = document.createElement('section');
    added.innerHTML = '<p>New: NCT06056921</p>';
    document.querySelector('main')?.append(added);
    document.querySelector('main')?.append(document.createTextNode(' and NCT01234567'));
    await settle();
    expect(marked()).toEqual(['NCT06056921', 'NCT01234567']);
  });

  it('marks an ID among thousands of nodes added at once (read through their parent), once', async () => {
    const s = await scanBody('<main><p>Before: NCT00000001</p><div id="feed"></div></main>');
    s.observe(document.body);
    const items = Array.from({ length: 2000 }, (_, i) => {
      const item = document.createElement('div');
      item.textContent = i === 1500 ? 'NCT06056921' : `tick ${i}`;
      return item;
    });
    document.getElementById('feed')?.append(...items);
    await settle();
    expect(marked()).toEqual(['NCT00000001', 'NCT06056921']);
  });

  it.each([
    ['IDs within other text', 'Trial NCT06056921 and NCT01234567', ['NCT06056921', 'NCT01234567']],
    // Wrapped whole, the text keeps its length: it is the mark's now.
    ['exactly one ID', 'NCT06056921', ['NCT06056921']],
  ])(
    'marks once a text that changed inside content added in the same batch: %s',
    async (_name, text, ids) => {
      const s = await scanBody('<main></main>');
      s.observe(document.body);
      const added = document.createElement('p');
      added.textContent = 'loading…';
      document.querySelector('main')?.append(added);
      // The same text node reaches the scanner twice: changed, and inside the added paragraph.
      (added.firstChild as Text).data = text;
      await settle();
      expect(marked()).toEqual(ids);
      expect(added.textContent).toBe(text);
    },
  );

  it('marks text that changes into an ID', async () => {
    const s = await scanBody('<p id="p">loading…</p>');
    s.observe(document.body);
    const text = document.getElementById('p')?.firstChild as Text;
    text.data = 'Now NCT06056921';
    await settle();
    expect(marked()).toEqual(['NCT06056921']);
  });

  it("follows a framework re-render that replaces a marked element's text", async () => {
    const s = await scanBody('<p id="p">NCT06056921</p>');
    s.observe(document.body);
    const p = document.getElementById('p') as HTMLElement;
    p.textContent = 'NCT01234567';
    await settle();
    expect(marked()).toEqual(['NCT01234567']);
    expect(p.textContent).toBe('NCT01234567');
  });

  it('follows a framework updating, in place, the text node it rendered as exactly one ID', async () => {
    // What React or Vue do for `<td>{trial.id}</td>`: keep the text node they made, later set its data.
    document.body.innerHTML = '<table><tr><td id="cell">NCT06056921</td></tr></table>';
    const cell = document.getElementById('cell') as HTMLElement;
    const rendered = cell.firstChild as Text;
    scanner = createScanner(document, { yieldToPage: () => Promise.resolve() });
    await scanner.scan(document.body);
    scanner.observe(document.body);
    expect(marked()).toEqual(['NCT06056921']);
    rendered.data = 'NCT01234567';
    await settle();
    // Not "NCT01234567NCT06056921": the old ID does not stay behind in a mark of its own.
    expect(cell.textContent).toBe('NCT01234567');
    expect(marked()).toEqual(['NCT01234567']);
  });

  it('leaves no empty text node beside a mark at either end of a text', async () => {
    await scanBody('<p><b>NCT06056921</b> and NCT01234567</p>');
    const empty = [...document.querySelectorAll('p, b')].flatMap((el) =>
      [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent === ''),
    );
    expect(empty).toEqual([]);
    expect(marked()).toEqual(['NCT06056921', 'NCT01234567']);
  });

  it('drops a mark whose text the page rewrote in place', async () => {
    const s = await scanBody('<p>id NCT06056921 here</p>');
    s.observe(document.body);
    const inner = document.querySelector('nctref')?.firstChild as Text;
    inner.data = 'NCT0605692';
    await settle();
    expect(marked()).toEqual([]);
    expect(document.querySelector('p')?.textContent).toBe('id NCT0605692 here');
  });

  it('does not rescan its own changes', async () => {
    const s = await scanBody('<main></main>');
    s.observe(document.body);
    const p = document.createElement('p');
    p.textContent = 'NCT06056921 NCT01234567';
    document.querySelector('main')?.append(p);
    await settle();
    await settle();
    expect(s.markCount).toBe(2);
    expect(marked()).toEqual(['NCT06056921', 'NCT01234567']);
  });

  describe('a link whose address the page changes (a framework reusing the element)', () => {
    const record = (id: string) => `https://clinicaltrials.gov/study/${id}`;

    it('stands for the trial it now points at, not the one it pointed at when marked', async () => {
      const s = await scanBody(`<a id="a" href="${record('NCT06056921')}">View the record</a>`);
      s.observe(document.body);
      const link = document.getElementById('a') as HTMLAnchorElement;
      link.href = record('NCT01234567');
      await settle();
      expect(markedId(link)).toBe('NCT01234567');
      expect(marked()).toEqual(['NCT01234567']);
    });

    it('is no trial any more once it points elsewhere, and keeps none of our attributes', async () => {
      const html = `<a id="a" href="${record('NCT06056921')}">View the record</a>`;
      const s = await scanBody(html);
      s.observe(document.body);
      const link = document.getElementById('a') as HTMLAnchorElement;
      link.setAttribute('href', 'https://pubmed.example/1');
      await settle();
      expect(markedId(link)).toBeUndefined();
      expect(link.outerHTML).toBe('<a id="a" href="https://pubmed.example/1">View the record</a>');
      link.removeAttribute('href');
      link.setAttribute('href', record('NCT07654321'));
      await settle();
      expect(marked()).toEqual(['NCT07654321']);
    });

    it('is marked once it is given a record address after it was added', async () => {
      const s = await scanBody('<a id="a">View the record</a>');
      s.observe(document.body);
      expect(marked()).toEqual([]);
      document.getElementById('a')?.setAttribute('href', record('NCT06056921'));
      await settle();
      expect(marked()).toEqual(['NCT06056921']);
    });

    it('is marked once when the page changes its address and its text together (a table row)', async () => {
      const s = await scanBody(`<a id="a" href="${record('NCT06056921')}">NCT06056921</a>`);
      s.observe(document.body);
      const link = document.getElementById('a') as HTMLAnchorElement;
      (link.firstChild as Text).data = 'NCT01234567';
      link.href = record('NCT01234567');
      await settle();
      // The link names its trial; its own text naming the same is no second mark.
      expect(marked()).toEqual(['NCT01234567']);
      expect(markedId(link)).toBe('NCT01234567');
    });

    it('is left as it is when the page sets the same address again', async () => {
      const onMarked = vi.fn();
      const s = await scanBody(`<a id="a" href="${record('NCT06056921')}">View the record</a>`, { onMarked });
      s.observe(document.body);
      const link = document.getElementById('a') as HTMLAnchorElement;
      link.href = record('NCT06056921');
      await settle();
      expect(markedId(link)).toBe('NCT06056921');
      // Told once, when it was first marked: nothing to prefetch or count again.
      expect(onMarked).toHaveBeenCalledTimes(1);
    });

    it('costs one address read for each of many links that name no trial before or after', async () => {
      const links = Array.from({ length: 500 }, (_, i) => `<a href="https://news.example/${i}">story</a>`);
      const s = await scanBody(`<p>NCT06056921</p>${links.join('')}`);
      s.observe(document.body);
      const queries = vi.spyOn(Element.prototype, 'querySelectorAll');
      const tagQueries = vi.spyOn(Element.prototype, 'getElementsByTagName');
      for (const link of Array.from(document.querySelectorAll('a'))) link.href += '?from=feed';
      await settle();
      expect(queries.mock.calls.length + tagQueries.mock.calls.length).toBeLessThan(10);
      expect(marked()).toEqual(['NCT06056921']);
    });

    it('gives the IDs in a link a tab stop of their own once it is no link', async () => {
      const s = await scanBody('<a id="a" href="https://pubmed.example/1">NCT06056921</a>');
      s.observe(document.body);
      // Inside a link, which is a tab stop already.
      expect(document.querySelector('nctref')?.hasAttribute('tabindex')).toBe(false);
      document.getElementById('a')?.removeAttribute('href');
      await settle();
      expect(marked()).toEqual(['NCT06056921']);
      expect(document.querySelector('nctref')?.getAttribute('tabindex')).toBe('0');
    });

    it('has its text marked or not by the trial it now names', async () => {
      // Its text names the trial it points at: no second mark. Then it points at another trial.
      const s = await scanBody(`<a id="a" href="${record('NCT06056921')}">NCT06056921</a>`);
      s.observe(document.body);
      expect(marked()).toEqual(['NCT06056921']);
      const link = document.getElementById('a') as HTMLAnchorElement;
      link.href = record('NCT01234567');
      await settle();
      expect(marked()).toEqual(['NCT01234567', 'NCT06056921']);
      link.href = record('NCT06056921');
      await settle();
      expect(marked()).toEqual(['NCT06056921']);
      expect(link.textContent).toBe('NCT06056921');
    });
  });

  it('puts the page back as it was when destroyed', async () => {
    const html = '<p>a NCT06056921 b</p><a href="https://clinicaltrials.gov/study/NCT01234567">x</a>';
    const s = await scanBody(html);
    s.observe(document.body);
    s.destroy();
    expect(document.body.innerHTML).toBe(html);
    const p = document.createElement('p');
    p.textContent = 'NCT07654321';
    document.body.append(p);
    await settle();
    expect(marked()).toEqual([]);
  });
});
