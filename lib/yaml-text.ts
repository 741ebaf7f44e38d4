// How a writer's text is written back as a YAML value in a fix, so that pasting the fix
// gives back exactly that text. No dependencies: the check loads it without a YAML parser.

/** `text` as YAML reads it back: plain when it can be, else in double quotes. */
export function yamlScalar(text: string): string {
  const plain = text !== "" && text === text.trim() && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/: |:$| #|[\n\r\t]/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}
