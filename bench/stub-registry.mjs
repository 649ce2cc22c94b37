// The registry as the benches see it: a small, fixed study for any ID, answered through
// `context.route`, so a bench measures the extension, not the network or the records' sizes.
export const stubStudy = (id) => ({
  protocolSection: {
    identificationModule: { nctId: id, briefTitle: `Benchmark trial ${id}` },
    statusModule: { overallStatus: 'RECRUITING', statusVerifiedDate: '2026-10' },
    designModule: {
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE2'],
      enrollmentInfo: { count: 120, type: 'ESTIMATED' },
    },
    eligibilityModule: {
      minimumAge: '18 Years',
      sex: 'ALL',
      eligibilityCriteria: 'Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Pregnancy',
    },
    contactsLocationsModule: {
      locations: [{ facility: 'Site', city: 'Oslo', country: 'Norway', status: 'RECRUITING' }],
    },
  },
  hasResults: false,
});

/** Answers every API v2 request of `context` (lists by `filter.ids`, or one study by its path). */
export function routeStubRegistry(context) {
  return context.route('https://clinicaltrials.gov/**', (route) => {
    const url = new URL(route.request().url());
    const ids = url.searchParams.get('filter.ids')?.split(',') ?? [url.pathname.split('/').pop()];
    const body = url.searchParams.has('filter.ids') ? { studies: ids.map(stubStudy) } : stubStudy(ids[0]);
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
}
