/**
 * The `fields` we ask the API for: exactly what the card shows, nothing else (no results section, no
 * outcome measures, no detailed description). Dotted JSON paths, the form BioMCP's production client
 * uses; a module path returns the whole module. An unknown name is a 400 for the whole request, so
 * this list is covered by a test against the spec.
 */
export const STUDY_FIELDS = [
  'protocolSection.identificationModule',
  'protocolSection.statusModule',
  'protocolSection.sponsorCollaboratorsModule',
  'protocolSection.descriptionModule.briefSummary',
  'protocolSection.conditionsModule',
  'protocolSection.designModule',
  'protocolSection.armsInterventionsModule.interventions',
  'protocolSection.eligibilityModule',
  'protocolSection.contactsLocationsModule',
  'hasResults',
  'derivedSection.miscInfoModule.versionHolder',
] as const;
