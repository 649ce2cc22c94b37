// `npm start`: opens a Chromium window with the freshly built extension loaded and a demo article
// served locally, in a throw-away profile. Chromium (Debian's, or set CHROMIUM_PATH) accepts
// --load-extension; branded Google Chrome no longer does, so there use chrome://extensions →
// "Load unpacked" → .output/chrome-mv3 instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const extensionDir = path.resolve('.output/chrome-mv3');
const browser = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (!browser || headlessLinux) {
  const why = browser ? 'No display to open a browser window in.' : 'No Chromium found.';
  console.log(`${why} The extension is built in ${extensionDir}. Load it by hand: chrome://extensions →
Developer mode → "Load unpacked" → that folder; then open demo/index.html.`);
  process.exit(0);
}

const demo = readFileSync('demo/index.html', 'utf8');
const server = http.createServer((_req, res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(demo);
});
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = mkdtempSync(path.join(tmpdir(), 'nct-hover-cards-'));
  console.log(`Chromium with the extension, on ${url} (close the window to stop).`);
  const child = spawn(
    browser,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      url,
    ],
    { stdio: 'inherit' },
  );
  child.on('exit', () => server.close());
});
