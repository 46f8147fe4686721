/**
 * The ownership marker: what this package stamps on a remote object it
 * creates, so that a create interrupted half way (a killed provider, a lost
 * connection) is recognised by the next `pulumi up` as its own and completed,
 * while a same-named object someone else made is left alone unless the user
 * asks to adopt it. The marker names the Pulumi project, stack and resource;
 * it holds nothing secret.
 */
const prefix = "genesys-eventbridge owner=";

/** The marker of one resource: `<project>/<stack>/<name>`, each part percent-encoded. */
export function ownerMarker(project: string, stack: string, resourceName: string): string {
  return [project, stack, resourceName].map(encodeURIComponent).join("/");
}

/** The text stored in a free-form field (an integration's notes) to carry `marker`. */
export function ownerNote(marker: string): string {
  return `Managed by genesys-eventbridge. ${prefix}${marker}`;
}

/** The marker a free-form field carries; `undefined` when it carries none. */
export function ownerFromNote(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  const at = note.indexOf(prefix);
  if (at < 0) return undefined;
  const marker = note.slice(at + prefix.length).split(/\s/, 1)[0];
  return marker === "" ? undefined : marker;
}
