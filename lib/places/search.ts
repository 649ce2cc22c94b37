/**
 * Finding a typed place offline, in a list of world cities that ships with the extension
 * (`cities.json`, 7,329 cities with coordinates, generated from `city-timezones` by
 * scripts/gen-cities.mjs, loaded by the options page only). Pure: the list is passed in. Nothing typed
 * leaves the browser.
 */

/** One row of cities.json: [name, ascii name ('' when the same), province, country, lat, lon, population]. */
export type CityRow = [string, string, string, string, number, number, number];

export interface City {
  city: string;
  /** The name without accents, when it differs. */
  ascii: string;
  province: string;
  country: string;
  lat: number;
  lon: number;
  pop: number;
}

export function citiesFromRows(rows: readonly CityRow[]): City[] {
  return rows.map(([city, ascii, province, country, lat, lon, pop]) => ({
    city,
    ascii: ascii || city,
    province,
    country,
    lat,
    lon,
    pop,
  }));
}

export interface PlaceMatch {
  label: string;
  lat: number;
  lon: number;
}

/** Folds case and accents, so "sao paulo" finds "São Paulo". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Cities whose name starts with the query (then contains it), largest first. */
export function searchPlaces(cities: readonly City[], query: string, limit = 8): PlaceMatch[] {
  const q = fold(query);
  if (q.length < 2) return [];
  const scored: { city: City; rank: number }[] = [];
  for (const city of cities) {
    const names = [fold(city.city), fold(city.ascii)];
    const rank = names.some((n) => n.startsWith(q)) ? 0 : names.some((n) => n.includes(q)) ? 1 : -1;
    if (rank >= 0) scored.push({ city, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || b.city.pop - a.city.pop);
  const seen = new Set<string>();
  const matches: PlaceMatch[] = [];
  for (const { city } of scored) {
    const label = [city.city, city.province, city.country]
      .filter((part) => part && part !== city.city)
      .join(', ');
    const full = label.startsWith(city.city) ? label : `${city.city}, ${label}`;
    if (seen.has(full)) continue;
    seen.add(full);
    matches.push({ label: full, lat: city.lat, lon: city.lon });
    if (matches.length >= limit) break;
  }
  return matches;
}
