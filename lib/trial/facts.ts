/**
 * One wording per fact, shared by the card, the full view, the popup and the plain-text exports, so
 * that the same record never reads two ways. Pure: strings and plain data, no JSX.
 */
import type { Contact } from './summary';
import { phaseLabel } from './words';

/** `Phase 1/2`, `Phase: not applicable`, `Early phase 1`; undefined when the record has no phase. */
export function phaseFact(phases: readonly string[]): string | undefined {
  const label = phaseLabel(phases);
  if (!label) return undefined;
  if (label === 'Not applicable') return 'Phase: not applicable';
  return /^\d/.test(label) ? `Phase ${label}` : label;
}

/** Whether the trial takes healthy volunteers, as the registry says; undefined when it does not say. */
export function healthyVolunteersFact(
  accepts: boolean | undefined,
  length: 'full' | 'short' = 'full',
): string | undefined {
  if (accepts === undefined) return undefined;
  if (length === 'short') return accepts ? 'Healthy volunteers accepted' : 'No healthy volunteers';
  return accepts ? 'Accepts healthy volunteers' : 'Does not accept healthy volunteers';
}

/** A contact's parts, with links that carry only a number or an address (nothing else from the record). */
export interface ContactParts {
  name?: string;
  phone?: string;
  /** `tel:` with digits and a leading + only. */
  phoneHref?: string;
  email?: string;
  /** `mailto:` with the address only: a record's `?cc=…&body=…` never reaches a mail client. */
  emailHref?: string;
}

const EMAIL = /^[^\s@?&#<>"]+@[^\s@?&#<>"]+\.[^\s@?&#<>"]+$/;

export function contactParts(contact: Contact): ContactParts {
  const digits = contact.phone?.replace(/[^+\d]/g, '');
  const address = contact.email?.trim().split(/[?#]/)[0];
  return {
    ...(contact.name ? { name: contact.name } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(digits && /\d{3}/.test(digits) ? { phoneHref: `tel:${digits}` } : {}),
    ...(address ? { email: address } : {}),
    ...(address && EMAIL.test(address) ? { emailHref: `mailto:${address}` } : {}),
  };
}

/** A contact on one line: `Dr A. Smith · +1 555 0100 · a@example.org`. */
export function contactText(contact: Contact): string {
  const { name, phone, email } = contactParts(contact);
  return [name, phone, email].filter(Boolean).join(' · ');
}
