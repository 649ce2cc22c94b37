import '@/components/full-view/page.css';
import { render } from 'preact';
import { OptionsPage } from '@/components/options/OptionsPage';
import type { City } from '@/lib/gazetteer';
import { sendToBackground } from '@/lib/messaging';

// Wiring only: the settings page. The city list is loaded only when the reader searches for a place.
const app = document.getElementById('app');
if (app) {
  render(
    <OptionsPage
      cacheInfo={() => sendToBackground({ type: 'cacheInfo' })}
      clearCache={() => sendToBackground({ type: 'clearCache' })}
      loadCities={async () => (await import('city-timezones/data/cityMap.json')).default as City[]}
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
