// Each person's choice of weekly email, as the weekly run reads it. The run executes as the Lead who
// installed its trigger, and a script cannot read another user's UserProperties, so the choices live
// in document properties, one per person, keyed by their Team email: the run reads them with the
// rest of its properties in its one getProperties() call. Only the person may write their own
// (src/endpoints/emailChoice.ts checks the caller's identity on the server).
import type { EmailChoice } from '../core/model';

export const EMAIL_CHOICES: readonly EmailChoice[] = ['always', 'needed', 'never'];
/** Followed by the person's lower-cased email. */
export const EMAIL_CHOICE_PREFIX = 'okrOwners.weeklyEmail.';
export const DEFAULT_EMAIL_CHOICE: EmailChoice = 'always';

export function emailChoiceKey(email: string): string {
  return EMAIL_CHOICE_PREFIX + email.trim().toLowerCase();
}

/** A stored value read back: anything but a known choice is the default (every week). */
export function parseEmailChoice(raw: string | null | undefined): EmailChoice {
  return (EMAIL_CHOICES as readonly string[]).includes(String(raw))
    ? (raw as EmailChoice)
    : DEFAULT_EMAIL_CHOICE;
}

/** Every stored choice from one properties snapshot, by email. */
export function emailChoicesFrom(all: Record<string, string>): Map<string, EmailChoice> {
  const out = new Map<string, EmailChoice>();
  for (const key of Object.keys(all)) {
    if (key.startsWith(EMAIL_CHOICE_PREFIX))
      out.set(key.slice(EMAIL_CHOICE_PREFIX.length), parseEmailChoice(all[key]));
  }
  return out;
}

/**
 * Whether a person gets this week's email of this kind: never with 'never'; with 'needed' the owner
 * email only when something needs them (`needsThem`), while the leadership digest, which reports
 * on everyone, keeps coming.
 */
export function wantsEmail(
  choice: EmailChoice | undefined,
  kind: 'owner' | 'leadership',
  needsThem: () => boolean,
): boolean {
  const c = choice ?? DEFAULT_EMAIL_CHOICE;
  if (c === 'never') return false;
  if (c === 'needed' && kind === 'owner') return needsThem();
  return true;
}
