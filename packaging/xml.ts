/** Escapes text for XML element content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Stable package identifiers derived only from the unit id, so re-uploads keep learners' tracks. */
export function packageIds(unitId: string) {
  const base = `khienso.${unitId}`;
  return { manifest: base, organization: `${base}.org`, item: `${base}.item`, resource: `${base}.sco`, primaryObjective: `${base}.mastery` };
}

/** The <file> elements of a SCO resource: every file the lesson needs, sorted. */
export function fileElements(content: Map<string, unknown>): string {
  return [...content.keys()].sort().map((f) => `      <file href="${xmlEscape(f)}"/>`).join('\n');
}

/** Copies the official schema files a manifest references into the package; a missing one is a packaging bug. */
export function addSchemas(files: Map<string, string | Uint8Array>, names: string[], xsds: Map<string, string | Uint8Array>): void {
  for (const name of names) {
    const xsd = xsds.get(name);
    if (!xsd) throw new Error(`official schema file ${name} is missing from packaging/xsd`);
    files.set(name, xsd);
  }
}
