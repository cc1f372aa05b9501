/** Escapes text for XML element content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Stable package identifiers derived only from the unit id, so re-uploads keep learners' tracks. */
export function packageIds(unitId: string) {
  const base = `khienso.${unitId}`;
  return { manifest: base, organization: `${base}.org`, item: `${base}.item`, resource: `${base}.sco`, primaryObjective: `${base}.mastery` };
}
