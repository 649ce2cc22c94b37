/**
 * pdf.js's viewer components, wired for our viewer page: pages drawn lazily with their text layer
 * (selectable, searchable) and link layer, zoom, page navigation, find, outline. Every time pdf.js
 * draws a page's text or links, its IDs are marked (pages far from view are reset by pdf.js and drawn
 * again unmarked when they come back, so marking follows each draw, not each page).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { markLinkLayer, markTextLayer } from './text-layer-marks';
import { assetUrls, loadPdfJs } from './pdfjs';

/** The part of `getOutline()`'s answer the outline shows. */
export interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineItem[];
}

export interface FindState {
  /** pdf.js's FindState: 0 found, 1 not found, 2 wrapped, 3 pending. */
  state: number;
  current: number;
  total: number;
}

export interface ViewerEvents {
  /** Marks made as pages are drawn (wrappers and trial links). */
  onMarked(elements: HTMLElement[]): void;
  onPage(page: number, pages: number): void;
  onScale(scaleValue: string, scale: number): void;
  onFind(state: FindState): void;
}

/** Why a PDF could not be opened: pdf.js's exception names, with a password callback's reason. */
export type OpenFailure = { kind: 'password'; retry: boolean } | { kind: 'damaged'; detail: string };

export interface PdfViewer {
  /**
   * Shows the PDF in `data` (which pdf.js takes over). `password` is asked for when the PDF needs one;
   * undefined from it gives up. Rejects with an {@link OpenFailure}.
   */
  open(
    data: Uint8Array,
    password: (retry: boolean) => Promise<string | undefined>,
  ): Promise<PDFDocumentProxy>;
  goToPage(page: number): void;
  goToDestination(dest: OutlineItem['dest']): void;
  zoom(value: string | number): void;
  zoomBy(steps: number): void;
  find(query: string, previous?: boolean): void;
  closeFind(): void;
  destroy(): Promise<void>;
}

const ZOOM_STEP = 1.1;

export async function createPdfViewer(container: HTMLDivElement, events: ViewerEvents): Promise<PdfViewer> {
  const { lib, viewer: components } = await loadPdfJs();
  const eventBus = new components.EventBus();
  const linkService = new components.PDFLinkService({
    eventBus,
    externalLinkTarget: components.LinkTarget.BLANK,
  });
  const findController = new components.PDFFindController({ eventBus, linkService });
  const viewerDiv = container.querySelector<HTMLDivElement>('.pdfViewer') ?? undefined;
  const pdfViewer = new components.PDFViewer({
    container,
    viewer: viewerDiv,
    eventBus,
    linkService,
    findController,
    // Links in the PDF open in a new tab, the viewer stays.
    enableAutoLinking: true,
  });
  linkService.setViewer(pdfViewer);

  interface LayerEvent {
    source: { div: HTMLElement };
    pageNumber: number;
  }
  const markPage = (selector: string, mark: (layer: HTMLElement) => HTMLElement[]) => (event: LayerEvent) => {
    const layer = event.source.div.querySelector<HTMLElement>(selector);
    if (!layer) return;
    const made = mark(layer);
    if (made.length > 0) events.onMarked(made);
  };
  eventBus.on('textlayerrendered', markPage('.textLayer', markTextLayer));
  eventBus.on('annotationlayerrendered', markPage('.annotationLayer', markLinkLayer));
  // The find bar's highlighting rewrites the runs it highlights, and our marks in them: mark again.
  eventBus.on('updatetextlayermatches', (event: { pageIndex: number }) => {
    const pages = event.pageIndex >= 0 ? [event.pageIndex] : [...Array(pdfViewer.pagesCount).keys()];
    queueMicrotask(() => {
      for (const index of pages) {
        const page = pdfViewer.getPageView(index) as { div?: HTMLElement } | undefined;
        const layer = page?.div?.querySelector<HTMLElement>('.textLayer');
        if (layer) {
          const made = markTextLayer(layer);
          if (made.length > 0) events.onMarked(made);
        }
      }
    });
  });
  eventBus.on('pagechanging', (event: { pageNumber: number }) =>
    events.onPage(event.pageNumber, pdfViewer.pagesCount),
  );
  eventBus.on('pagesinit', () => {
    pdfViewer.currentScaleValue = 'auto';
    events.onPage(1, pdfViewer.pagesCount);
  });
  eventBus.on('scalechanging', (event: { scale: number; presetValue?: string }) =>
    events.onScale(event.presetValue ?? String(event.scale), event.scale),
  );
  const reportFind = (event: { state?: number; matchesCount?: { current: number; total: number } }) =>
    events.onFind({
      state: event.state ?? 0,
      current: event.matchesCount?.current ?? 0,
      total: event.matchesCount?.total ?? 0,
    });
  eventBus.on('updatefindcontrolstate', reportFind);
  eventBus.on('updatefindmatchescount', (event: { matchesCount: { current: number; total: number } }) =>
    reportFind({ state: 0, matchesCount: event.matchesCount }),
  );

  let document: PDFDocumentProxy | undefined;
  let lastQuery = '';

  return {
    async open(data, password) {
      const task = lib.getDocument({ data, ...assetUrls(), isOffscreenCanvasSupported: true });
      task.onPassword = (update: (password: string) => void, reason: number) => {
        const retry = reason === lib.PasswordResponses.INCORRECT_PASSWORD;
        void password(retry).then((given) => {
          if (given === undefined) void task.destroy();
          else update(given);
        });
      };
      try {
        document = await task.promise;
      } catch (error) {
        const name = (error as { name?: string } | null)?.name;
        if (name === 'PasswordException') throw { kind: 'password', retry: false } satisfies OpenFailure;
        throw { kind: 'damaged', detail: String((error as Error)?.message ?? error) } satisfies OpenFailure;
      }
      pdfViewer.setDocument(document);
      linkService.setDocument(document, null);
      return document;
    },
    goToPage(page) {
      if (page >= 1 && page <= pdfViewer.pagesCount) pdfViewer.currentPageNumber = page;
    },
    goToDestination(dest) {
      if (dest) void linkService.goToDestination(dest as string);
    },
    zoom(value) {
      if (typeof value === 'number') pdfViewer.currentScale = value;
      else pdfViewer.currentScaleValue = value;
    },
    zoomBy(steps) {
      const scale = pdfViewer.currentScale * ZOOM_STEP ** steps;
      pdfViewer.currentScale = Math.min(10, Math.max(0.1, Math.round(scale * 100) / 100));
    },
    find(query, previous = false) {
      const type = query === lastQuery ? 'again' : '';
      lastQuery = query;
      eventBus.dispatch('find', {
        source: null,
        type,
        query,
        caseSensitive: false,
        entireWord: false,
        highlightAll: true,
        findPrevious: previous,
        matchDiacritics: false,
      });
    },
    closeFind() {
      lastQuery = '';
      eventBus.dispatch('findbarclose', { source: null });
    },
    async destroy() {
      await document?.loadingTask.destroy();
    },
  };
}
