// Deterministic article-like pages for the detection benchmark, with the same shape and parameters
// as the reference figures in ../shared/bench (a 25 kB article with a few IDs; a 2.5 MB page with
// ~2,000 IDs, links, tables, lists and look-alikes; a 2.5 MB page with none).
const VOCABULARY = (
  'participants randomised placebo efficacy safety endpoint cohort adverse events dosing phase ' +
  'enrolment criteria inclusion exclusion disease treatment response median survival hazard ratio ' +
  'interval baseline follow-up'
).split(' ');

function seeded(seed) {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 4294967296;
}

export function generatePage({ sections, parasPerSection, idEvery, seed }) {
  const random = seeded(seed);
  const ids = new Set();
  let count = 0;
  const word = () => {
    count++;
    if (idEvery && count % idEvery === 0) {
      const id = `NCT${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      ids.add(id);
      const r = random();
      if (r < 0.2) return `(${id})`;
      if (r < 0.3) return `<a href="https://clinicaltrials.gov/study/${id}">${id}</a>`;
      if (r < 0.35) return `<b>${id}</b>,`;
      return id;
    }
    if (count % 97 === 0) return `NCT${String(Math.floor(random() * 1e9)).padStart(9, '1')}`;
    if (count % 89 === 0) return `ISRCTN${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    return VOCABULARY[Math.floor(random() * VOCABULARY.length)];
  };
  const paragraph = () => `<p>${Array.from({ length: 60 }, word).join(' ')}.</p>`;
  const row = () => `<tr><td>${word()}</td><td>${word()} ${word()}</td></tr>`;
  const item = () => `<li>${word()} ${word()} ${word()}</li>`;
  let body = '';
  for (let i = 0; i < sections; i++) {
    body += `<section><h2>Section ${i}</h2>`;
    for (let j = 0; j < parasPerSection; j++) body += paragraph();
    if (i % 5 === 0) body += `<table>${Array.from({ length: 10 }, row).join('')}</table>`;
    if (i % 7 === 0) body += `<ul>${Array.from({ length: 8 }, item).join('')}</ul>`;
    body += '</section>';
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><article>${body}</article></body></html>`;
  return { html, ids: [...ids] };
}

export const BENCH_PAGES = {
  'article (25 kB)': generatePage({ sections: 8, parasPerSection: 6, idEvery: 400, seed: 7 }),
  'big (2.5 MB, ~2,000 IDs)': generatePage({ sections: 400, parasPerSection: 12, idEvery: 150, seed: 3 }),
  'no IDs (2.5 MB)': generatePage({ sections: 400, parasPerSection: 12, idEvery: 0, seed: 5 }),
};
