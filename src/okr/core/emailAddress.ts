// What an email address is, for every consumer: the Team tab's Email column, the Owner cell, the
// sidebar's requests (assign, add) and the weekly mailer. One rule, so a person the Assign dropdown
// offers can always be assigned and mailed.
//
// The rule: a dot-atom local part of RFC 5322's printable characters (letters, digits and
// ! # $ % & ' * + / = ? ^ _ ` { | } ~ . -, so "d.o'neil@…" and "eve+okr@…" are addresses), "@", and
// a domain of dot-separated labels ending in a top-level domain of two or more letters; at most 254
// characters in all (RFC 5321's limit on a forward path). Quoted local parts, IP literals and
// non-ASCII addresses are refused: nobody types them in a Team tab, and MailApp may not deliver them.

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
const MAX_LENGTH = 254;

const EMAIL_ONLY =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i;

/** Whether `text` (trimmed) is exactly one email address. */
export function isEmail(text: string): boolean {
  const value = text.trim();
  return value.length <= MAX_LENGTH && EMAIL_ONLY.test(value);
}
