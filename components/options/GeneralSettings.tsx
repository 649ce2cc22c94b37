import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AUTO_OPEN_PERMISSIONS } from '@/lib/pdf/sites';
import type { CacheInfo } from '@/lib/messaging';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '@/lib/storage/settings';

/** Card timing, chips, prefetching, the badge, sites where the extension is off, the cache. */
export function GeneralSettings({
  cacheInfo,
  clearCache,
}: {
  cacheInfo(): Promise<CacheInfo>;
  clearCache(): Promise<CacheInfo>;
}) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [cache, setCache] = useState<CacheInfo | undefined>();
  const [said, setSaid] = useState('');
  useEffect(() => {
    void loadSettings().then(setSettings);
    void cacheInfo().then(setCache);
  }, []);

  const save = async (change: Partial<Omit<Settings, 'v'>>, message: string) => {
    setSettings(await saveSettings(change));
    setSaid(message);
  };
  // The browser asks the reader, in the click that turned it on; off gives the permission back.
  const togglePdfAutoOpen = async (on: boolean) => {
    if (!on) {
      await browser.permissions.remove({ permissions: AUTO_OPEN_PERMISSIONS.permissions }).catch(() => false);
      return save({ pdfAutoOpen: false }, 'PDFs open in the browser’s own viewer again.');
    }
    const granted = await browser.permissions.request(AUTO_OPEN_PERMISSIONS).catch(() => false);
    if (!granted) {
      setSettings({ ...settings, pdfAutoOpen: false });
      return setSaid('Not turned on: the browser did not give the permission it needs.');
    }
    return save({ pdfAutoOpen: true }, 'PDFs you open will show in the NCT hover cards viewer.');
  };
  const toggle = (key: 'chips' | 'prefetch' | 'badge', label: string) => (
    <label class="check">
      <input
        type="checkbox"
        checked={settings[key]}
        onChange={(e) =>
          void save(
            { [key]: e.currentTarget.checked },
            `${label}: ${e.currentTarget.checked ? 'on' : 'off'}.`,
          )
        }
      />{' '}
      {label}
    </label>
  );
  const delay = (key: keyof Settings['delays'], label: string) => (
    <label class="delay">
      {label}{' '}
      <input
        type="number"
        min={0}
        max={5000}
        step={50}
        value={settings.delays[key]}
        onChange={(e) => {
          const value = e.currentTarget.valueAsNumber;
          if (Number.isFinite(value))
            void save({ delays: { ...settings.delays, [key]: value } }, `${label}: ${value} ms.`);
        }}
      />{' '}
      ms
    </label>
  );

  return (
    <>
      <section aria-labelledby="cards-h">
        <h2 id="cards-h">Cards and pages</h2>
        {toggle('chips', 'Status chips next to IDs')}
        {toggle('prefetch', 'Look up the IDs in view before they are hovered (cards open at once)')}
        {toggle('badge', 'Number of trials on the toolbar button')}
        <h3>Hover timing</h3>
        {delay('fetchDelayMs', 'Look up after the pointer rests for')}
        {delay('showDelayMs', 'Show the card after')}
        {delay('hideDelayMs', 'Keep it after the pointer leaves for')}
      </section>
      <section aria-labelledby="pdf-h">
        <h2 id="pdf-h">PDFs</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.pdfAutoOpen}
            onChange={(e) => void togglePdfAutoOpen(e.currentTarget.checked)}
          />{' '}
          Open PDFs in the NCT hover cards viewer automatically
        </label>
        <p class="muted">
          Turning this on asks the browser to let the extension see which pages you open are PDFs, on every
          site, so that it can show them in its viewer. Nothing is sent anywhere; turning it off gives the
          permission back.
        </p>
      </section>
      <section aria-labelledby="sites-h">
        <h2 id="sites-h">Sites where the extension is off</h2>
        {settings.offSites.length === 0 ? (
          <p class="muted">None. Turn it off on a site from the toolbar popup or a card's ⚙.</p>
        ) : (
          <ul>
            {settings.offSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  onClick={() =>
                    void save(
                      { offSites: settings.offSites.filter((s) => s !== site) },
                      `On again on ${site}.`,
                    )
                  }
                >
                  Turn on again
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="keys-h">
        <h2 id="keys-h">Keyboard</h2>
        <ul>
          <li>Tab to an ID: its card opens. Enter, Space or Alt+↓: into the card. Escape: close it.</li>
          <li>
            Alt+Shift+J / Alt+Shift+K: next / previous trial ID on the page (change in your browser's
            extension shortcuts).
          </li>
          <li>Alt+Shift+U: open the card of the focused ID or the first one in view.</li>
        </ul>
      </section>
      <section aria-labelledby="cache-h">
        <h2 id="cache-h">Saved trial data</h2>
        <p>
          {cache
            ? `${cache.entries.toLocaleString('en')} trials saved, ${(cache.bytes / 1024).toFixed(0)} kB. Kept 30 days at most, refreshed after 12 hours.`
            : '…'}
        </p>
        <button
          type="button"
          onClick={() =>
            void clearCache().then((info) => (setCache(info), setSaid('Saved trial data cleared.')))
          }
        >
          Clear saved trial data
        </button>
      </section>
      <p class="said" role="status">
        {said}
      </p>
    </>
  );
}
