/**
 * The Firefox build in Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core, with the
 * add-on installed as a temporary add-on (`browser.installExtension`).
 *
 * Answering the API: the background's requests are not a page's, so no page-level interception sees
 * them. Firefox is told to send HTTPS through a proxy on loopback; the proxy accepts CONNECT for
 * clinicaltrials.gov only and hands the stream to a local HTTPS server with a throwaway certificate
 * for that name (generated per run), which the browser accepts because the session asks for
 * `acceptInsecureCerts`. Nothing leaves the machine; every other host is refused and logged.
 * A browser that cannot start is a failure, never a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import selfsigned from 'selfsigned';
import { answerRegistry, type RegistryOptions } from '../support/registry-answers';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2');
const PAGES_DIR = path.join(ROOT, 'tests/e2e/pages');
const API_HOST = 'clinicaltrials.gov';

export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (p): p is string => !!p && existsSync(p),
  );
  if (!found) throw new Error('No Firefox found (set FIREFOX_PATH or `apt-get install firefox-esr`).');
  return found;
}

const listen = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
/** Closes a server and, at once, every connection still open to it (a tunnel, a kept-alive socket). */
const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** How long Firefox may take to quit before it is killed. */
const FIREFOX_QUIT_MS = 10_000;

/**
 * Quits Firefox, and kills it if it has not quit in time; resolves to whether it had to be killed.
 * Firefox's shutdown can wait on its own services, and puppeteer's `browser.close()` then never
 * resolves (seen in CI: the suite's closing hook waited out its 120 s with every test passed). A test
 * run must end, so the process is killed, and the run says so.
 */
async function closeOrKill(browser: Browser, quitMs = FIREFOX_QUIT_MS): Promise<boolean> {
  const firefox = browser.process();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    browser.close().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, quitMs))),
  ]);
  clearTimeout(timer);
  const running = !!firefox && firefox.exitCode === null && firefox.signalCode === null;
  if (running) {
    console.warn(`Firefox did not quit within ${quitMs} ms: killing it (pid ${firefox.pid}).`);
    firefox.kill('SIGKILL');
  }
  return running;
}

/**
 * The add-on's address in this session: Firefox gives each install a random UUID unless a preference
 * names it, and the tests need it to open the add-on's own pages (the PDF viewer).
 */
export const ADDON_UUID = '3c1f6a52-8d7e-4d1b-9a3e-5b2c7d9e0f14';
const ADDON_ID = 'nct-hover-cards@example.org';

export interface FirefoxSession {
  browser: Browser;
  /** Origin of the local page server (tests/e2e/pages). */
  origin: string;
  /** The add-on's own pages: `moz-extension://<uuid>`. */
  addonOrigin: string;
  /** Serves `body` at `path` on the page server (any origin may read it), e.g. a PDF. */
  serve(path: string, body: Buffer, type: string): void;
  /** Every API request (path and query) the browser sent to clinicaltrials.gov. */
  apiRequests: string[];
  /** Quits Firefox (killing it after `quitMs`) and the servers; resolves to whether it was killed. */
  close(quitMs?: number): Promise<boolean>;
}

export async function launchFirefox(options: RegistryOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_BUILD}: run \`npm run build:firefox\` first.`);
  }
  const apiRequests: string[] = [];
  const pems = await selfsigned.generate([{ name: 'commonName', value: API_HOST }], {
    notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000),
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: API_HOST }] }],
  });
  const api = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${API_HOST}`);
    apiRequests.push(url.pathname + url.search);
    const answer = answerRegistry(url, options);
    res.writeHead(answer.status, { 'content-type': answer.contentType });
    res.end(answer.body);
  });
  const apiPort = await listen(api);
  const proxy = http.createServer((_req, res) => res.writeHead(403).end());
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    // A CONNECT socket is ours from here (the server no longer handles its errors): a Firefox killed
    // mid-connection resets it, and an unhandled reset would fail the whole run (seen in CI, once).
    socket.on('error', () => socket.destroy());
    const host = (req.url ?? '').split(':')[0] ?? '';
    // Firefox's own services may knock too: only the registry's host is forwarded.
    if (host !== API_HOST) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(apiPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const proxyPort = await listen(proxy);
  const served = new Map<string, { body: Buffer; type: string }>();
  const pages = http.createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]?.slice(1) ?? '';
    const extra = served.get(`/${name}`);
    if (extra) {
      res.writeHead(200, { 'content-type': extra.type, 'access-control-allow-origin': '*' }).end(extra.body);
      return;
    }
    const file = path.join(PAGES_DIR, name);
    if (!/^[\w-]+\.html$/.test(name) || !existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  const pagesPort = await listen(pages);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // HTTPS through our loopback proxy; plain HTTP (the local test pages) goes direct.
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
  });
  /** Firefox first (its connections end with it), then the servers, whatever the run came to. */
  async function shutdown(quitMs = FIREFOX_QUIT_MS): Promise<boolean> {
    const killed = await closeOrKill(browser, quitMs);
    await Promise.all([close(api), close(proxy), close(pages)]);
    return killed;
  }
  try {
    await browser.installExtension(FIREFOX_BUILD);
  } catch (error) {
    await shutdown();
    throw error;
  }
  return {
    browser,
    origin: `http://127.0.0.1:${pagesPort}`,
    addonOrigin: `moz-extension://${ADDON_UUID}`,
    serve: (at, body, type) => void served.set(at, { body, type }),
    apiRequests,
    close: shutdown,
  };
}
