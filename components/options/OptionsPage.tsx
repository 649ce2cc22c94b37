import { useEffect, useState } from 'preact/hooks';
import {
  ZIP_PATTERN,
  searchPlaces,
  searchZip,
  type City,
  type PlaceMatch,
  type ZipTable,
} from '@/lib/places/search';
import type { CacheInfo } from '@/lib/messaging';
import { GeneralSettings } from './GeneralSettings';
import { NotesManager } from './NotesManager';
import {
  loadDistanceSettings,
  saveHome,
  saveUnit,
  type HomeLocation,
  type UnitSetting,
} from '@/lib/storage/home';

export interface OptionsPageProps {
  loadCities(): Promise<City[]>;
  /** The US ZIP table, loaded only when a ZIP code is typed. */
  loadZips(): Promise<ZipTable>;
  locate(): Promise<{ lat: number; lon: number }>;
  cacheInfo(): Promise<CacheInfo>;
  clearCache(): Promise<CacheInfo>;
}

/** Settings: cards and pages, sites, keyboard, saved data, home location and unit, notes. */
export function OptionsPage({ loadCities, loadZips, locate, cacheInfo, clearCache }: OptionsPageProps) {
  const [home, setHome] = useState<HomeLocation | undefined>();
  const [unit, setUnit] = useState<UnitSetting>('auto');
  const [query, setQuery] = useState('');
  const [cities, setCities] = useState<City[] | undefined>();
  const [zips, setZips] = useState<ZipTable | undefined>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadDistanceSettings().then((settings) => {
      setHome(settings.home);
      setUnit(settings.unit);
    });
  }, []);

  const choose = async (next: HomeLocation | undefined, message: string) => {
    await saveHome(next);
    setHome(next);
    setQuery('');
    setStatus(message);
  };

  const onSearch = async (text: string) => {
    setQuery(text);
    if (ZIP_PATTERN.test(text)) {
      if (!zips) setZips(await loadZips());
    } else if (!cities && text.trim().length >= 2) setCities(await loadCities());
  };

  const zip = ZIP_PATTERN.test(query);
  const zipMatch = zip && zips ? searchZip(zips, query) : undefined;
  const matches: PlaceMatch[] = zip
    ? zipMatch
      ? [zipMatch]
      : []
    : cities
      ? searchPlaces(cities, query)
      : [];

  return (
    <main class="page">
      <h1>NCT hover cards: settings</h1>
      <GeneralSettings cacheInfo={cacheInfo} clearCache={clearCache} />
      <section aria-labelledby="home-h">
        <h2 id="home-h">Your location, for distances to trial sites</h2>
        <p>
          With a home location set, each card shows the nearest site open to participants and how far it is,
          and can sort sites by distance. <strong>It stays on this computer</strong>: it is never sent
          anywhere, and nothing you type here leaves the browser (places are found in a list of cities that
          comes with the extension).
        </p>
        <p aria-live="polite">
          {home ? (
            <>
              Home: <strong>{home.label}</strong>{' '}
              <span class="muted">
                ({home.lat.toFixed(2)}, {home.lon.toFixed(2)})
              </span>{' '}
              <button type="button" onClick={() => void choose(undefined, 'Home location removed.')}>
                Remove
              </button>
            </>
          ) : (
            'No home location set.'
          )}
        </p>
        <p>
          <button
            type="button"
            onClick={() =>
              void locate()
                .then(({ lat, lon }) =>
                  choose(
                    { v: 1, lat, lon, label: "This device's location", source: 'device' },
                    'Home set to this device’s location.',
                  ),
                )
                .catch((error: Error) => setStatus(`The browser could not give a location: ${error.message}`))
            }
          >
            Use my current location
          </button>
        </p>
        <label>
          Or type a city or a US ZIP code{' '}
          <input type="search" value={query} onInput={(event) => void onSearch(event.currentTarget.value)} />
        </label>
        {matches.length > 0 && (
          <ul class="places" aria-label="Matching places">
            {matches.map((place) => (
              <li key={place.label}>
                <button
                  type="button"
                  onClick={() =>
                    void choose(
                      { v: 1, lat: place.lat, lon: place.lon, label: place.label, source: 'place' },
                      `Home set to ${place.label}.`,
                    )
                  }
                >
                  {place.label}
                </button>
              </li>
            ))}
          </ul>
        )}
        {!zip && query.trim().length >= 2 && cities && matches.length === 0 && (
          <p>No city of that name in the list. A US ZIP code works too.</p>
        )}
        {zip && zips && !zipMatch && <p>No US ZIP code {query.trim()} in the list.</p>}
        <p class="said" role="status">
          {status}
        </p>
      </section>
      <section aria-labelledby="unit-h">
        <h2 id="unit-h">Distance unit</h2>
        <label>
          Show distances in{' '}
          <select
            value={unit}
            onChange={(event) => {
              const next =
                event.currentTarget.value === 'km' || event.currentTarget.value === 'mi'
                  ? event.currentTarget.value
                  : 'auto';
              setUnit(next);
              void saveUnit(next).then(() =>
                setStatus(
                  next === 'auto'
                    ? "Distances follow your browser's language."
                    : `Distances will be shown in ${next === 'km' ? 'kilometres' : 'miles'}.`,
                ),
              );
            }}
          >
            <option value="auto">by my browser's language</option>
            <option value="km">kilometres</option>
            <option value="mi">miles</option>
          </select>
        </label>
      </section>
      <NotesManager now={() => Date.now()} />
    </main>
  );
}
