/**
 * zod schemas for the parts of a ClinicalTrials.gov API v2 study that we use (spec: `ctg-oas-v2.yaml`,
 * schema `Study`). Runs in the background only: zod never ships in the content script.
 *
 * Tolerant by design, because thousands of sponsors write these records and the API adds fields:
 * - unknown keys are ignored (zod objects strip them);
 * - every field but the study's own ID is optional, and a field of the wrong type is dropped (read as
 *   absent) instead of failing the whole study: one odd value must not hide the rest of a trial;
 * - enum values are kept as text, so a status the API adds tomorrow is shown, not rejected;
 * - a malformed item in a list (one bad location) is dropped, the others kept.
 * Only a study without a valid `nctId` is rejected.
 */
import { z } from '@/lib/zod';
import { nctIdSchema } from '../nct.schema';

/** An optional field: absent, or present with the wrong type, both read as `undefined`. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** A list whose malformed items are dropped one by one; a non-list reads as empty. */
function lenientList<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

const text = z.string();
/** `yyyy`, `yyyy-MM` or `yyyy-MM-dd` (spec `PartialDate`). */
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const dateStruct = z.object({ date: partialDate, type: optional(text) });

const contact = z.object({
  name: optional(text),
  role: optional(text),
  phone: optional(text),
  phoneExt: optional(text),
  email: optional(text),
});

const location = z.object({
  facility: optional(text),
  status: optional(text),
  city: optional(text),
  state: optional(text),
  zip: optional(text),
  country: optional(text),
  contacts: lenientList(contact),
  geoPoint: optional(z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })),
});

export const studySchema = z.object({
  protocolSection: z.object({
    identificationModule: z.object({
      // The one field we cannot do without: it is how a study is matched to the ID on the page.
      nctId: nctIdSchema,
      nctIdAliases: lenientList(text),
      briefTitle: optional(text),
      officialTitle: optional(text),
      acronym: optional(text),
      orgStudyIdInfo: optional(z.object({ id: optional(text) })),
      secondaryIdInfos: lenientList(
        z.object({ id: text, type: optional(text), domain: optional(text), link: optional(text) }),
      ),
    }),
    statusModule: optional(
      z.object({
        statusVerifiedDate: optional(partialDate),
        overallStatus: optional(text),
        lastKnownStatus: optional(text),
        whyStopped: optional(text),
        startDateStruct: optional(dateStruct),
        primaryCompletionDateStruct: optional(dateStruct),
        completionDateStruct: optional(dateStruct),
        studyFirstPostDateStruct: optional(dateStruct),
        lastUpdatePostDateStruct: optional(dateStruct),
        resultsFirstPostDateStruct: optional(dateStruct),
      }),
    ),
    sponsorCollaboratorsModule: optional(
      z.object({
        leadSponsor: optional(z.object({ name: optional(text), class: optional(text) })),
        collaborators: lenientList(z.object({ name: text, class: optional(text) })),
      }),
    ),
    descriptionModule: optional(z.object({ briefSummary: optional(text) })),
    conditionsModule: optional(z.object({ conditions: lenientList(text), keywords: lenientList(text) })),
    designModule: optional(
      z.object({
        studyType: optional(text),
        phases: lenientList(text),
        enrollmentInfo: optional(z.object({ count: z.number().int().nonnegative(), type: optional(text) })),
        designInfo: optional(
          z.object({
            allocation: optional(text),
            interventionModel: optional(text),
            primaryPurpose: optional(text),
            observationalModel: optional(text),
            timePerspective: optional(text),
            maskingInfo: optional(z.object({ masking: optional(text), whoMasked: lenientList(text) })),
          }),
        ),
      }),
    ),
    armsInterventionsModule: optional(
      z.object({
        interventions: lenientList(
          z.object({
            type: optional(text),
            name: text,
            description: optional(text),
            otherNames: lenientList(text),
            armGroupLabels: lenientList(text),
          }),
        ),
        armGroups: lenientList(
          z.object({
            label: text,
            type: optional(text),
            description: optional(text),
            interventionNames: lenientList(text),
          }),
        ),
      }),
    ),
    eligibilityModule: optional(
      z.object({
        eligibilityCriteria: optional(text),
        healthyVolunteers: optional(z.boolean()),
        sex: optional(text),
        genderBased: optional(z.boolean()),
        genderDescription: optional(text),
        minimumAge: optional(text),
        maximumAge: optional(text),
        stdAges: lenientList(text),
      }),
    ),
    contactsLocationsModule: optional(
      z.object({
        centralContacts: lenientList(contact),
        locations: lenientList(location),
      }),
    ),
    referencesModule: optional(
      z.object({
        references: lenientList(
          z.object({ pmid: optional(text), type: optional(text), citation: optional(text) }),
        ),
      }),
    ),
  }),
  hasResults: optional(z.boolean()),
  derivedSection: optional(
    z.object({ miscInfoModule: optional(z.object({ versionHolder: optional(partialDate) })) }),
  ),
});

export type Study = z.infer<typeof studySchema>;
export type StudyContact = z.infer<typeof contact>;
export type StudyLocation = z.infer<typeof location>;

/** `GET /studies` (spec `PagedStudies`). Studies are parsed one by one so a bad one fails alone. */
export const pagedStudiesSchema = z.object({
  studies: z.array(z.unknown()),
  nextPageToken: optional(text),
  totalCount: optional(z.number()),
});
