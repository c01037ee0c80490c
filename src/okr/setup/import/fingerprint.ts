// What Import's preview saw, in a few characters: the confirm reads the tabs again and refuses when
// the fingerprint differs, so what is written is exactly what was previewed. Dates are taken as their
// instant (Sheets returns Date objects; JSON of a Date is its ISO text). Two independent 32-bit FNV-1a
// hashes make an accidental match of two different sheets negligible. Pure.

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
  );
}

/** A short fingerprint of a tab's values (null = no tab). */
export function valuesFingerprint(values: unknown[][] | null): string {
  const text = values === null ? 'null' : canonical(values);
  return `${fnv1a(text, 0x811c9dc5).toString(36)}${fnv1a(text, 0x2f0b3c91).toString(36)}`;
}
