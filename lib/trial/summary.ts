/**
 * `TrialSummary`: our own small, display-ready view of a study. Plain JSON (it is cached and sent
 * between contexts), free of zod and of the API's nesting. Every field is what the record says, or
 * absent when the record does not say it: nothing is guessed or defaulted.
 */
import type { NctId } from '../nct';

/** A registry date (`yyyy`, `yyyy-MM` or `yyyy-MM-dd`) and whether the sponsor marked it as estimated. */
export interface RegistryDate {
  date: string;
  estimated: boolean;
}

export interface Contact {
  name?: string;
  role?: string;
  phone?: string;
  email?: string;
}

export interface Site {
  facility?: string;
  /** Site recruitment status as the registry writes it (e.g. `RECRUITING`). */
  status?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  geo?: { lat: number; lon: number };
  contacts: Contact[];
}

/** A span of a criterion to emphasise: a threshold to check, or a term with a meaning. */
export interface CriterionMark {
  start: number;
  end: number;
  kind: 'threshold' | 'term';
  /** For a term: its index in `eligibility.terms`. */
  term?: number;
}

/** One criterion as written (nested items on following lines), with what the card emphasises in it. */
export interface Criterion {
  text: string;
  marks: CriterionMark[];
}

export interface CriteriaSection {
  kind: 'inclusion' | 'exclusion' | 'other';
  /** The heading as written, without markdown. */
  heading?: string;
  items: Criterion[];
}

export interface TrialSummary {
  nctId: NctId;
  /** Obsolete or duplicate IDs that now point at this record. */
  aliases: string[];
  briefTitle?: string;
  officialTitle?: string;
  acronym?: string;
  briefSummary?: string;
  status: {
    /** Overall status as the registry writes it (e.g. `RECRUITING`, `UNKNOWN`). */
    overall?: string;
    /** For `UNKNOWN`: the status before it lapsed. */
    lastKnown?: string;
    whyStopped?: string;
    /** When the sponsor last confirmed the status (`yyyy-MM`). */
    verified?: string;
    lastUpdatePosted?: string;
    firstPosted?: string;
    resultsFirstPosted?: string;
  };
  /** Registry phase values (`PHASE1`, `NA` …); empty when the record has none (observational). */
  phases: string[];
  studyType?: string;
  conditions: string[];
  keywords: string[];
  interventions: {
    type?: string;
    name: string;
    description?: string;
    otherNames: string[];
    /** The labels of the arms that receive it. */
    arms: string[];
  }[];
  /** Study arms, with the interventions each receives. */
  arms: { label: string; type?: string; description?: string; interventions: string[] }[];
  /** How the study is designed; only in the full view's answers. */
  design?: {
    allocation?: string;
    model?: string;
    purpose?: string;
    masking?: string;
    whoMasked: string[];
  };
  sponsor?: { name: string; class?: string };
  collaborators: string[];
  enrollment?: { count: number; estimated: boolean };
  dates: {
    start?: RegistryDate;
    primaryCompletion?: RegistryDate;
    completion?: RegistryDate;
  };
  /** Absent when the answer did not say (a `fields`-restricted answer without `hasResults`). */
  hasResults?: boolean;
  /**
   * The record's publications of its results: `result` — listed by the sponsor; `derived` — found by
   * ClinicalTrials.gov in PubMed by this trial's ID. The card's answer carries only their kinds (it
   * counts them); the full view's also carries the PubMed ID (only digits make a link) and citation.
   */
  publications: { kind: 'result' | 'derived'; pmid?: string; citation?: string }[];
  eligibility: {
    minimumAge?: string;
    maximumAge?: string;
    sex?: string;
    genderBased?: boolean;
    /** When eligibility is based on gender identity: the sponsor's words on it. */
    genderDescription?: string;
    healthyVolunteers?: boolean;
    stdAges: string[];
    /** The criteria text as written (CommonMark). */
    criteria?: string;
    /** The criteria parsed in the background: sections of items with thresholds and terms marked. */
    sections: CriteriaSection[];
    /** Meanings of the glossary terms these criteria use (plain language, from lib/trial/glossary.ts). */
    terms: { form: string; meaning: string }[];
  };
  sites: Site[];
  centralContacts: Contact[];
  orgStudyId?: string;
  /** IDs in other registries or with funders (EudraCT, ISRCTN, NIH grants …). */
  secondaryIds: { id: string; type?: string; domain?: string }[];
  /** Date of the registry snapshot the record came from. */
  versionHolder?: string;
}
