/**
 * Study (validated API v2 JSON) → TrialSummary. Pure: no I/O, no clock. Copies what the record says;
 * leaves out what it does not.
 */
import type { Study, StudyContact, StudyLocation } from '../ctgov/schema';
import { eligibilityView } from './eligibility';
import type { Contact, RegistryDate, Site, TrialSummary } from './summary';

/** Drops keys whose value is `undefined`, so summaries stay small and compare cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function registryDate(struct: { date: string; type?: string } | undefined): RegistryDate | undefined {
  return struct ? { date: struct.date, estimated: struct.type === 'ESTIMATED' } : undefined;
}

function toContact(c: StudyContact): Contact {
  const phone = c.phone && c.phoneExt ? `${c.phone} ext. ${c.phoneExt}` : c.phone;
  return compact({ name: c.name, role: c.role, phone, email: c.email });
}

function hasAny(contact: Contact): boolean {
  return Object.keys(contact).length > 0;
}

function toSite(l: StudyLocation): Site {
  return compact({
    facility: l.facility,
    status: l.status,
    city: l.city,
    state: l.state,
    zip: l.zip,
    country: l.country,
    geo: l.geoPoint ? { lat: l.geoPoint.lat, lon: l.geoPoint.lon } : undefined,
    contacts: l.contacts.map(toContact).filter(hasAny),
  });
}

type DesignInfo = NonNullable<NonNullable<Study['protocolSection']['designModule']>['designInfo']>;

function designOf(info: DesignInfo | undefined): TrialSummary['design'] {
  if (!info) return undefined;
  return compact({
    allocation: info.allocation,
    model: info.interventionModel ?? info.observationalModel,
    purpose: info.primaryPurpose,
    masking: info.maskingInfo?.masking,
    whoMasked: info.maskingInfo?.whoMasked ?? [],
  });
}

export function studyToSummary(study: Study): TrialSummary {
  const p = study.protocolSection;
  const id = p.identificationModule;
  const status = p.statusModule;
  const sponsors = p.sponsorCollaboratorsModule;
  const design = p.designModule;
  const eligibility = p.eligibilityModule;
  const contacts = p.contactsLocationsModule;
  const leadSponsorName = sponsors?.leadSponsor?.name;
  return compact({
    nctId: id.nctId,
    aliases: id.nctIdAliases,
    briefTitle: id.briefTitle,
    officialTitle: id.officialTitle,
    acronym: id.acronym,
    briefSummary: p.descriptionModule?.briefSummary,
    status: compact({
      overall: status?.overallStatus,
      lastKnown: status?.lastKnownStatus,
      whyStopped: status?.whyStopped,
      verified: status?.statusVerifiedDate,
      lastUpdatePosted: status?.lastUpdatePostDateStruct?.date,
      firstPosted: status?.studyFirstPostDateStruct?.date,
      resultsFirstPosted: status?.resultsFirstPostDateStruct?.date,
    }),
    phases: design?.phases ?? [],
    studyType: design?.studyType,
    conditions: p.conditionsModule?.conditions ?? [],
    keywords: p.conditionsModule?.keywords ?? [],
    interventions: (p.armsInterventionsModule?.interventions ?? []).map((i) =>
      compact({
        type: i.type,
        name: i.name,
        description: i.description,
        otherNames: i.otherNames,
        arms: i.armGroupLabels,
      }),
    ),
    arms: (p.armsInterventionsModule?.armGroups ?? []).map((a) =>
      compact({
        label: a.label,
        type: a.type,
        description: a.description,
        interventions: a.interventionNames,
      }),
    ),
    design: designOf(design?.designInfo),
    sponsor: leadSponsorName
      ? compact({ name: leadSponsorName, class: sponsors?.leadSponsor?.class })
      : undefined,
    collaborators: (sponsors?.collaborators ?? []).map((c) => c.name),
    enrollment: design?.enrollmentInfo
      ? { count: design.enrollmentInfo.count, estimated: design.enrollmentInfo.type === 'ESTIMATED' }
      : undefined,
    dates: compact({
      start: registryDate(status?.startDateStruct),
      primaryCompletion: registryDate(status?.primaryCompletionDateStruct),
      completion: registryDate(status?.completionDateStruct),
    }),
    hasResults: study.hasResults,
    publications: (p.referencesModule?.references ?? []).flatMap((r) => {
      const kind = r.type === 'RESULT' ? 'result' : r.type === 'DERIVED' ? 'derived' : undefined;
      // Only a PubMed ID of digits makes a link; any other value is dropped, never guessed at.
      const pmid = r.pmid && /^\d{1,9}$/.test(r.pmid) ? r.pmid : undefined;
      return kind ? [compact({ kind, pmid, citation: r.citation })] : [];
    }),
    eligibility: compact({
      minimumAge: eligibility?.minimumAge,
      maximumAge: eligibility?.maximumAge,
      sex: eligibility?.sex,
      genderBased: eligibility?.genderBased,
      genderDescription: eligibility?.genderDescription,
      healthyVolunteers: eligibility?.healthyVolunteers,
      stdAges: eligibility?.stdAges ?? [],
      criteria: eligibility?.eligibilityCriteria,
      ...eligibilityView(eligibility?.eligibilityCriteria),
    }),
    sites: (contacts?.locations ?? []).map(toSite),
    centralContacts: (contacts?.centralContacts ?? []).map(toContact).filter(hasAny),
    orgStudyId: id.orgStudyIdInfo?.id,
    secondaryIds: id.secondaryIdInfos.map((s) => compact({ id: s.id, type: s.type, domain: s.domain })),
    versionHolder: study.derivedSection?.miscInfoModule?.versionHolder,
  });
}
