/**
 * Real-browser harness: Debian's Chromium driven by playwright-core, the production build loaded
 * unpacked, test pages served from a local HTTP server, and the registry answered by `context.route`.
 * A browser that cannot start is a failure, never a skip: CI must not go green without these tests.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
const PAGES_DIR = path.join(import.meta.dirname, 'pages');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found (set CHROMIUM_PATH or `apt-get install chromium`): E2E tests cannot run.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Flags that keep headless Chromium quiet on a machine without internet (see the env notes). */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchWithExtension(
  options: { userDataDir?: string; expectWelcome?: boolean } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No production build in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const ownDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'nct-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  if (ownDir || options.expectWelcome) {
    // A fresh profile is a first install: the welcome page must open. Close it, so that tests waiting
    // for a new tab get theirs.
    const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
    const welcome =
      context.pages().find(isWelcome) ??
      (await context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
    await welcome.close();
  }
  return {
    context,
    serviceWorker,
    extensionId,
    async close() {
      await context.close();
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface PageServer {
  origin: string;
  /** A second origin on the same server, for cross-origin frames. */
  otherOrigin: string;
  close(): Promise<void>;
}

/** Serves tests/e2e/pages/*.html, plus any extra routes a test passes. */
export async function servePages(extra: Record<string, string> = {}): Promise<PageServer> {
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]?.slice(1) ?? '';
    const body = extra[name] ?? readPage(name);
    if (body === undefined) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readPage(name: string): string | undefined {
  if (!/^[\w-]+\.html$/.test(name)) return undefined;
  const file = path.join(PAGES_DIR, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
