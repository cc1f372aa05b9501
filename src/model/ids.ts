/** Id rules for everything an LMS stores. Ids are ASCII and must never change once published. */
export const UNIT_ID = /^[a-z0-9][a-z0-9-]{2,47}$/;
export const ITEM_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
/** Choice, source, target and step ids: one character, the SCORM 1.2 response format (a–z, 0–9). */
export const OPTION_ID = /^[a-z0-9]$/;
/** Outcome references: ASCII, no spaces, e.g. `TH-G6-D-05`, `CSTA:1B-NI-05`, `DigComp:4.1`. */
export const OUTCOME_CODE = /^[A-Za-z0-9][A-Za-z0-9.:_-]{1,40}$/;

/** True when a string is printable ASCII only. */
export function isAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/** An explanation of why an id is invalid, or undefined when it is fine. */
export function idProblem(id: string, rule: RegExp, what: string): string | undefined {
  if (rule.test(id)) return undefined;
  if (!isAscii(id)) return `${what} "${id}" is not ASCII: LMSes store this id, so use only a–z, 0–9 and "-" (no diacritics)`;
  return `${what} "${id}" does not match ${rule.source}`;
}
