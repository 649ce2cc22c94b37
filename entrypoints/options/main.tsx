import '@/components/full-view/index.css';
import { render } from 'preact';
import { OptionsPage } from '@/components/options/OptionsPage';
import { citiesFromRows, type CityRow } from '@/lib/places/search';
import { sendToBackground } from '@/lib/messaging';

// Wiring only: the settings page. The city list is loaded only when the reader searches for a place.
const app = document.getElementById('app');
if (app) {
  render(
    <OptionsPage
      cacheInfo={() => sendToBackground({ type: 'cacheInfo' })}
      clearCache={() => sendToBackground({ type: 'clearCache' })}
      loadCities={async () => citiesFromRows((await import('@/lib/places/cities.json')).default as CityRow[])}
      loadZips={async () => (await import('@/lib/places/us-zips.json')).default}
      locate={() =>
        new Promise((resolve, reject) =>
          navigator.geolocation.getCurrentPosition(
            (position) => resolve({ lat: position.coords.latitude, lon: position.coords.longitude }),
            (error) => reject(new Error(error.message)),
            { timeout: 15_000 },
          ),
        )
      }
    />,
    app,
  );
}
