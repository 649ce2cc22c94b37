// Writes lib/places/cities.json: the world cities of the `city-timezones` package (a dev dependency),
// slimmed to what the settings page's offline place search needs. One row per city:
// [name, ascii name, province, country, lat, lon, population]; coordinates rounded to 3 decimals
// (~100 m, finer than the registry's own site geocoding). Run: node scripts/gen-cities.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = require.resolve('city-timezones/data/cityMap.json');
const cities = JSON.parse(readFileSync(source, 'utf8'));
const round = (n) => Math.round(n * 1000) / 1000;
const rows = cities.map((c) => [
  c.city,
  c.city_ascii === c.city ? '' : c.city_ascii,
  c.province ?? '',
  c.country,
  round(c.lat),
  round(c.lng),
  c.pop ?? 0,
]);
const out = new URL('../lib/places/cities.json', import.meta.url);
writeFileSync(out, JSON.stringify(rows) + '\n');
console.log(
  `${rows.length} cities → ${out.pathname} (${(JSON.stringify(rows).length / 1024).toFixed(0)} kB)`,
);
