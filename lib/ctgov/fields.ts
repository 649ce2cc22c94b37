/**
 * The `fields` we ask the API for: exactly what the card shows, nothing else. Dotted JSON paths (the
 * form BioMCP's production client uses), named down to the leaves the card reads, so that unused
 * parts of a module (the organisation, design details, submission dates, overall officials, the
 * summary, results) are never downloaded: on the recorded real records this is about 15% of the full
 * record's bytes (bench/README.md). Piece names (`StartDate`) are not used: they return bare leaves,
 * dropping whether a date is an estimate. An unknown name is a 400 for the whole request, so every
 * path here is checked against the API's OpenAPI spec by a test.
 */
const identification = ['nctId', 'nctIdAliases', 'briefTitle', 'officialTitle', 'acronym'];
const status = [
  'statusVerifiedDate',
  'overallStatus',
  'lastKnownStatus',
  'whyStopped',
  'startDateStruct',
  'primaryCompletionDateStruct',
  'completionDateStruct',
  'studyFirstPostDateStruct',
  'lastUpdatePostDateStruct',
  'resultsFirstPostDateStruct',
];
const eligibility = [
  'eligibilityCriteria',
  'healthyVolunteers',
  'sex',
  'genderBased',
  'genderDescription',
  'minimumAge',
  'maximumAge',
  'stdAges',
];

const inModule = (module: string, names: string[]) =>
  names.map((name) => `protocolSection.${module}.${name}`);

/** What both the card and the full view ask for. */
const SHARED_FIELDS: readonly string[] = [
  ...inModule('identificationModule', identification),
  ...inModule('statusModule', status),
  ...inModule('sponsorCollaboratorsModule', ['leadSponsor', 'collaborators']),
  ...inModule('conditionsModule', ['conditions']),
  ...inModule('designModule', ['studyType', 'phases', 'enrollmentInfo']),
  // The arms say which intervention is the one under test (the experimental arm's).
  ...inModule('armsInterventionsModule', ['interventions', 'armGroups']),
  ...inModule('eligibilityModule', eligibility),
  ...inModule('contactsLocationsModule', ['centralContacts', 'locations']),
  'hasResults',
  'derivedSection.miscInfoModule.versionHolder',
];

export const STUDY_FIELDS: readonly string[] = [
  ...SHARED_FIELDS,
  // Only each reference's kind: the card counts the publications of results (a few bytes each); the
  // full view asks for the citations. A leaf inside a list, as the recorded `LocationCity` requests do.
  'protocolSection.referencesModule.references.type',
];

/**
 * The full trial view asks for more, for one trial at a time: the summary, the design, the keywords,
 * the sponsor's and other registries' IDs, the publications. Still no results section: the view links
 * to the registry's results tab instead.
 */
export const DETAIL_FIELDS: readonly string[] = [
  ...SHARED_FIELDS,
  ...inModule('identificationModule', ['orgStudyIdInfo', 'secondaryIdInfos']),
  'protocolSection.conditionsModule.keywords',
  'protocolSection.descriptionModule.briefSummary',
  'protocolSection.designModule.designInfo',
  'protocolSection.referencesModule.references',
];
