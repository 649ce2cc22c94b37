/** The viewer's toolbar: open, title, pages, zoom, find, print and download of the original PDF. */
import { useState } from 'preact/hooks';
import type { FindState } from '@/pdf/viewer';

export interface ViewerBarProps {
  title: string;
  ready: boolean;
  page: { page: number; pages: number };
  scale: string;
  find: FindState | undefined;
  /** The PDF as it came (a blob URL), for download and print. */
  original: { url: string; name: string } | undefined;
  onFile(file: File | undefined): void;
  onPage(page: number): void;
  onZoom(value: string): void;
  onZoomBy(steps: number): void;
  onFind(query: string, previous: boolean): void;
  onCloseFind(): void;
}

const ZOOMS: [string, string][] = [
  ['auto', 'Automatic'],
  ['page-width', 'Page width'],
  ['page-fit', 'Whole page'],
  ['0.5', '50%'],
  ['0.75', '75%'],
  ['1', '100%'],
  ['1.25', '125%'],
  ['1.5', '150%'],
  ['2', '200%'],
  ['3', '300%'],
  ['4', '400%'],
];

/** pdf.js's find states, in words (its FindState: 0 found, 1 not found, 2 wrapped, 3 pending). */
function findStatus(find: FindState | undefined, query: string): string {
  if (!find || !query) return '';
  if (find.state === 3) return 'Searching…';
  if (find.state === 1 || find.total === 0) return 'Not found';
  const wrapped = find.state === 2 ? ' (from the top)' : '';
  return `${find.current} of ${find.total}${wrapped}`;
}

/** Prints the original PDF through the browser's own PDF printing, from a hidden frame. */
function printOriginal(url: string) {
  const frame = document.createElement('iframe');
  frame.className = 'pdf-print-frame';
  frame.title = 'PDF to print';
  frame.src = url;
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  document.getElementById('pdf-print-frame')?.remove();
  frame.id = 'pdf-print-frame';
  document.body.append(frame);
}

export function ViewerBar(props: ViewerBarProps) {
  const [query, setQuery] = useState('');
  const { page, pages } = props.page;
  const zoomKnown = ZOOMS.some(([value]) => value === props.scale);
  return (
    <header class="pdf-bar">
      <label class="pdf-button pdf-open">
        Open a PDF
        <input
          type="file"
          accept=".pdf,application/pdf"
          onChange={(e) => props.onFile(e.currentTarget.files?.[0])}
        />
      </label>
      <span class="pdf-title" title={props.title}>
        {props.title}
      </span>
      {props.ready && (
        <>
          <nav class="pdf-group" aria-label="Pages">
            <button
              type="button"
              aria-label="Previous page"
              disabled={page <= 1}
              onClick={() => props.onPage(page - 1)}
            >
              ↑
            </button>
            <label>
              Page{' '}
              <input
                class="pdf-page-number"
                type="number"
                min={1}
                max={pages}
                value={page}
                onChange={(e) => props.onPage(Number(e.currentTarget.value))}
              />
            </label>
            <span> of {pages}</span>
            <button
              type="button"
              aria-label="Next page"
              disabled={page >= pages}
              onClick={() => props.onPage(page + 1)}
            >
              ↓
            </button>
          </nav>
          <div class="pdf-group" role="group" aria-label="Zoom">
            <button type="button" aria-label="Zoom out" onClick={() => props.onZoomBy(-1)}>
              −
            </button>
            <select
              aria-label="Zoom"
              value={zoomKnown ? props.scale : ''}
              onChange={(e) => props.onZoom(e.currentTarget.value)}
            >
              {!zoomKnown && <option value="">{`${Math.round(Number(props.scale) * 100) || ''}%`}</option>}
              {ZOOMS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <button type="button" aria-label="Zoom in" onClick={() => props.onZoomBy(1)}>
              +
            </button>
          </div>
          <form
            class="pdf-group"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              if (query) props.onFind(query, false);
            }}
          >
            <input
              id="pdf-find"
              type="search"
              placeholder="Find in PDF"
              aria-label="Find in PDF"
              value={query}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                if (e.currentTarget.value) props.onFind(e.currentTarget.value, false);
                else props.onCloseFind();
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.shiftKey && query) {
                  e.preventDefault();
                  props.onFind(query, true);
                } else if (e.key === 'Escape') {
                  setQuery('');
                  props.onCloseFind();
                }
              }}
            />
            <button
              type="button"
              aria-label="Previous match"
              disabled={!query}
              onClick={() => props.onFind(query, true)}
            >
              ‹
            </button>
            <button
              type="button"
              aria-label="Next match"
              disabled={!query}
              onClick={() => props.onFind(query, false)}
            >
              ›
            </button>
            <span class="pdf-find-status" role="status">
              {findStatus(props.find, query)}
            </span>
          </form>
          {props.original && (
            <span class="pdf-group">
              <button type="button" onClick={() => props.original && printOriginal(props.original.url)}>
                Print
              </button>
              <a class="pdf-button" href={props.original.url} download={props.original.name}>
                Download
              </a>
            </span>
          )}
        </>
      )}
    </header>
  );
}
