// How a writer's text is written back as a YAML value in a fix, so that pasting the fix
// gives back exactly that text.
import { isScalar, parseDocument } from "yaml";

/**
 * Whether YAML reads `text`, written plain, back as that same text: not `2020`, `1.5`, `.5`,
 * `1e3`, `0x1F`, `.inf`, `true` or `null`, which chatpost's YAML (1.2, core schema) reads as a
 * number, true/false or nothing. Asked of the yaml package itself rather than a list of forms.
 * `yes`, `no`, `on` and `off` are text there, but true/false to YAML 1.1, which other tools
 * still read (and a writer may take them for true/false): those are not plain text either.
 * A date (`2027-01-01`) is text to chatpost's YAML, and stays plain, as `date:` is written.
 */
export function readsAsText(text: string): boolean {
  const core = parseDocument(text, { prettyErrors: false }).contents;
  if (core === null || !isScalar(core) || core.value !== text) return false;
  const old = parseDocument(text, { version: "1.1", prettyErrors: false }).contents;
  return !(isScalar(old) && (typeof old.value === "boolean" || old.value === null));
}

/** What chatpost's YAML reads `text`, written plain, as, when that is one value and not text: a number, true/false or null. */
function nonTextValue(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { prettyErrors: false });
  const node = doc.contents;
  return doc.errors.length === 0 && isScalar(node) && typeof node.value !== "string" ? { value: node.value } : undefined;
}

/**
 * Whether YAML reads `text`, written plain, as a number that prints as `text` again (`2016`,
 * `39`; not `0123` or `1.50`): where a number is read as its text (a reference's fields), it
 * may be written so.
 */
export function readsAsNumber(text: string): boolean {
  const value = nonTextValue(text)?.value;
  return typeof value === "number" && String(value) === text;
}

/** Whether YAML reads `text`, written plain, as a number, true/false or null: what a writer typed plain (`draft: true`) is meant as such. */
export const readsAsNonText = (text: string): boolean => nonTextValue(text) !== undefined;

/** `text` as YAML reads it back: plain when it can be, else in double quotes. */
export function yamlScalar(text: string): string {
  // What YAML's syntax reads otherwise (`- x`, `a: b`, `x #y`, a leading quote or bracket), then what it reads as no text.
  const plain = text !== "" && text === text.trim() && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/: |:$| #|[\n\r\t]/.test(text) && readsAsText(text);
  return plain ? text : JSON.stringify(text);
}
