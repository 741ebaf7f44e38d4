// Splits a post into front matter and body, and parses the YAML once, keeping
// the position of every node so that a problem can point at its line.
import { isDocument, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Scalar, type YAMLError } from "yaml";
import { fieldPath, type Diagnostic, type Position } from "./diagnostics.ts";
import { splitFrontMatter, type SplitFile } from "./front-matter-split.ts";
import { pastedReferences, withoutPasted } from "./pasted-references.ts";
import { itemsInOneItemRead, withoutRisingLabels, withoutTopicLabel } from "./topic-labels.ts";
import { readsAsNonText, readsAsNumber, yamlScalar } from "./yaml-text.ts";
import { cslField, EMOJI_JOINER, ZERO_WIDTH_CHARS, INVISIBLE_IN_IDENTIFIER, INVISIBLE_IN_NUMBER, INVISIBLE_IN_TEXT, INVISIBLE_VALUE, invisibleName, NBSP, numberEffect, visibleNumber } from "./csl-normalise.ts";

// Here too for the modules that read YAML; the split alone is light (lib/front-matter-split.ts).
export { splitFrontMatter, type SplitFile };

export type Locate = (path: ReadonlyArray<PropertyKey>) => Position;

export interface YamlDocument {
  data: unknown;
  diagnostics: Diagnostic[];
  /** Where the node at `path` starts in the file; the nearest existing parent if it is missing. */
  locate: Locate;
  /**
   * Dotted paths of fields left empty because their value starts with `#`, which YAML
   * reads as a comment (`hashtag: #hcldr`): the schema's message then says why.
   */
  commentedOut: Map<string, string>;
  /**
   * Read with a space added after a field's colon (`title:2026`): its data is what the writer
   * meant, not what YAML reads, so it is never given to Eleventy. An error says so.
   */
  repaired?: boolean;
  /**
   * Dotted paths of values with an invisible character in them, told as an error here: a
   * later check's error on the same value (a hashtag, a zone "not found") has this cause.
   */
  invisibleIn?: ReadonlySet<string>;
}

/** What the caller knows that YAML does not: the schema of the fields. */
export interface ReadOptions {
  /**
   * For a line YAML cannot place (` topics:` one space in below `chat:`, whose
   * `fieldPathOnLine` is `dotted`): the field it is and the words for it, when the schema
   * has it at another level; undefined to keep the general message.
   */
  placeField?: (dotted: string) => { field: string; message: string; fix: string } | undefined;
  /**
   * The fields of the group at `dotted` ("" for the top level, `chat`, `references[0]`): to
   * tell two fields written on one line (`start: … zone: …`) from a value with a colon in it.
   */
  fieldsOf?: (dotted: string) => readonly string[];
  /**
   * For a list written without its field's name (`  - What is next?` right below `  start:`
   * in `chat:`): the dotted path of the field it most likely is, from the group it stands in
   * and its items as written; undefined when the schema cannot tell.
   */
  listField?: (group: string, items: readonly string[]) => string | undefined;
  /**
   * Whether the schema takes `text` as the value at `path` as it stands: a value in curly
   * quotes it takes is warned of here; one it does not is the schema's error to explain.
   * Without it, every such value is warned of.
   */
  keepsText?: (path: readonly PropertyKey[], text: string) => boolean;
  /**
   * What the value at `path` is, for an invisible character pasted into it (a zero-width
   * space): an identifier (a zone, a hashtag, a tag, a date, an id), which it makes another
   * than it looks, an error; text (a title), which it only makes odd, a warning; undefined
   * (or without it): not looked at.
   */
  valueKind?: (path: readonly PropertyKey[]) => ValueKind | undefined;
  /**
   * What the identifier at `path` has in place of a non-breaking space pasted between `before`
   * and `after` (its text as written on either side): a space between a tag's words (`night
   * shift`) or a chat's start's date and time, `_` between a zone's words (`New_York`), else ""
   * (`20 18-02-09`): the fix deletes it, as a zero-width space. Without it, always "".
   */
  spaceFor?: (path: readonly PropertyKey[], before: string, after: string) => string;
  /**
   * Fields a person types as they type front matter, in a file of their own that starts at
   * line 1 (the site's settings file): read with the same repairs (a missing space after a
   * colon, a list in brackets whose lines are not indented) and the same slips looked for
   * (a word processor's dashes, colons and quotes, invisible characters). Front matter always is.
   */
  typedFields?: boolean;
}

/**
 * What a value is, for an invisible character in it: an identifier (a zone, a tag, an id), text
 * (a title), or a number as CSL has them (a reference's volume, pages), which the citation style
 * reads as a number or a range: see `invisibleInValues`.
 */
export type ValueKind = "identifier" | "number" | "text";

const QUOTE_HINT = "text containing ': ' or starting with # [ { * & @ ` % must be in quotes";

/**
 * Parse YAML text that starts at line `firstLine` of `file`.
 * YAML 1.2 core schema: `2016-08-26` stays the string the writer typed, never a shifted Date.
 * Never throws: every YAML mistake becomes a diagnostic on the line a writer should look at.
 * YAML that starts after line 1 is front matter between `---` lines (a post's or a page's):
 * there, markdown read as fields means the front matter was never closed, and a comment
 * after a text value is a hashtag that YAML dropped.
 */
export function readYamlDocument(text: string, file: string, firstLine: number, options: ReadOptions = {}): YamlDocument {
  // CSL JSON from Zotero, indented with tabs: YAML fails on each line of it; one error, the lines read as fixed.
  if ((firstLine > 1 || options.typedFields) && TABBED_FLOW_HINT.test(text)) {
    const tabbed = readTabbedFlows(text, file, firstLine, options);
    if (tabbed) return tabbed;
  }
  return readIndentedFirst(text, file, firstLine, options);
}

function readIndentedFirst(text: string, file: string, firstLine: number, options: ReadOptions): YamlDocument {
  // `  title: Hello` above `date: …`: YAML fails on every line below it; one error, the rest read as fixed.
  const indented = indentedFirstField(text);
  if (indented) {
    const doc = readSlips(indented.fixed, file, firstLine, options);
    const d: Diagnostic = {
      severity: "error", file, line: indented.line + firstLine - 1, column: 1, field: indented.key,
      message: indented.lines.length === 1
        ? `the first field is indented, but the fields below it are not: YAML cannot read the front matter`
        : `the first ${indented.lines.length} fields are indented, but the fields below them are not: YAML cannot read the front matter`,
      fix: indented.lines.length === 1
        ? `delete the spaces before \`${indented.key}:\`, so that the line reads \`${indented.rewritten}\``
        : `delete the spaces before lines ${indented.lines[0]! + firstLine - 1} to ${indented.lines[indented.lines.length - 1]! + firstLine - 1}, so that \`${indented.key}:\` and the fields below it start at the left edge like the others`,
    };
    COLON_SLIPS.add(d);
    // Columns as written: the spaces taken away are still in the file.
    const shifted = (at: Position): Position => at.line !== undefined && at.column !== undefined && indented.lines.includes(at.line - firstLine + 1) ? { ...at, column: at.column + indented.spaces } : at;
    const diagnostics = [d, ...doc.diagnostics.map((x) => ({ ...x, ...shifted(x) }))];
    return { ...doc, diagnostics, locate: (path) => shifted(doc.locate(path)), repaired: true };
  }
  return readSlips(text, file, firstLine, options);
}

/**
 * The first field written indented (`  title: Hello`) above fields that are not: YAML takes the
 * indentation for the front matter's own and cannot read any line below it. The lines at that
 * indentation before the first one that is not (1-based), the key, and the text with them moved
 * to the left edge. Not when every field is indented alike, which YAML reads.
 */
function indentedFirstField(text: string): { line: number; lines: number[]; key: string; spaces: number; rewritten: string; fixed: string } | undefined {
  const lines = text.split("\n");
  const first = nextContentLine(lines, 0);
  if (first === undefined) return undefined;
  const m = /^( +)([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)/.exec(lines[first]!);
  if (!m) return undefined;
  const spaces = m[1]!.length;
  const at: number[] = [];
  let i = first;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === "" || /^\s*#/.test(l)) continue;
    const indent = indentOf(l);
    if (indent < spaces) break;
    if (indent === spaces) at.push(i);
  }
  // Below them, a field at the left edge: what the others are.
  if (i === lines.length || !/^[A-Za-z_"'][^:]*:(?:[ \t]|$)/.test(lines[i]!) || /\t/.test(lines[i]!.slice(0, 1))) return undefined;
  const fixed = [...lines];
  for (const j of at) fixed[j] = fixed[j]!.slice(spaces);
  return { line: first + 1, lines: at.map((j) => j + 1), key: m[2]!, spaces, rewritten: fixed[first]!.trimEnd(), fixed: fixed.join("\n") };
}

// A line indented with a tab, or a bracket at the start of the line below a field's name: cheap to test before scanning.
const TABBED_FLOW_HINT = /^ *\t|:[ \t]*\n[ \t]*[[{]/m;

/** A list or group in brackets over several lines that YAML cannot read for where its lines start. */
interface TabbedFlow {
  /** The field whose value it is (`references`), its line (0-based), that line up to its colon and its comment. */
  key: string;
  keyLine: number;
  keyHead: string;
  keyComment: string;
  /** The line (0-based) and column (0-based) of its opening bracket, and the line of its closing one. */
  open: number;
  column: number;
  close: number;
  bracket: "[" | "{";
  /** Lines (0-based) whose indentation has a tab in it. */
  tabbed: number[];
  /** The opening bracket on a line of its own, not indented further than the field's name. */
  shallow: boolean;
  /** The whole value on one line; undefined when a comment is in it. */
  oneLine: string | undefined;
}

/**
 * CSL JSON pasted below `references:` as Zotero writes it (`references: [` then lines indented
 * with tabs): YAML allows no tab in a line's indentation, and its errors on those lines contradict
 * each other (the list "never closed", "`{` has no colon", a value to quote). One error per list,
 * on its first line indented with a tab; the lines read as if each tab were two spaces, so that
 * the references are checked too. Also said: the opening bracket alone on the line below
 * `references:` and not indented (Zotero's export starts with `[`), which YAML reads as a field's
 * name; read as if it ended the line above. undefined when no such list has an error YAML raised.
 */
function readTabbedFlows(text: string, file: string, firstLine: number, options: ReadOptions): YamlDocument | undefined {
  const lines = text.split("\n");
  const flows = tabbedFlows(lines);
  if (!flows.length) return undefined;
  // Only where YAML fails: tabs after enough spaces, or in a flow YAML reads, are no one's problem.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, merge: false });
  if (!doc.errors.length) return undefined;
  const lineOf = linePositions(text);
  const errorLines = doc.errors.map((e) => lineOf(e.pos[0]).line - 1);
  // On the list's lines (from its bracket's): not a field written twice, told on the field's line.
  const failing = flows.filter((f) => errorLines.some((l) => l >= f.open && l <= f.close && (l > f.keyLine || f.open === f.keyLine)));
  if (!failing.length) return undefined;
  const fixed = [...lines];
  // Columns added to each line (0-based): a tab became two spaces.
  const added = new Map<number, number>();
  const told: Diagnostic[] = [];
  const fileLine = (i: number) => i + firstLine;
  for (const f of failing) {
    for (const i of f.tabbed) {
      const indent = /^[ \t]*/.exec(fixed[i]!)![0];
      const tabs = indent.length - indent.replaceAll("\t", "").length;
      fixed[i] = indent.replaceAll("\t", "  ") + fixed[i]!.slice(indent.length);
      added.set(i, tabs);
    }
    const what = f.bracket === "[" ? "list in [ ]" : "group in { }";
    const closer = f.bracket === "[" ? "]" : "}";
    const keyText = lines[f.keyLine]!;
    const moved = `${f.keyHead} ${f.bracket}${f.keyComment ? `  ${f.keyComment}` : ""}`;
    // The bracket alone on its line goes up to the end of the field's line; else its line is indented.
    const alone = f.shallow && lines[f.open]!.trim() === f.bracket;
    if (f.shallow) {
      if (alone) {
        fixed[f.keyLine] = moved;
        fixed[f.open] = "";
      } else {
        fixed[f.open] = " ".repeat(keyColumn(keyText) + 2) + fixed[f.open]!.trimStart();
      }
    }
    const first = f.tabbed.length ? fileLine(f.tabbed[0]!) : 0;
    const last = f.tabbed.length ? fileLine(f.tabbed[f.tabbed.length - 1]!) : 0;
    const range = first === last ? `line ${first}` : `lines ${first}–${last}`;
    const tabsMessage = `${first === last ? `line ${first} is` : `lines ${first}–${last} are`} indented with tabs, and YAML allows no tab in the indentation of a line`;
    const bracketMessage = `its opening ${f.bracket} on line ${fileLine(f.open)} is not indented further than \`${f.key}:\`, so YAML reads it as the start of another field, not as the value of \`${f.key}:\``;
    const tabsFix = `replace each tab at the start of ${range} with two spaces`;
    const bracketFix = alone
      ? `move the ${f.bracket} on line ${fileLine(f.open)} to the end of line ${fileLine(f.keyLine)}, so that it reads \`${moved.trim()}\``
      : `indent line ${fileLine(f.open)} with ${keyColumn(keyText) + 2} spaces (and no tab)`;
    const how = f.shallow && f.tabbed.length ? `${bracketFix}, and ${tabsFix}` : f.shallow ? bracketFix : tabsFix;
    const whole = f.oneLine === undefined ? "" : f.oneLine.length <= ONE_LINE_SHOWN ? `: \`${f.oneLine}\`` : `, from its ${f.bracket} to its ${closer}`;
    const d: Diagnostic = {
      severity: "error", file,
      line: f.tabbed.length && !f.shallow ? first : fileLine(f.open),
      column: f.tabbed.length && !f.shallow ? 1 : f.column + 1,
      field: fieldPathOnLine(lines, f.keyLine + 1) ?? f.key,
      message: `YAML cannot read the ${what} of \`${f.key}:\`: ${f.shallow && f.tabbed.length ? `${bracketMessage}; and ${tabsMessage}` : f.shallow ? bracketMessage : tabsMessage}`,
      fix: `${how}${f.oneLine === undefined ? "" : ` (or write the whole ${f.bracket === "[" ? "list" : "group"} on one line${whole})`}`,
    };
    COLON_SLIPS.add(d);
    told.push(d);
  }
  return asWritten(readIndentedFirst(fixed.join("\n"), file, firstLine, options), told, added, firstLine);
}

/**
 * A document read from lines with spaces added at their start (`added`: spaces by 0-based
 * line), its places moved back to where they are as written, with `told` first.
 */
function asWritten(doc: YamlDocument, told: Diagnostic[], added: ReadonlyMap<number, number>, firstLine: number): YamlDocument {
  const shifted = (at: Position): Position => {
    const more = at.line === undefined || at.column === undefined ? undefined : added.get(at.line - firstLine);
    return more ? { ...at, column: Math.max(1, at.column! - more) } : at;
  };
  const diagnostics = [...told, ...doc.diagnostics.map((d) => ({ ...d, ...shifted(d) }))];
  return { ...doc, diagnostics, locate: (path) => shifted(doc.locate(path)), repaired: true };
}

// The longest list in brackets a fix shows on one line: a longer one is only named.
const ONE_LINE_SHOWN = 400;

// A field's name and its colon at the start of a line, after any list item's `- `: in quotes (CSL JSON's `"id":`) or not.
const FLOW_KEY = /^[ \t]*(?:-[ \t]+)*("[^"\n]*"|'[^'\n]*'|[A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)/;

/**
 * The lists and groups in brackets over several lines that a field's value starts (on the
 * field's line, or alone on the line below it) with a line indented with a tab, or with the
 * bracket on its own line not indented below the field's name. One pass over the lines.
 */
function tabbedFlows(lines: readonly string[]): TabbedFlow[] {
  const found: TabbedFlow[] = [];
  // The indentation of a block text's field (`description: |`): its lines are text, brackets and all.
  let blockText: number | undefined;
  let lastKey: { line: number; key: string; column: number; head: string; comment: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === "" || /^[ \t]*#/.test(l)) continue;
    if (blockText !== undefined) {
      if (indentOf(l) > blockText) continue;
      blockText = undefined;
    }
    const key = FLOW_KEY.exec(l);
    let column = -1;
    let keyLine = i;
    let name = "";
    let head = l;
    let comment = "";
    if (key) {
      const rest = l.slice(key[0].length);
      const value = /^[ \t]*/.exec(rest)![0].length;
      const c = rest[value];
      name = key[1]!.replace(/^["']|["']$/g, "");
      if (c === "|" || c === ">") {
        blockText = indentOf(l);
        continue;
      }
      if (c === "[" || c === "{") column = key[0].length + value;
      else if (c === undefined || c === "#") {
        lastKey = { line: i, key: name, column: keyColumn(l), head: key[0], comment: rest.slice(value) };
        continue;
      }
    } else if (lastKey && /^[ \t]*[[{]/.test(l)) {
      column = indentOf(l);
      keyLine = lastKey.line;
      name = lastKey.key;
      head = lastKey.head;
      comment = lastKey.comment;
    }
    const below = lastKey;
    lastKey = undefined;
    if (column < 0) continue;
    const end = flowEnd(lines, i, column);
    // Never closed: YAML's own error says so; what follows is the list's for YAML too.
    if (!end) break;
    if (end.close === i) continue;
    const ownLine = keyLine !== i;
    const shallow = ownLine && !!below && indentOf(l) <= below.column;
    const tabbed: number[] = [];
    // A shallow bracket with more after it on its line: that line's indentation is replaced whole.
    const alone = l.trim() === l[column];
    // A tab after more spaces than the field's indentation is a space to YAML, which reads the line.
    const deepest = keyColumn(lines[keyLine]);
    for (let j = ownLine && (alone || !shallow) ? i : i + 1; j <= end.close; j++) {
      const tab = /^ *\t/.exec(lines[j]!);
      if (tab && tab[0].length - 1 <= deepest) tabbed.push(j);
    }
    if (tabbed.length || shallow) {
      found.push({
        key: name, keyLine, keyHead: head, keyComment: comment, open: i, column, close: end.close, bracket: l[column] as "[" | "{", tabbed, shallow,
        // The field's line first when the bracket is on the line below it (its comment left out).
        oneLine: end.commented || (ownLine && comment) ? undefined : joinFlowLines([...(ownLine ? [head.trim()] : []), ...lines.slice(i, end.close + 1).map((x) => x.trim())], ONE_LINE_SHOWN),
      });
    }
    i = end.close;
  }
  return found;
}

/**
 * Where a list or group in brackets that opens at `column` of line `open` (both 0-based)
 * closes: its line, and whether a comment is in it. Brackets in quotes and comments are not its
 * own. undefined when it never closes.
 */
function flowEnd(lines: readonly string[], open: number, column: number): { close: number; commented: boolean } | undefined {
  let depth = 0;
  let commented = false;
  for (let i = open; i < lines.length; i++) {
    const l = lines[i]!;
    let quote = "";
    for (let j = i === open ? column : 0; j < l.length; j++) {
      const c = l[j]!;
      if (quote) {
        if (quote === '"' && c === "\\") j++;
        else if (c === quote) {
          if (quote === "'" && l[j + 1] === "'") j++;
          else quote = "";
        }
        continue;
      }
      const before = j === 0 ? " " : l[j - 1]!;
      if ((c === '"' || c === "'") && /[\s[{,:]/.test(before)) quote = c;
      else if (c === "#" && /\s/.test(before)) {
        commented = true;
        break;
      } else if (c === "[" || c === "{") depth++;
      else if ((c === "]" || c === "}") && --depth === 0) return { close: i, commented };
    }
  }
  return undefined;
}

/**
 * The trimmed lines of a list in brackets joined into one: no space after an opening bracket or
 * before a closing one. Past `limit` characters, the rest is left out: too long to show.
 */
function joinFlowLines(parts: readonly string[], limit: number): string {
  let out = "";
  for (const part of parts) {
    if (part === "") continue;
    const last = out[out.length - 1];
    const tight = out === "" || last === "[" || last === "{" || part[0] === "]" || part[0] === "}";
    out += (tight ? "" : " ") + part;
    if (out.length > limit) break;
  }
  return out;
}

function readSlips(text: string, file: string, firstLine: number, options: ReadOptions): YamlDocument {
  // `title:2026 in review`: read as if the space were there, so that the rest is checked too.
  const slips = (firstLine > 1 || options.typedFields) && /^[ \t]*[A-Za-z_][\w.-]*:[^\s/:]/m.test(text) ? colonSlips(text, firstLine > 1) : [];
  if (!slips.length) return readFlows(text, file, firstLine, options);
  const lines = text.split("\n");
  for (const slip of slips) lines[slip.line - 1] = slip.fixed;
  const doc = readFlows(lines.join("\n"), file, firstLine, options);
  // Columns after the colon as written: the space (or quotes) added are not in the file.
  const shifted = (line: number, column: number) => {
    const slip = slips.find((s) => s.line + firstLine - 1 === line);
    return slip && column > slip.colon + 1 ? Math.max(slip.colon + 1, column - slip.shift) : column;
  };
  const told: Diagnostic[] = slips.map((slip) => {
    const d: Diagnostic = {
      severity: "error", file, line: slip.line + firstLine - 1, column: slip.colon, field: fieldPathOnLine(lines, slip.line) ?? "",
      message: `\`${slip.written.trim()}\` needs a space after the colon: without it, YAML does not read \`${slip.key}\` as a field${slip.curly ? `; and the quotes are curly quotes ${slip.curly.open} ${slip.curly.close} — YAML needs straight quotes " "` : ""}`,
      fix: `add a space after the colon${slip.curly ? " and write straight quotes" : ""}: ${slip.fixed.trim()}`,
    };
    COLON_SLIPS.add(d);
    return d;
  });
  const diagnostics = [...told, ...doc.diagnostics.map((d) => (d.line === undefined || d.column === undefined ? d : { ...d, column: shifted(d.line, d.column) }))];
  const locate: Locate = (path) => {
    const at = doc.locate(path);
    return at.line === undefined || at.column === undefined ? at : { ...at, column: shifted(at.line, at.column) };
  };
  return { ...doc, diagnostics, locate, repaired: true };
}

/**
 * The diagnostics of a slip whose lines are read as fixed (a missing space after a colon, an
 * indented first field, a list in brackets whose next lines are not indented), so `readableFields` keeps its field.
 */
const COLON_SLIPS = new WeakSet<Diagnostic>();

// A line that opens a list or group in brackets and does not close it: cheap to test before parsing again.
const OPEN_FLOW_HINT = /[[{][^\]}\n]*$/m;

/**
 * A list in brackets going on over lines whose lines after the first are at the left edge
 * (`tags: ["a",` then `"b"]`): YAML cannot read any line below it, and which errors it raises
 * there depends on the quotes. One error, on the first such line; the lines read as if they
 * were indented (as the fix's one line reads), so that every field below is checked too.
 */
function readFlows(text: string, file: string, firstLine: number, options: ReadOptions): YamlDocument {
  if ((firstLine <= 1 && !options.typedFields) || !OPEN_FLOW_HINT.test(text)) return readYaml(text, file, firstLine, options);
  const lines = text.split("\n");
  const told: Diagnostic[] = [];
  // Indentation added to each line (0-based index): columns are given as written.
  const added = new Map<number, number>();
  for (let round = 0; round < 10; round++) {
    const doc = parseDocument(lines.join("\n"), { prettyErrors: false, uniqueKeys: true, merge: false });
    const lineOf = linePositions(lines.join("\n"));
    let found: (Explained & { close: number; indent: number; open: number }) | undefined;
    for (const err of doc.errors) {
      if (err.code !== "BAD_INDENT" || !/^Flow (sequence|map)/.test(err.message)) continue;
      const bracket = /Flow sequence/.test(err.message) ? ["[", "]"] : ["{", "}"];
      const line = lineOf(err.pos[0]).line;
      const open = unclosedBracketLine(lines, line, bracket[0]!, bracket[1]!) ?? line;
      if (flowComment(lines, open)) continue;
      const shallow = shallowFlow(lines, open, bracket[0]!, bracket[1]!, firstLine);
      if (shallow) {
        found = { ...shallow, open };
        break;
      }
    }
    if (!found) break;
    const d: Diagnostic = { severity: "error", file, line: found.line + firstLine - 1, column: found.column, field: found.field ?? "", message: found.message, fix: found.fix };
    COLON_SLIPS.add(d);
    told.push(d);
    for (let i = found.open; i < found.close; i++) {
      const l = lines[i]!;
      if (l.trim() === "" || indentOf(l) > found.indent) continue;
      const spaces = found.indent + 2 - indentOf(l);
      lines[i] = " ".repeat(found.indent + 2) + l.trimStart();
      added.set(i, (added.get(i) ?? 0) + spaces);
    }
  }
  if (!told.length) return readYaml(text, file, firstLine, options);
  return asWritten(readYaml(lines.join("\n"), file, firstLine, options), told, added, firstLine);
}

interface ColonSlip {
  /** 1-based line within the YAML text. */
  line: number;
  /** 1-based column of the colon. */
  colon: number;
  key: string;
  written: string;
  /** The line as it should read. */
  fixed: string;
  /** How many characters the fixed line adds after the colon. */
  shift: number;
  /** The value's curly quotes, written straight in `fixed`. */
  curly?: { open: string; close: string };
}

/**
 * Fields written without a space after the colon (`title:2026 in review`, `  start:2017-05-02T20:30`),
 * which YAML reads as text: as a key without a value (an error), as the whole front matter, or as
 * the text of the group above (`chat:` then `  start:…`, valid YAML but not a group). Each such
 * line, and the line as it should read; a line that reads as meant with the space is found in
 * the next round. Not a list item (`- T1:why`), nor a line inside a value or after the fields.
 */
function colonSlips(text: string, frontMatter: boolean): ColonSlip[] {
  const found: ColonSlip[] = [];
  let current = text;
  for (let round = 0; round < 20; round++) {
    const lineCounter = { linePos: linePositions(current) };
    const doc = parseDocument(current, { prettyErrors: false, uniqueKeys: true, merge: false });
    const lines = current.split("\n");
    // Front matter that runs on into the post's text is told as such; a data file (the settings) has no text.
    if (round === 0 && frontMatter && unclosedFrontMatter(lines, doc.errors)) return [];
    const errorLines = new Set(doc.errors.map((e) => lineCounter.linePos(e.pos[0]).line));
    // Lines where YAML took `key:value` for the start of a plain text: the text of a group, or of the whole front matter.
    const misread = new Set<number>();
    visit(doc, {
      Scalar(key, node, path) {
        if (node.type !== "PLAIN" || !node.range || typeof node.source !== "string") return;
        const { line, col } = lineCounter.linePos(node.range[0]);
        if (col !== indentOf(lines[line - 1]) + 1) return;
        const parent = path[path.length - 1];
        const written = current.slice(node.range[0], node.range[1]).split("\n");
        // The whole front matter; a field's name (`title:Online: communities` has the name `title:Online`).
        const root = path.length === 1 && isDocument(parent);
        const name = key === "key" && COLON_SLIP.test(written[0]!);
        // Below its key, every line of it a field: `chat:` then `  start:…` and `  zone:…`. Not one
        // line of words, which may be a text written below its field's name (`description:` then `  Note:this is it`).
        const below = key === "value" && isPair(parent) && isScalar(parent.key) && !!parent.key.range && lineCounter.linePos(parent.key.range[0]).line < line &&
          written.every((l) => COLON_SLIP.test(l)) && (written.length > 1 || !/\s/.test(COLON_SLIP.exec(written[0]!)![3]!.trim()));
        if (root || name || below) misread.add(line);
      },
    });
    const more: ColonSlip[] = [];
    lines.forEach((l, i) => {
      const m = COLON_SLIP.exec(l);
      if (!m || found.some((s) => s.line === i + 1) || !(errorLines.has(i + 1) || misread.has(i + 1))) return;
      const [, indent, key, written] = m as unknown as [string, string, string, string];
      // `title:2026 in review  # draft`: the note stays a note, after the value.
      const { value, comment } = trailingComment(written);
      const trimmed = value.trimEnd();
      // A value YAML would read otherwise once the space is there: in quotes.
      const quote = /^#/.test(trimmed) || /:\s| #/.test(trimmed) && !/^["'[{]/.test(trimmed);
      // `title:‘Burnout: what now?’`: one fix for both slips, not a second round for the quotes.
      const curly = curlyQuoted(trimmed);
      // Kept in quotes even when it looks like a number: only the schema knows whether the field
      // wants one (`duration`) or text (`title:“2026”`), and it says so on the corrected copy.
      const fixed = `${indent}${key}: ${curly ? quoteYaml(curly.text) : quote ? quoteYaml(trimmed) : value}${comment}`;
      more.push({ line: i + 1, colon: indent.length + key.length + 1, key, written: l, fixed, shift: fixed.length - l.length, ...(curly ? { curly: { open: curly.open, close: curly.close } } : {}) });
    });
    if (!more.length) break;
    found.push(...more);
    for (const slip of more) lines[slip.line - 1] = slip.fixed;
    current = lines.join("\n");
  }
  return found.sort((a, b) => a.line - b.line);
}

// `title:2026`, `  start:2017-…`: a field name, its colon and the value without a space (not `https://…`).
const COLON_SLIP = /^([ \t]*)([A-Za-z_][\w.-]*):([^\s/:].*)$/;

/**
 * Line and column (both 1-based) of an offset in `text`, from the text's own line breaks. Not
 * the YAML library's LineCounter, which learns a line break only from the tokens it reads: after
 * a token it cannot place that runs over two lines (`platform：x` then `  url: …`), every line
 * below is counted one short, and columns land past the end of their line.
 */
function linePositions(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

function readYaml(text: string, file: string, firstLine: number, options: ReadOptions): YamlDocument {
  // A BibTeX entry or RIS record pasted below a post's `references:`: one error naming the
  // format, and none of YAML's, on its lines or below them (RIS even reads as one text). The
  // rest is read as if it were not there; the field is left unread (no data), as for a YAML error.
  const pasted = firstLine > 1 ? pastedReferences(text, firstLine) : [];
  if (pasted.length) {
    const rest = readYaml(withoutPasted(text, pasted), file, firstLine, options);
    const told: Diagnostic[] = pasted.map((p) => ({ severity: "error", file, line: p.line + firstLine - 1, column: p.column, field: "references", message: p.message, fix: p.fix }));
    return { ...rest, data: undefined, diagnostics: [...told, ...rest.diagnostics] };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, merge: false });
  const lines = text.split("\n");
  const linePos = linePositions(text);
  const lineOf = (offset: number): number => linePos(offset).line;
  const at = (offset: number): Position => {
    const { line, col } = linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  const seenLines = new Set<number>();
  const report = (line: number, column: number, field: string | undefined, message: string, fix: string) => {
    seenLines.add(line + firstLine - 1);
    diagnostics.push({ severity: "error", file, line: line + firstLine - 1, column, field: field ?? "", message, fix });
  };

  // Settings files are commented by those who set up the site; a post's writer rarely comments.
  const frontMatter = firstLine > 1;
  // Slips of a writer's hands, in front matter and in the settings file alike.
  const typed = frontMatter || !!options.typedFields;
  const unclosed = frontMatter ? unclosedFrontMatter(lines, doc.errors) : undefined;
  // Markdown read as YAML raises errors that only repeat that the front matter is not closed.
  const inYaml = (line: number) => !unclosed || line < unclosed.start;
  if (unclosed) {
    const fence = firstLine + lines.length - (text.endsWith("\n") ? 1 : 0);
    report(
      unclosed.start, 1, "",
      `the front matter is not closed: this line is the post's text, but the \`---\` on line ${fence} was taken as the end of the front matter, so everything up to it was read as fields`,
      `add a line \`---\` after the last front-matter field (line ${unclosed.lastField + firstLine - 1})`,
    );
  }
  const spaced = new Set<number>();
  for (const problem of nonBreakingSpaces(lines)) {
    if (!inYaml(problem.line)) continue;
    spaced.add(problem.line);
    report(problem.line, problem.column, fieldPathOnLine(lines.map(plainSpaces), problem.line), problem.message, problem.fix);
  }
  // `topics:` then `  • a` and `  - b`: a bullet on one item, which YAML's own errors (if any) do not name.
  const bulleted = typed && DASH_ITEM_HINT.test(text) ? mixedBulletLists(lines, firstLine - 1).filter((b) => inYaml(b.line)) : [];
  for (const slip of bulleted) {
    report(slip.line, slip.column, slip.field, slip.message, slip.fix);
    for (const l of slip.lines) seenLines.add(l + firstLine - 1);
  }
  const duplicates = doc.errors.some((e) => e.code === "DUPLICATE_KEY") ? duplicateKeys(doc, lines, lineOf, firstLine) : [];
  // Lines told to line up with the fields of their list item: the item's lines below them fail only because of it.
  const shallow = new Map<number, number>();
  // Errors explained, by code, line and the library's message (EXPLAINED_BY_LINE's codes only).
  const explainedOnLine = new Set<string>();
  for (const err of doc.errors) {
    // YAML can give thousands of errors on one line (`title: """"…`, one per two quotes), and each
    // explanation reads the whole line; another of the same kind on the same line would be
    // explained the same way (only its column differs), and one error per line is told.
    const same = EXPLAINED_BY_LINE.has(err.code) ? `${err.code}\n${lineOf(err.pos[0])}\n${err.message}` : undefined;
    if (same !== undefined && explainedOnLine.has(same)) continue;
    const explained = curlyQuotes(explainYamlError(err, lines, lineOf, doc.errors, firstLine, duplicates, options), lines);
    if (same !== undefined && explained) explainedOnLine.add(same);
    if (!explained || !inYaml(explained.line)) continue;
    const item = shallowItemField(lines, explained.line, firstLine);
    if (item && explained.message === item.message) shallow.set(explained.line, item.column);
    const above = previousContentLine(lines, explained.line);
    if (above !== undefined && shallow.get(above) === indentOf(lines[explained.line - 1])) continue;
    const line = explained.line + firstLine - 1;
    // YAML errors cascade: one mistake often yields two or three errors on one line,
    // and a non-breaking space one more on the line below it.
    // (Not a line starting with %, whose error is its own.)
    if (seenLines.has(line) || (spaced.has(explained.line - 1) && !/^%/.test(lines[explained.line - 1] ?? ""))) continue;
    report(explained.line, explained.column, explained.field, explained.message, explained.fix);
  }
  const locate: Locate = (path) => {
    let node: unknown = doc.contents;
    let best: Position = { line: firstLine, column: 1 };
    if (node && typeof node === "object" && "range" in node && (node as Node).range) best = at((node as Node).range![0]);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) best = at(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        if (item.range) best = at(item.range[0]);
        node = item;
      } else break;
    }
    return best;
  };

  const commentedOut = new Map<string, string>();
  let data: unknown;
  let droppedHashtags = 0;
  // Walking the tree costs more than the rest of this function: only when a line has a
  // `#` that may be a comment after a value (`: #`, `- #`, ` #` after text).
  if (/(?:[:-]|\S[ \t])[ \t]*#/.test(text)) {
    visit(doc, {
      Pair(_, pair, path) {
        if (!isScalar(pair.key) || !pair.key.range) return;
        const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
        const line = lines[lineOf(pair.key.range[0]) - 1] ?? "";
        const comment = /:[ \t]+(#.*?)\s*$/.exec(line);
        if (empty && comment) commentedOut.set(dottedPath(path, String(pair.key.value)), comment[1]!);
      },
      Scalar(key, node, path) {
        const parent = path[path.length - 1];
        if (!node.range || !(typeof key === "number" ? isSeq(parent) : key === "value" && isPairLike(parent))) return;
        // `- #patients`: a list item emptied by a comment, as `hashtag: #hcldr` is a field.
        if (isSeq(parent) && !parent.flow && node.value === null && typeof key === "number") {
          const comment = /^[ \t]*-[ \t]+(#.*?)\s*$/.exec(lines[lineOf(node.range[0]) - 1] ?? "");
          if (comment) commentedOut.set(`${dottedPath(path, "")}[${key}]`, comment[1]!);
          return;
        }
        // A `#word` after a date, a time, a number or a code (`date: 2020-01-07 #TODO`, `zone:
        // Europe/London #check`) can only be a note: none of them holds a # or a space. YAML reads
        // it as one, as the writer meant; quoted into the value, it would make the value wrong.
        // (Not a list's item, such as a tag: `tags: [shift, nursing #nightshift]` lost a word.)
        const kind = options.valueKind?.(nodePath(path, key));
        if (kind === "number" || (kind === "identifier" && typeof key !== "number" && !/\s/.test(String(node.value)))) return;
        const dropped = frontMatter ? droppedComment(text, node, lines, lineOf) : undefined;
        if (!dropped || !inYaml(dropped.line) || seenLines.has(dropped.line + firstLine - 1)) return;
        const field = typeof key === "number" ? `${dottedPath(path, "")}[${key}]` : dottedPath(path.slice(0, -1), String((parent as { key: { value: unknown } }).key.value));
        // In `[a, b #c]` or `{a: b #c}` only the value itself can be shown quoted.
        const flow = path.some((n) => (isSeq(n) || isMap(n)) && n.flow);
        const item = typeof key === "number";
        const lead = flow ? "" : dropped.lead;
        const curly = curlyQuoted(dropped.written);
        const where = dropped.firstLine < dropped.line
          ? `write the value (lines ${dropped.firstLine + firstLine - 1}–${dropped.line + firstLine - 1}) on one line, in ${curly ? "straight " : ""}quotes: `
          : curly ? "write straight quotes: " : `put the ${item && flow ? "item" : "value"} in quotes: `;
        droppedHashtags++;
        report(
          dropped.line, dropped.column, field,
          `${curly ? `the quotes are curly quotes ${curly.open} ${curly.close} — YAML needs straight quotes " ". Without them, ` : ""}the text \`${dropped.comment}\` is left out of the value: in YAML, a space followed by # starts a comment, which is not part of the post`,
          `${where}${lead}${quoteYaml((curly ? curly.text : dropped.written).replace(new RegExp(INVISIBLE_IN_TEXT.source, "g"), ""))}${flow ? "" : dropped.note}${curly ? "" : " (or, if it is a note to yourself, move it to a line of its own)"}`,
        );
      },
    });
  }
  // `title: !important x`, `title: &amp; friends`: valid YAML that drops the text's first word.
  const marks = doc.errors.length ? [] : yamlMarks(doc, text, lines, lineOf);
  for (const mark of marks) {
    const { line, col } = linePos(mark.offset);
    report(line, col, mark.field, mark.message, mark.fix);
  }
  // `  - a` then `   - b`: valid YAML that makes two topics one, "a - b".
  const joined = typed && doc.errors.length === 0 && JOINED_ITEM_HINT.test(text) ? joinedItems(doc, lines, lineOf, firstLine - 1) : [];
  for (const slip of joined) report(slip.line, slip.column, slip.field, slip.message, slip.fix);
  // `ti\u200btle: x`, `description：A chat: about x`: valid YAML that makes a field of another name.
  const keys = typed && doc.errors.length === 0 && ODD_KEY_HINT.test(text) ? oddKeys(doc, lines, lineOf) : [];
  for (const slip of keys) report(slip.line, slip.column, slip.field, slip.message, slip.fix);
  // `topics:` then `  – a` and `  – b`: en dashes from a word processor, read as one text "– a – b".
  const dashed = typed && doc.errors.length === 0 && DASH_ITEM_HINT.test(text) ? dashItems(doc, lines, lineOf, firstLine - 1) : [];
  for (const slip of dashed) report(slip.line, slip.column, slip.field, slip.message, slip.fix);
  // `topics:` then `  First?` and `  - Second?`: the first item without its hyphen, read as one text "First? - Second?".
  const unsigned = typed && doc.errors.length === 0 && options.keepsText && options.fieldsOf && UNSIGNED_FIRST_HINT.test(text) ? unsignedFirstItems(doc, lines, lineOf, firstLine - 1, options.keepsText, options.fieldsOf) : [];
  for (const slip of unsigned) report(slip.line, slip.column, slip.field, slip.message, slip.fix);
  // `- • First? - Second?`: two items in one, read as one text; the data is read all the same.
  const inOne = typed && doc.errors.length === 0 && ITEM_IN_ITEM_HINT.test(text) ? itemsInOne(doc, lines, lineOf, firstLine - 1).filter((s) => !seenLines.has(s.line + firstLine - 1)) : [];
  for (const slip of inOne) report(slip.line, slip.column, slip.field, slip.message, slip.fix);
  // A hashtag lost to a comment, a word to a YAML mark or an item to the one above it leaves
  // valid YAML: its data is still read, so the rest of the post is checked in the same run.
  // Any other YAML problem leaves no data to check.
  if (diagnostics.length === droppedHashtags + marks.length + joined.length + inOne.length) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      // An alias (`*name`) with no anchor: writers type `*` for emphasis.
      const index = lines.findIndex((l) => /(^|[:\-[,{]\s*)\*\S/.test(l));
      const line = index >= 0 ? index + 1 : 1;
      diagnostics.push({
        severity: "error", file, line: line + firstLine - 1, column: Math.max(1, (lines[line - 1] ?? "").indexOf("*") + 1), field: fieldPathOnLine(lines, line) ?? "",
        message: `YAML reads a value starting with * as a reference to another value (${firstSentence((error as Error).message)})`,
        fix: quoteSuggestion(lines[line - 1]) ?? `put the value in quotes; ${QUOTE_HINT}`,
      });
    }
  }
  // `title: “Listening to patients”`: valid YAML that keeps the curly quotes in the text. A
  // warning, never in the way of the data: the writer may want them, and can say so.
  if (typed && doc.errors.length === 0 && CURLY_HINT.test(text)) {
    for (const w of curlyValues(doc, lines, lineOf, options, firstLine - 1)) diagnostics.push({ severity: "warning", file, line: w.line + firstLine - 1, column: w.column, field: w.field, message: w.message, fix: w.fix });
  }
  // `zone: Europe/London\u200b`: valid YAML, a value that only looks right.
  const invisibleIn = new Set<string>();
  if (typed && doc.errors.length === 0 && options.valueKind && (INVISIBLE_VALUE.test(text) || /\\[ux_]/.test(text))) {
    for (const w of invisibleInValues(doc, text, lines, lineOf, options.valueKind, options.spaceFor)) {
      if (w.severity === "error") invisibleIn.add(w.field);
      diagnostics.push({ severity: w.severity, file, line: w.line + firstLine - 1, column: w.column, field: w.field, message: w.message, fix: w.fix });
    }
  }
  return { data, diagnostics, locate, commentedOut, ...(invisibleIn.size ? { invisibleIn } : {}) };
}

// A value or item that starts with a curly quote: cheap to test before walking the tree.
const CURLY_HINT = /(?:^|[:\-[{,][ \t]*|^[ \t]+)[“”„‟‘’‚‛«»]/m;
const DOUBLE_CURLY = "“”„‟«»";

/**
 * Whether `inner`, the text between curly quotes `open` … that wrap a whole value, is one
 * quoted text: no other double quote in it (`“A” and “B”` is two), and for single quotes no
 * other opening one (a ’ inside is an apostrophe: `‘Writers’ block’`).
 */
function wholeCurly(inner: string, open: string): boolean {
  return DOUBLE_CURLY.includes(open) ? ![...inner].some((c) => DOUBLE_CURLY.includes(c)) : !/[‘‚‛]/.test(inner);
}

/** The value `text` in curly quotes as a whole, with its quotes and the text inside; undefined otherwise. */
function wholeCurlyQuoted(text: string): { text: string; open: string; close: string } | undefined {
  const curly = curlyQuoted(text);
  return curly && curly.text.trim() === curly.text && wholeCurly(curly.text, curly.open) ? curly : undefined;
}

/**
 * `line` with each value or item written whole in curly quotes (`title: “A”`, `- ‘B’`,
 * `[“C: d”, “E”]`) written in straight quotes instead, as YAML reads them back as the text
 * inside; with `keep`, in straight quotes around the curly ones, which are then the text's.
 * Values in straight quotes, plain text and comments are left as written.
 */
export function straightQuotedLine(line: string, keep = false): string {
  const lead = /^[ \t]*(?:-[ \t]+)*/.exec(line)![0];
  let out = lead;
  let depth = 0;
  let start = true;
  for (let i = lead.length; i < line.length; ) {
    const c = line[i]!;
    if (start && (c === " " || c === "\t")) {
      out += c;
      i++;
      continue;
    }
    if (start && CURLY_OPEN.includes(c)) {
      // The nearest closing quote after which the value or item ends.
      const end = depth > 0 ? /^[ \t]*(?:[,\]}]|:[ \t]|$)/ : /^[ \t]*(?::[ \t]|:$|[ \t]#|$)/;
      let close = -1;
      for (let j = i + 1; j < line.length; j++) {
        if (CURLY_CLOSE.includes(line[j]!) && end.test(line.slice(j + 1)) && wholeCurly(line.slice(i + 1, j), c)) {
          close = j;
          break;
        }
      }
      if (close > i + 1) {
        const inner = line.slice(i + 1, close);
        out += keep ? quoteYaml(line.slice(i, close + 1)) : quoteYaml(inner);
        i = close + 1;
        start = false;
        continue;
      }
    }
    start = false;
    if (c === '"' || c === "'") {
      // Text in straight quotes, copied as it is.
      let j = i + 1;
      for (; j < line.length; j++) {
        if (c === '"' && line[j] === "\\") j++;
        else if (line[j] === c) {
          if (c === "'" && line[j + 1] === "'") j++;
          else break;
        }
      }
      out += line.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "#" && /[ \t]/.test(line[i - 1] ?? "")) {
      out += line.slice(i);
      break;
    }
    if (c === "[" || c === "{") depth++;
    if ((c === "]" || c === "}") && depth > 0) depth--;
    start = c === "[" || c === "{" || (c === "," && depth > 0) || (c === ":" && /^(?:[ \t]|$)/.test(line.slice(i + 1)));
    out += c;
    i++;
  }
  return out;
}

/**
 * Text values and items written in curly quotes as a whole (`title: “Listening to patients”`),
 * which YAML keeps in the text: the page would show them. Most often a word processor's
 * quotes, meant as YAML's. One warning per line, with the line in straight quotes, and how to
 * keep the curly quotes on purpose (in straight quotes, which this does not warn of). Not text
 * with curly quotes inside it (`The “patient voice” in care`), nor a value the schema refuses
 * (`date: “2017-04-30”`), whose error says it.
 */
function curlyValues(doc: Document, lines: readonly string[], lineOf: (offset: number) => number, options: ReadOptions, shift: number): Array<{ line: number; column: number; field: string; message: string; fix: string }> {
  const found = new Map<number, Array<{ column: number; field: string; written: string; last: number; curly: { open: string; close: string } }>>();
  // Lines where YAML split a text in curly quotes at its colon (`[“T1: why”, “What now?”]`): the schema's error rewrites them whole.
  const split = new Set<number>();
  visit(doc, {
    Scalar(key, node, path) {
      if (node.type === "PLAIN" && typeof node.value === "string" && node.range && /^[“„‘‚«]/.test(node.value) && !wholeCurlyQuoted(node.value)) split.add(lineOf(node.range[0]));
      if (node.type !== "PLAIN" || typeof node.value !== "string" || !node.range || (key !== "value" && typeof key !== "number")) return;
      const curly = wholeCurlyQuoted(node.value);
      if (!curly) return;
      const at = nodePath(path, key);
      if (options.keepsText && !options.keepsText(at, node.value)) return;
      const line = lineOf(node.range[0]);
      const list = found.get(line) ?? [];
      list.push({ column: node.range[0] - lineStart(lines as string[], line) + 1, field: fieldPath(at), written: node.value, last: lineOf(node.range[1]), curly });
      found.set(line, list);
    },
  });
  const out: Array<{ line: number; column: number; field: string; message: string; fix: string }> = [];
  for (const [line, values] of found) {
    if (split.has(line)) continue;
    const first = values[0]!;
    const marks = [...new Set(values.map((v) => `${v.curly.open} ${v.curly.close}`))].join(" and ");
    const shown = values.map((v) => v.written).join(", ");
    const items = values.every((v) => /\]$/.test(v.field));
    const what = values.length > 1 ? (items ? "the items are" : "the values are") : items ? "the item is" : "the value is";
    const message = `${what} written in curly quotes ${marks}: YAML does not read them as quotes, so they are part of the text and shown with it: ${shown}`;
    const written = lines[line - 1] ?? "";
    const straight = straightQuotedLine(written).trim();
    const kept = straightQuotedLine(written, true).trim();
    let fix: string;
    if (first.last === line && straight !== written.trim()) {
      fix = `if the quotes are a slip, write straight quotes: ${straight} (or, to show the curly quotes on purpose, put them in straight quotes too: ${kept})`;
    } else {
      // A value on several lines: its first and last characters, each where it is.
      const inner = first.written.slice(1, -1);
      const q = !/["\\]/.test(inner) ? '"' : "'";
      const twice = q === "'" && inner.includes("'") ? ", and write each ' inside it twice" : "";
      fix = `if the quotes are a slip, write ${q} in place of ${first.curly.open} at the start of the value (line ${line + shift}) and of ${first.curly.close} at its end (line ${first.last + shift})${twice} (or, to show the curly quotes on purpose, put ${q} before the ${first.curly.open} and after the ${first.curly.close})`;
    }
    out.push({ line, column: first.column, field: first.field, message, fix });
  }
  return out;
}

/** The path of a node found by `visit`, as the schema's paths are: `["topics", 0]`, `["references", 1, "title"]`. */
function nodePath(ancestors: readonly unknown[], key: unknown): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (let i = 0; i < ancestors.length; i++) {
    const node = ancestors[i];
    const child = ancestors[i + 1];
    if (isSeq(node) && child !== undefined) out.push(node.items.indexOf(child as never));
    else if (isPair(node) && isScalar(node.key)) out.push(String(node.key.value));
  }
  if (typeof key === "number") out.push(key);
  return out;
}

// Tags a value may be given on purpose, by one who knows YAML (`!!str 2026`): the text is read as written.
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "seq", "map"].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * YAML's marks at the start of a value that a writer meant as text: a tag (`!important x`,
 * read as "x"; YAML only warns of it) and an anchor no `*` refers to (`&amp; friends`, read
 * as "friends", without a word). Each is an error: the text would be published without it.
 * Core tags (`!!str`) and anchors used by an alias are YAML written on purpose.
 */
// A list item's line followed by a line indented further that starts with `- `: cheap to test.
const JOINED_ITEM_HINT = /^([ \t]*)-[ \t][^\n]*\n\1[ \t]+-[ \t]/m;

/**
 * List items written one column or more further in than the item above them (`  - a` then
 * `   - b`), which YAML reads as the rest of that item's text: "a - b", one topic instead of
 * two, with no error from YAML itself.
 */
function joinedItems(doc: Document, lines: readonly string[], lineOf: (offset: number) => number, shift: number): Array<{ line: number; column: number; field: string; message: string; fix: string }> {
  const found: Array<{ line: number; column: number; field: string; message: string; fix: string }> = [];
  visit(doc, {
    Scalar(key, node, path) {
      const parent = path[path.length - 1];
      if (typeof key !== "number" || !isSeq(parent) || parent.flow || node.type !== "PLAIN" || !node.range) return;
      const first = lineOf(node.range[0]);
      const last = lineOf(node.range[1]);
      if (last === first) return;
      const dash = /^([ \t]*)-[ \t]/.exec(lines[first - 1] ?? "");
      if (!dash) return;
      const items: Array<{ line: number; text: string }> = [];
      for (let line = first + 1; line <= last; line++) {
        const m = /^[ \t]+-[ \t]+(.*?)\s*$/.exec(lines[line - 1] ?? "");
        if (m) items.push({ line, text: m[1]! });
      }
      if (!items.length) return;
      const field = `${dottedPath(path, "")}[${key}]`;
      const written = items.map((item) => `\`${dash[1]}- ${item.text}\``);
      // Messages name the file's lines; `line` fields are the front matter's, which report() shifts.
      const where = items.length === 1 ? `line ${items[0]!.line + shift}` : `lines ${items.map((i) => i.line + shift).join(", ")}`;
      found.push({
        line: items[0]!.line,
        column: (lines[items[0]!.line - 1] ?? "").indexOf("-") + 1,
        field,
        message: `${where} ${items.length === 1 ? "starts" : "start"} a new item with -, but ${items.length === 1 ? "it is" : "they are"} indented further than the item above (line ${first + shift}), so YAML reads ${items.length === 1 ? "it" : "them"} as part of that item's text: "${String(node.value)}"`,
        fix: `line the - up with the - on line ${first + shift}: write ${where} as ${written.join(" and ")}`,
      });
    },
  });
  return found;
}

// A line that starts with a dash other than `-`, or a bullet, then a space: a list as a word processor writes it.
const DASH_ITEM_HINT = /^[ \t]*[–—−•‐‑][ \t]/m;
const DASH_ITEM = /^([ \t]*)([–—−•‐‑])[ \t]+(.*?)\s*$/;

/** What a writer calls the sign that starts `line` in place of `-`. */
function dashName(sign: string): string {
  return sign === "–" ? "an en dash –" : sign === "—" ? "an em dash —" : sign === "−" ? "a minus sign −" : sign === "•" ? "a bullet •" : `a dash ${sign}`;
}

/**
 * A list written below its field with en dashes, em dashes or bullets in place of `-`
 * (`topics:` then `  – a` and `  – b`), as a word processor turns them: YAML reads the lines as
 * one text, "– a – b". An error with the lines as they should read.
 */
function dashItems(doc: Document, lines: readonly string[], lineOf: (offset: number) => number, shift: number): Array<{ line: number; column: number; field: string; message: string; fix: string }> {
  const found: Array<{ line: number; column: number; field: string; message: string; fix: string }> = [];
  visit(doc, {
    Pair(_, pair, path) {
      const value = pair.value;
      if (!isScalar(pair.key) || !pair.key.range || !isScalar(value) || value.type !== "PLAIN" || !value.range) return;
      const first = lineOf(value.range[0]);
      const last = lineOf(Math.max(value.range[0], value.range[1] - 1));
      if (first <= lineOf(pair.key.range[0])) return;
      const items: Array<{ line: number; indent: string; sign: string; text: string }> = [];
      for (let line = first; line <= last; line++) {
        const l = lines[line - 1] ?? "";
        if (l.trim() === "") continue;
        const m = DASH_ITEM.exec(l);
        if (!m) return;
        items.push({ line, indent: m[1]!, sign: m[2]!, text: m[3]! });
      }
      if (!items.length) return;
      const signs = [...new Set(items.map((i) => i.sign))].map(dashName);
      const rewritten = items.map((i) => `\`${i.indent}- ${i.text}\``);
      const where = items.length === 1 ? `line ${items[0]!.line + shift}` : `lines ${items[0]!.line + shift}–${items[items.length - 1]!.line + shift}`;
      found.push({
        line: first,
        column: items[0]!.indent.length + 1,
        field: dottedPath(path, String(pair.key.value)),
        message: `${where} ${items.length === 1 ? "starts" : "start"} with ${signs.join(" and ")}, not the hyphen - that starts a list item in YAML: ${items.length === 1 ? "it is" : "they are"} read as one text, "${String(value.value)}"`,
        fix: `write a hyphen - in place of ${items.length === 1 ? "it" : "each"}: ${rewritten.join(items.length === 2 ? " and " : ", ")}`,
      });
    },
  });
  return found;
}

/**
 * A list below its field whose items start some with `-` and some with a bullet or a dash (`• a`
 * then `- b`, or `- a`, `• b`, `- c`), as a phone or a word processor turns the first item or a
 * pasted one. A bullet first makes YAML read the whole list as one text, "• a - b - c", with no
 * error of its own; a bullet after an item, an error about indentation that does not name it. One
 * error, naming the bullets, with every item's line as it should read. (A list all in bullets
 * is dashItems'.) Lines are the YAML text's; `shift` makes the message's the file's.
 */
function mixedBulletLists(lines: readonly string[], shift: number): Array<{ line: number; lines: number[]; column: number; field: string; message: string; fix: string }> {
  const found: Array<{ line: number; lines: number[]; column: number; field: string; message: string; fix: string }> = [];
  for (let k = 0; k < lines.length; k++) {
    const key = /^([ \t]*)(?:-[ \t]+)?[A-Za-z_][\w.-]*[ \t]*:[ \t]*(?:#.*)?$/.exec(lines[k]!);
    if (!key) continue;
    const run: Array<{ line: number; indent: string; sign: string; text: string; item: boolean }> = [];
    let itemIndent: string | undefined;
    for (let j = k + 1; j < lines.length; j++) {
      const l = lines[j]!.replace(/\r$/, "");
      if (l.trim() === "") break;
      const item = /^([ \t]*)(-)[ \t]+(.*?)\s*$/.exec(l) ?? DASH_ITEM.exec(l);
      if (item && (itemIndent === undefined || item[1] === itemIndent)) {
        itemIndent ??= item[1]!;
        run.push({ line: j + 1, indent: item[1]!, sign: item[2]!, text: item[3]!, item: true });
        continue;
      }
      // The lines of an item of fields (`- id: a` then `  type: book`) belong to it.
      if (itemIndent !== undefined && indentOf(l) > itemIndent.length && !/^[ \t]*#/.test(l)) {
        run.push({ line: j + 1, indent: "", sign: "", text: l, item: false });
        continue;
      }
      break;
    }
    const items = run.filter((r) => r.item);
    const bullets = items.filter((r) => r.sign !== "-");
    if (!bullets.length || bullets.length === items.length || itemIndent === undefined || itemIndent.length < key[1]!.length) continue;
    const at = (r: { line: number }) => r.line + shift;
    const signs = [...new Set(bullets.map((b) => b.sign))].map(dashName).join(" and ");
    const bulletLines = bullets.length === 1 ? `line ${at(bullets[0]!)} starts` : `lines ${bullets.map(at).join(", ")} start`;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const readAs = first.sign !== "-"
      ? `, so YAML reads the list as one text, "${items.map((r) => `${r.sign} ${r.text}`).join(" ")}", not as ${items.length} items`
      : `: YAML takes ${bullets.length === 1 ? "it" : "them"} for neither a new item nor the rest of the one above, and cannot read the list`;
    const rewritten = run.map((r) => `\`${r.item ? `${r.indent}- ${r.text}` : r.text}\``);
    const listed = rewritten.length === 1 ? rewritten[0]! : `${rewritten.slice(0, -1).join(", ")} and ${rewritten[rewritten.length - 1]}`;
    found.push({
      line: first.line,
      lines: run.map((r) => r.line),
      column: (bullets[0]!.line === first.line ? first.indent.length : 0) + 1,
      field: fieldPathOnLine(lines, k + 1) ?? "",
      message: `${bulletLines} with ${signs}, not the hyphen - that starts a list item in YAML${readAs}`,
      fix: `write a hyphen - in place of ${bullets.length === 1 ? "it" : "each"}, so that lines ${at(first)}–${at(last)} read: ${listed}`,
    });
    k = last.line - 1;
  }
  return found;
}

// A list item's text (`- x` or `[x, x]`) starting with a bullet, or (in topics) a question number: cheap to test before walking the tree.
const ITEM_IN_ITEM_HINT = /(?:^[ \t]*-[ \t]+|[[,][ \t]*)["']?(?:[•·▪◦‣●][ \t]|(?:T|Q|Topic|Question)\s?\d|\d{1,2}[.)])/im;

/**
 * `text` as code in a message, in backticks: more of them than any run in it, and a space inside
 * when it starts or ends with one, as markdown writes code (`` - Is `npm` hard?``), so that a
 * line with backticks in it still shows where it starts and ends.
 */
function code(text: string): string {
  const fence = "`".repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = /^`|`$/.test(text) ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The corrected lines as the fix lists them: `a`, `b` and `c`. */
function listedLines(rewritten: readonly string[]): string {
  const quoted = rewritten.map(code);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/**
 * A list item that holds several (`- • First question? - Second question?`, `- • a • b`, or in
 * topics `- 1. First? 2. Second?`), as a document pasted after a `- ` or a list typed on one
 * line gives, or a lone bullet after the hyphen (`- • First question?`): valid YAML, one item
 * whose text starts with "•" where two were meant. An error with the item's lines as they
 * should read, one `- ` line per item (itemsInOneItem says when the text is evidence enough:
 * `- Night shift - what helps?` is one item). The data is still read.
 */
function itemsInOne(doc: Document, lines: readonly string[], lineOf: (offset: number) => number, shift: number): Array<{ line: number; column: number; field: string; message: string; fix: string }> {
  const found: Array<{ line: number; column: number; field: string; message: string; fix: string }> = [];
  visit(doc, {
    Scalar(key, node, path) {
      const parent = path[path.length - 1];
      if (typeof key !== "number" || !isSeq(parent) || typeof node.value !== "string" || !node.range) return;
      const first = lineOf(node.range[0]);
      const last = lineOf(Math.max(node.range[0], node.range[1] - 1));
      const lineText = lines[first - 1] ?? "";
      const from = node.range[0] - lineStart(lines as string[], first);
      // `[a, b]` on one line: the fix is that line, the items in its brackets.
      const flow = parent.flow;
      if (flow && last !== first) return;
      // Only `- text` itself (not `- - text`); a later line starting with `- ` is joinedItems'.
      const dash = flow ? undefined : /^([ \t]*)-[ \t]+(?=[^-\s])/.exec(lineText);
      if (!flow && !dash) return;
      for (let line = first + 1; line <= last; line++) if (/^[ \t]*-[ \t]/.test(lines[line - 1] ?? "")) return;
      const list = dottedPath(path, "");
      const topics = list === "topics";
      const read = itemsInOneItemRead(node.value, key, topics);
      if (!read) return;
      // A tag holds no comma (the schema refuses "x, y"): the items a comma parts are items too, so that one fix is all the line needs.
      const tags = list === "tags";
      const items = tags ? read.items.flatMap((item) => item.split(",").map((t) => t.trim()).filter(Boolean)) : read.items;
      if (!items.length) return;
      const bullet = /^[•·▪◦‣●]/.exec(node.value)?.[0];
      const where = first === last ? `line ${first + shift}` : `lines ${first + shift}–${last + shift}`;
      const what = topics ? "question" : "item";
      const inLine = (texts: readonly string[]) => `${lineText.slice(0, from)}${texts.map(flowText).join(", ")}${lineText.slice(node.range![1] - lineStart(lines as string[], first))}`;
      const rewritten = items.map((item) => `${dash?.[1] ?? ""}- ${yamlScalar(item)}`);
      const column = (bullet ? lineText.indexOf(bullet, from) : from) + 1;
      const field = `${list}[${key}]`;
      const lead = flow ? `${where} has ${topics ? "a question" : "an item"} that starts with a bullet ${bullet}` : `${where} has a bullet ${bullet} after the hyphen - that starts the ${what}`;
      if (items.length === 1) {
        const fixed = flow ? inLine(items) : rewritten[0]!;
        found.push({
          line: first, column, field,
          message: `${lead}: the bullet is read as part of its text, "${node.value}", and would be shown`,
          fix: first === last ? `write it without the bullet, so that line ${first + shift} reads ${code(fixed)}` : `write it without the bullet, on one line: ${code(fixed)}`,
        });
        return;
      }
      // One item split at dashes between spaces may be one after all ("• Night shift - what helps?").
      // Not a tag with a comma, which is no one tag either.
      const unbulleted = node.value.replace(/^[•·▪◦‣●][ \t]+/, "");
      const atDashes = !!bullet && !node.value.slice(1).match(/[•·▪◦‣●][ \t]/) && !(tags && unbulleted.includes(","));
      const whole = atDashes ? (flow ? inLine([unbulleted]) : `${dash![1]}- ${yamlScalar(unbulleted)}`) : undefined;
      const without = bullet ? `, without the bullet${read.unnumbered ? " and its number" : ""}` : read.unnumbered ? " and without its number" : "";
      found.push({
        line: first, column, field,
        message: bullet
          ? `${lead}, and ${items.length} ${what}s after it: YAML reads them as one ${what}, "${node.value}"`
          : `${where} holds ${items.length} numbered questions, which YAML reads as one, "${node.value}"; the page numbers the questions itself`,
        fix: `${flow
          ? `write each ${what} as an item of its own${without}, so that line ${first + shift} reads ${code(inLine(items))}`
          : `write each ${what} on its own line starting with "- "${without}, so that ${where} ${first === last ? "becomes" : "become"} ${items.length} lines: ${listedLines(rewritten)}`}${whole ? ` (if it is one ${what}, write it without the bullet: ${code(whole)})` : ""}`,
      });
    },
  });
  return found;
}

/** An item as YAML reads it back inside [ ]: plain when it can be, else in double quotes. */
function flowText(text: string): string {
  const plain = yamlScalar(text);
  return plain === text && !/[,[\]{}]/.test(text) ? text : JSON.stringify(text);
}

// A signed line (`- b`, `• b`) below an unsigned one in a field's value: cheap to test.
const UNSIGNED_FIRST_HINT = /^[ \t]*[^\s\-–—−•‐‑#][^\n]*[^:\s][ \t]*\n[ \t]+[-–—−•‐‑][ \t]/m;

/**
 * A list below its field whose first item has no sign (`topics:` then `  First?` and `  -
 * Second?`), or whose first item is on the field's line (`topics: First?` then `  - Second?`):
 * YAML reads it all as one text, "First? - Second?", with no error of its own, and the
 * schema's message could only show that text. An error with the writer's items, each on its
 * own `- ` line. Only for a field the schema knows and that takes no text (`keepsText`):
 * `description:` then `  A chat` and `  - with a dash` is a description. Lines are the YAML text's; `shift` makes the
 * message's the file's.
 */
function unsignedFirstItems(doc: Document, lines: readonly string[], lineOf: (offset: number) => number, shift: number, keepsText: (path: readonly PropertyKey[], text: string) => boolean, fieldsOf: (dotted: string) => readonly string[]): Array<{ line: number; column: number; field: string; message: string; fix: string }> {
  const found: Array<{ line: number; column: number; field: string; message: string; fix: string }> = [];
  visit(doc, {
    Scalar(key, node, path) {
      const pair = path[path.length - 1];
      if (key !== "value" || !isPair(pair) || !isScalar(pair.key) || !pair.key.range || node.type !== "PLAIN" || typeof node.value !== "string" || !node.range) return;
      const keyLine = lineOf(pair.key.range[0]);
      const first = lineOf(node.range[0]);
      const last = lineOf(Math.max(node.range[0], node.range[1] - 1));
      if (last === first) return;
      const at = nodePath(path, key);
      // A field the schema does not know (`topcis:`) is the unknown-field message's first.
      if (!fieldsOf(dottedPath(path.slice(0, -1), "")).includes(String(pair.key.value)) || keepsText(at, node.value)) return;
      const items: Array<{ line: number; sign: string; text: string; indent: number }> = [];
      for (let line = first; line <= last; line++) {
        const l = (lines[line - 1] ?? "").replace(/\r$/, "");
        const from = line === first ? node.range[0] - lineStart(lines as string[], line) : indentOf(l);
        const written = l.slice(from).trimEnd();
        if (written.trim() === "") continue;
        const signed = line > first ? /^([-–—−•‐‑])[ \t]+(.*)$/.exec(written) : null;
        const previous = items[items.length - 1];
        // A line further in than the item above (its sign, or its text when it has none) goes on with it.
        if (!signed && previous && from > previous.indent) previous.text += ` ${written.trim()}`;
        else items.push({ line, sign: signed?.[1] ?? "", text: signed ? signed[2]! : written.trim(), indent: from });
      }
      if (items.length < 2 || items[0]!.sign || !items.some((i) => i.sign)) return;
      const topics = at.length === 1 && at[0] === "topics";
      const keyText = lines[keyLine - 1] ?? "";
      const keyIndent = indentOf(keyText);
      const onKeyLine = first === keyLine;
      // The first item's indent, as written; on the field's line, the next item's.
      const itemLine = lines[(onKeyLine ? items.find((i) => i.sign)!.line : first) - 1] ?? "";
      const indent = " ".repeat(Math.max(indentOf(itemLine), keyIndent + 2));
      // Numbers firm and rising ("Q2 First?", "Q3 Second?") go whatever they start from, as in itemsInOne.
      const texts = (topics ? withoutRisingLabels(items.map((item) => item.text)) : undefined) ?? items.map((item, i) => (topics ? withoutTopicLabel(item.text, i) ?? item.text : item.text));
      const numbered = texts.some((t, i) => t !== items[i]!.text);
      // A tag holds no comma (the schema refuses "x, y"): each part is an item of its own.
      const written = at.length === 1 && at[0] === "tags" ? texts.flatMap((t) => t.split(",").map((p) => p.trim()).filter(Boolean)) : texts;
      const rewritten = written.map((t) => `${indent}- ${yamlScalar(t)}`);
      if (onKeyLine) rewritten.unshift(`${keyText.slice(0, keyIndent)}${String(pair.key.value)}:`);
      const from = onKeyLine ? keyLine : first;
      const firstItem = items[0]!.line + shift;
      found.push({
        line: first,
        column: node.range[0] - lineStart(lines as string[], first) + 1,
        field: dottedPath(path.slice(0, -1), String(pair.key.value)),
        message: `the first item (line ${firstItem}${onKeyLine ? `, after \`${String(pair.key.value)}:\`` : ""}) does not start with the hyphen - that starts a list item in YAML, so YAML reads lines ${first + shift}–${last + shift} as one text, "${node.value}", not as ${items.length} items`,
        fix: `${onKeyLine ? `write \`${String(pair.key.value)}:\` alone on its line and ` : ""}start each item with a hyphen -, on its own line${numbered ? ", without its number (the page numbers the questions itself)" : ""}, so that lines ${from + shift}–${last + shift} read: ${listedLines(rewritten)}`,
      });
    },
  });
  return found;
}

function yamlMarks(doc: Document, text: string, lines: readonly string[], lineOf: (offset: number) => number): Array<{ offset: number; field: string; message: string; fix: string }> {
  // Only where `!` or `&` starts a word: most front matter has none, and is not walked.
  if (!/(?:^|[\s[{,:?-])[!&][^\s]?/m.test(text)) return [];
  const aliased = new Set<string>();
  visit(doc, { Alias(_, alias) { aliased.add(alias.source); } });
  const out: Array<{ offset: number; field: string; message: string; fix: string }> = [];
  visit(doc, {
    Node(key, node, path) {
      if (!node.range) return;
      const tag = node.tag !== undefined && !CORE_TAGS.has(node.tag) ? node.tag : undefined;
      const anchor = node.anchor !== undefined && !aliased.has(node.anchor) ? node.anchor : undefined;
      if (tag === undefined && anchor === undefined) return;
      // The mark as written, the last before the value (the tree keeps only its name).
      const before = text.slice(0, node.range[0]);
      const find = (sign: string) => [...before.matchAll(new RegExp(`(?:^|[\\s[{,:?-])(\\${sign}[^\\s,[\\]{}]*)`, "g"))].pop();
      const found = tag !== undefined ? find("!") : find("&");
      if (!found) return;
      const written = found[1]!;
      const offset = found.index! + found[0].length - written.length;
      const line = lineOf(offset);
      const parent = path[path.length - 1];
      const field = key === "key" || key === "value"
        ? dottedPath(path.slice(0, -1), isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : "")
        : typeof key === "number" ? `${dottedPath(path, "")}[${key}]` : "";
      const value = isScalar(node) && typeof node.value === "string" ? node.value : undefined;
      const what = tag !== undefined ? "a tag" : "an anchor (a name for the value, which * repeats elsewhere)";
      const named = key === "key" ? "field name" : "value";
      const shown = value === undefined ? "" : value === "" ? `: the ${named} would be empty` : `: the ${named} would be "${value}", without it`;
      // A value on one line, as the writer meant it, in quotes; otherwise, the mark taken away.
      const oneLine = key !== "key" && value !== undefined && lineOf(node.range[1]) === line;
      const flow = path.some((n) => (isSeq(n) || isMap(n)) && n.flow);
      const quoted = !oneLine ? undefined : flow ? `put the item in quotes: ${quoteYaml(text.slice(offset, node.range[1]))}` : quoteSuggestion(lines[line - 1]);
      out.push({
        offset, field,
        message: `YAML reads \`${written}\` at the start of a ${named} as ${what}, one of its own marks, not as text${shown}`,
        fix: quoted ?? `delete \`${written}\`, or put the whole ${named} in quotes`,
      });
    },
  });
  return out;
}

function isPairLike(node: unknown): node is { key: { value: unknown } } {
  return !!node && typeof node === "object" && "key" in node && isScalar((node as { key: unknown }).key);
}

interface DroppedComment {
  /** 1-based line (within the YAML text) and column of the `#`. */
  line: number;
  column: number;
  /** The comment as written, from `#` to the end of the line. */
  comment: string;
  /** The value with the comment: what the writer meant to write. */
  written: string;
  /** A note written after the hashtag (`#nursing  # draft`), kept as a note by the fix; "" if none. */
  note: string;
  /** What precedes the value on its first line, e.g. `title: ` or `- `. */
  lead: string;
  /** The line the value starts on. */
  firstLine: number;
}

/**
 * The hashtag after an unquoted text value (`title: Night shift #nursing`), which YAML reads
 * as a comment and drops. A comment written as one, `# note` with a space (as the README's
 * example and `npm run new` write them), or after a quoted value (in curly quotes too,
 * `“Night shift” #draft`), a number or true/false, was written knowing YAML, and is left alone;
 * so is a `#word` set apart by two spaces or a tab (`Night shift  #TODO`): a note, as a hashtag
 * is written one space after its text.
 */
function droppedComment(text: string, node: { value: unknown; type?: string; range?: [number, number, number] | null }, lines: string[], lineOf: (offset: number) => number): DroppedComment | undefined {
  if (node.type !== "PLAIN" || typeof node.value !== "string" || !node.range || curlyQuoted(node.value)) return undefined;
  const [start, end, nodeEnd] = node.range;
  const after = /^ #(?=[\p{L}\p{N}_])/u.exec(text.slice(end, nodeEnd));
  if (!after) return undefined;
  const hash = end + after[0].length - 1;
  const line = lineOf(hash);
  const lineText = lines[line - 1]!;
  const column = hash - lineStart(lines, line) + 1;
  const { value: comment, comment: note } = trailingComment(lineText.slice(column - 1).trimEnd());
  const firstLine = lineOf(start);
  const lead = (lines[firstLine - 1] ?? "").slice(0, start - lineStart(lines, firstLine)).trimStart();
  return { line, column, comment, written: `${node.value}${lineText.slice(end - lineStart(lines, line), column - 1)}${comment}`, note, lead, firstLine };
}

// `# topics:`, `#chat:  # when`: a field with no value on its line, commented out.
const COMMENTED_FIELD = /^([ \t]*)#[ \t]*([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(#.*)?$/;

/**
 * A field's line still commented out (`# topics:`) above its value, which is not (`  - First
 * question?`), as a writer filling in what `npm run new` wrote may leave it: YAML finds a list
 * or a group with no field. Found from any line of that value YAML fails on, so that it is told once.
 */
function commentedField(lines: readonly string[], line: number): Explained | undefined {
  let i = line - 1;
  while (i >= 0 && !COMMENTED_FIELD.test(lines[i]!) && (lines[i]!.trim() === "" || /^[ \t]*-(?:[ \t]|$)/.test(lines[i]!) || (/^[ \t]/.test(lines[i]!) && !/^[ \t]*#/.test(lines[i]!)))) i--;
  const m = i >= 0 ? COMMENTED_FIELD.exec(lines[i]!) : null;
  if (!m) return undefined;
  const next = nextContentLine(lines, i + 1);
  const value = next === undefined ? "" : lines[next]!;
  const indent = m[1]!.length;
  if (!(/^[ \t]*-(?:[ \t]|$)/.test(value) ? indentOf(value) >= indent : indentOf(value) > indent)) return undefined;
  const fixed = `${m[1]}${m[2]}:${m[3] ? `  ${m[3]}` : ""}`;
  return {
    line: i + 1, column: indent + 1, field: fieldPathOnLine([...lines.slice(0, i), fixed], i + 1) ?? m[2]!,
    message: `the line \`${m[2]}:\` is commented out (it starts with #), but the ${/^[ \t]*-/.test(value) ? "list" : "fields"} below it ${/^[ \t]*-/.test(value) ? "is" : "are"} not, so YAML finds ${/^[ \t]*-/.test(value) ? "a list" : "fields"} with no field name above`,
    fix: `remove the # at the start of the line, so that it reads \`${fixed}\``,
  };
}

/**
 * The lines right below an empty field that are its value commented out (`topics:` then
 * `#   - First question?`, as `npm run new` writes them, the writer having taken the # off the
 * field's line only): each as it reads without its `#` (and the one space after it), with its
 * 0-based index in `lines`. Only when they read, so, as the field's value: list items (`list`)
 * or fields of a group, indented below it. `key` is the 0-based index of the field's line.
 */
export function commentedOutBelow(lines: readonly string[], key: number, list: boolean): Array<{ index: number; text: string }> | undefined {
  const keyLine = lines[key] ?? "";
  if (!/^[ \t]*(?:-[ \t]+)?[^\s#][^:]*:[ \t]*(?:#.*)?$/.test(keyLine)) return undefined;
  const indent = indentOf(keyLine);
  const found: Array<{ index: number; text: string }> = [];
  for (let i = key + 1; i < lines.length; i++) {
    const m = /^([ \t]*)#(.*)$/.exec(lines[i]!);
    if (!m) break;
    // `#   - First question?` → `  - First question?`: the # and, for an even indentation, one space.
    const spaces = indentOf(m[2]);
    const text = `${m[1]}${(m[1]!.length + spaces) % 2 === 1 && /^ /.test(m[2]!) ? m[2]!.slice(1) : m[2]}`.trimEnd();
    const item = /^[ \t]*-(?:[ \t]|$)/.test(text);
    const field = /^[ \t]*[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|$)/.test(text);
    // The first line says what the value is; those below it may be its items' fields.
    const deep = indentOf(text) > indent || (item && indentOf(text) === indent);
    if (!deep || !(item || field) || (!found.length && item !== list)) break;
    found.push({ index: i, text });
  }
  if (!found.length) return undefined;
  // Read as YAML they must be the field's value, and nothing else: a note such as `# see: …` is not.
  const doc = parseDocument(`${keyLine.replace(/#.*$/, "").trimEnd()}\n${found.map((f) => f.text).join("\n")}\n`, { prettyErrors: false });
  if (doc.errors.length || !isMap(doc.contents) || doc.contents.items.length !== 1) return undefined;
  return found;
}

/**
 * Front matter whose closing `---` is missing, so that a horizontal rule further down was
 * taken for it: where the text of the post starts (see `proseStart`), when YAML fails
 * there or reads it as a field no post has. A heading needs no such sign: YAML reads it as
 * a comment and drops it, so it would otherwise vanish without a word.
 */
function unclosedFrontMatter(lines: string[], errors: readonly YAMLError[]): { start: number; lastField: number } | undefined {
  const prose = proseStart(lines);
  if (!prose) return undefined;
  if (!prose.heading) {
    const offset = lineStart(lines, prose.start);
    const fails = errors.some((e) => e.pos[0] >= offset) || /^[^:]*\s[^:]*:(\s|$)/.test(lines[prose.start - 1]!);
    if (!fails) return undefined;
  }
  return { start: prose.start, lastField: prose.lastField };
}

export interface ProseStart {
  /** 1-based line (within the front matter) where the text starts: a paragraph, a list, a quote, or a heading. */
  start: number;
  /** The last line of fields before it. */
  lastField: number;
  /** Whether it is a markdown heading, which YAML would read as a comment. */
  heading: boolean;
}

/**
 * Where the text of a post starts in front matter that runs on into it (its closing `---`
 * is missing): the first line after a blank line that is not YAML (a paragraph, a list,
 * a quote), a sentence right after the fields, or a markdown heading after a blank line
 * or above text — but not a comment above more fields (`# when it is` then `date:`), nor
 * a commented-out field (`# description: …`). `lines` are the lines after the opening
 * `---`; undefined when none looks like text.
 */
export function proseStart(lines: readonly string[]): ProseStart | undefined {
  let lastField = 0;
  let blank = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === "") {
      blank = lastField > 0;
      continue;
    }
    if (/^\s*#/.test(l)) {
      // Text, unless more fields follow it (it then heads them). With nothing after it, only
      // after a blank line: a note right below the fields stays a note.
      if (lastField > 0 && markdownHeading(l)) {
        const next = nextContentLine(lines, i + 1);
        const fieldsFollow = next !== undefined && continuesFields(lines[next]!, lines[lastField - 1]!);
        if (!fieldsFollow && (blank || next !== undefined)) return { start: i + 1, lastField, heading: true };
      }
      continue;
    }
    // `– What next?` right below `topics:` (or another such line): a list with a word processor's dashes, not text.
    if (!blank && lastField > 0 && DASH_ITEM.test(l) && (/:[ \t]*(?:#.*)?$/.test(lines[lastField - 1]!) || DASH_ITEM.test(lines[lastField - 1]!))) {
      lastField = i + 1;
      continue;
    }
    // `Patients have been organising online … [@fox2013]: trading advice …`, `Note: we meet at 8.`:
    // the text's first line, with a colon in it, right below the fields; never "remove the field".
    if (lastField > 0 && proseWithColon(l, lines, i)) return { start: i + 1, lastField, heading: false };
    // Three words or more ending like a sentence: not a field whose colon was forgotten.
    // Not `description:A weekly chat.`: a field's name (chatpost's are lower case) and its colon,
    // the space after it forgotten. `Note:the chat moves.` starts a sentence.
    const sentence = !l.includes(": ") && !/^[a-z][a-z_.-]*:[^\s/:]/.test(l) && /^\S+(\s+\S+){2,}$/.test(l.trim()) && /[.!?…]$/.test(l.trim());
    if (yamlLike(l) || (!blank && !(sentence && lastField > 0))) {
      lastField = i + 1;
      blank = false;
      continue;
    }
    return { start: i + 1, lastField, heading: false };
  }
  return undefined;
}

/**
 * A line at the left edge that YAML would read as `name: value` but that is a sentence: its
 * "name" has spaces and a sentence's punctuation in it, or is longer than any field's (40
 * characters); or it is one capitalised word (`Note:`) before a sentence, with no field at the
 * left edge below it. `i` is its 0-based index in `lines`.
 */
function proseWithColon(l: string, lines: readonly string[], i: number): boolean {
  const m = /^([^\s#\-"'[{?&!|%>*][^:]*?)[ \t]*:(?:[ \t]+(.*))?$/.exec(l);
  if (!m) return false;
  const name = m[1]!;
  if (/\s/.test(name) && (/[,;.!?()[\]"“”‘’…@]/.test(name) || name.length > 40)) return true;
  if (name.length > 40) return true;
  const value = (m[2] ?? "").trim();
  if (!/^\p{Lu}[\p{Ll}\p{Lo}]*$/u.test(name) || !/^\S+(\s+\S+){2,}$/.test(value) || !/[.!?…:)]$/.test(value)) return false;
  // A field written below it: a field whose name the writer capitalised, among the others.
  return !lines.slice(i + 1).some((below) => /^[a-z_][\w.-]*[ \t]*:(?:\s|$)/.test(below));
}

/** A line YAML reads as part of the fields: indented, a list item, `field:`, or quoted or bracketed. */
function yamlLike(l: string): boolean {
  return /^[ \t]/.test(l) || /^-(\s|$)/.test(l) || /^[A-Za-z_][\w.-]*[ \t]*:(\s|$)/.test(l) || /^["'[{?&!|%]/.test(l) || /[\]}]\s*$/.test(l);
}

/**
 * `# Tonight's chat`, `## Questions`: hashes at the start of the line, a space and words.
 * Not a commented-out field (`# description: …`, `#tags: [a]`) or list item (`# - a`),
 * nor a line of # only.
 */
function markdownHeading(l: string): boolean {
  const m = /^#{1,6}[ \t]+(.*)$/.exec(l);
  if (!m) return false;
  const text = m[1]!.trim();
  return /[\p{L}\p{N}]/u.test(text) && !/^[A-Za-z_][\w.-]*[ \t]*:(\s|$)/.test(text) && !/^-(\s|$)/.test(text);
}

/**
 * Whether `l`, after a comment, goes on with the fields rather than the text. A list item
 * at the left edge does so only under a field that opens a list (`topics:`): anywhere
 * else it is a markdown list.
 */
function continuesFields(l: string, lastField: string): boolean {
  if (/^-(\s|$)/.test(l)) return /:[ \t]*(#.*)?$/.test(lastField);
  return yamlLike(l);
}

/** The first line at or after `from` (0-based) that is neither blank nor a comment. */
function nextContentLine(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim() !== "" && !/^\s*#/.test(lines[i]!)) return i;
  return undefined;
}

/**
 * Front matter that YAML could not read, read again without the top-level fields its errors
 * are in, so that the other fields are checked in the same run: a quote left open in
 * `title:` does not hide a wrong `chat.zone`. `lost` names the fields left out: their
 * problems, and their absence, are the YAML error's to tell. Fields written after a rule
 * taken for the end of the front matter are not guessed at. `lostText` holds the lines of
 * each field left out as written, for what a reader can still see in them (the ids of
 * `references:`, see `writtenIds`). undefined when what is left does not read either.
 */
export function readableFields(text: string, file: string, firstLine: number, errors: readonly Diagnostic[], options: ReadOptions = {}): { doc: YamlDocument; lost: Set<string>; lostText: Map<string, string> } | undefined {
  if (errors.some((d) => d.message.startsWith("the front matter is not closed"))) return undefined;
  const lines = text.split("\n");
  // The top-level field each line belongs to (the index of its key's line): the key's line and those below it.
  const owner: number[] = [];
  let current = -1;
  for (const l of lines) {
    if (TOP_LEVEL_KEY.test(l)) current = owner.length;
    owner.push(current);
  }
  const kept = [...lines];
  const lost = new Set<string>();
  const lostText = new Map<string, string>();
  let problems = errors;
  // Slips found on a later reading in lines as written (`\ufeffdate:` below `%title: x`, which
  // YAML's error hid): told with the rest, though the reading that returns has them read as fixed.
  const uncovered: Diagnostic[] = [];
  // A field left out can uncover an error in another (a quote it opened no longer closed by it).
  for (let round = 0; round < 3; round++) {
    for (const d of problems) {
      // Read as fixed: its field is kept. A warning leaves its field as it is.
      if (COLON_SLIPS.has(d) || d.severity !== "error") continue;
      const i = (d.line ?? 0) - firstLine;
      // `%YAML 1.2`, `% title: x`, `title：x`: read as it reads once fixed, so that its field is kept.
      const fixed = lineAsFixed(lines[i] ?? "");
      if (fixed !== undefined && kept[i] === lines[i]) {
        kept[i] = fixed;
        if (problems !== errors) uncovered.push(d);
        continue;
      }
      const key = owner[i];
      if (key === undefined || key < 0) return undefined;
      const written = TOP_LEVEL_KEY.exec(lines[key]!)![1]!;
      const name = written.replace(/^["']|["']$/g, "").trim();
      lost.add(name);
      if (!lostText.has(name)) lostText.set(name, lines.filter((_, j) => owner[j] === key).join("\n"));
      // The field the error names (`date` on a line indented with a tab under `title:`).
      if (d.field) lost.add(d.field.split(/[.[]/)[0]!);
      // Kept as an empty group, so that a field written beside it is still told where it
      // belongs; the other lines left blank, so that every other line keeps its number.
      for (let j = key; j < lines.length && owner[j] === key; j++) kept[j] = j === key ? `${written}: {}` : "";
    }
    const doc = readYamlDocument(kept.join("\n"), file, firstLine, options);
    if (doc.data !== undefined) return { doc: uncovered.length ? { ...doc, diagnostics: [...uncovered, ...doc.diagnostics] } : doc, lost, lostText };
    problems = doc.diagnostics.filter((d) => d.severity === "error");
    if (!problems.length) return undefined;
  }
  return undefined;
}

/**
 * The ids written in YAML text that could not be read (a post's `references:` with a slip in
 * it): the values of its `id:` lines however indented, in quotes or not, a quote left open
 * too, and `id:` in braces (`- {id: a, …}`). `ID:` is an id too, as lib/csl-normalise.ts reads it.
 */
export function writtenIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s{,])["']?id["']?[ \t]*:[ \t]+["']?([^\s"',#{}[\]]+)/gim)) ids.add(m[1]!);
  return [...ids];
}

// `title: …`, `"odd key": …` at the left edge: where a top-level field starts.
const TOP_LEVEL_KEY = /^((?:"[^"\n]*"|'[^'\n]*'|[^\s#\-"'][^:\n]*?))[ \t]*:(?:\s|$)/;

// A line of dashes that a word processor, a phone or a copy from a web page made of `---`:
// em and en dashes, a horizontal bar, minus signs, full-width and Unicode hyphens (or too few or
// too many hyphens), and nothing else.
const DASH_LINE = /^[ \t]*([-‐‑‒–—―−－﹣⸺⸻]{1,8})[ \t]*$/;
const DASH_NAMES: Record<string, string> = {
  "-": "hyphen", "‐": "Unicode hyphen", "‑": "non-breaking hyphen", "‒": "figure dash", "–": "en dash", "—": "em dash",
  "―": "horizontal bar", "−": "minus sign", "－": "full-width hyphen", "﹣": "small hyphen", "⸺": "two-em dash", "⸻": "three-em dash",
};

/** `———` → "three em dashes", `—-` → "an em dash and a hyphen". */
function dashesNamed(dashes: string): string {
  const runs: Array<[string, number]> = [];
  for (const c of dashes) {
    const last = runs[runs.length - 1];
    if (last && last[0] === c) last[1]++;
    else runs.push([c, 1]);
  }
  const count = ["", "", "two", "three", "four", "five", "six", "seven", "eight"];
  const words = runs.map(([c, n]) => (n === 1 ? `${/^[aeiou]/.test(DASH_NAMES[c]!) ? "an" : "a"} ${DASH_NAMES[c]}` : `${count[n]} ${DASH_NAMES[c]}${/sh$/.test(DASH_NAMES[c]!) ? "es" : "s"}`));
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

export interface FenceSlip { line: number; column: number; message: string; fix: string }

/**
 * The front matter's `---` lines as Eleventy reads them (gray-matter: a first line of exactly
 * three hyphens, and a line starting with `---` after a line feed), where a writer's file differs
 * without showing it: a `---` a word processor made an em dash (`—`), or typed with too few or too
 * many hyphens; the YAML end of document `...` closing the fields; and a line that ends with a
 * carriage return alone (an old Mac format) right above the closing `---`, which gray-matter does
 * not see. Eleventy would show the fields as the text, or take the whole file for its front matter
 * and lose the title and the text. Each is told, and `text` is the file as it reads once fixed
 * (without a byte order mark, with line feeds), so that every other problem is found in the same
 * run; `text` is `raw` itself when there is none. `what` names the file ("post", "page"); `always`
 * (posts) takes a first line of dashes for the opening one whenever a field comes below it.
 */
export function fenceSlips(raw: string, what: string, always: boolean): { slips: FenceSlip[]; text: string } {
  const text = raw.replace(/^\uFEFF/, "");
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const breaks = parts.filter((_, i) => i % 2 === 1);
  const slips: FenceSlip[] = [];
  const fixed = [...lines];
  const field = (l: string | undefined) => /^[A-Za-z_"'][^:]*:(?:[ \t]|$)/.test(l ?? "");
  const named = (l: string) => {
    const dashes = DASH_LINE.exec(l)?.[1];
    return dashes ? `\`${dashes}\`, ${dashesNamed(dashes)}` : `\`${l.trim()}\``;
  };
  // The opening line: `---` (or a slip of it) at the top, or below blank lines (misplacedOpening's to tell).
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === "") first++;
  const top = lines[first] ?? "";
  let from: number | undefined;
  if (/^[ \t]*---[ \t]*$/.test(top)) from = first + 1;
  else if ((dashFence(top) || /^\.\.\.[ \t]*$/.test(top)) && field(lines[nextContentLine(lines, first + 1) ?? first + 1])) {
    from = first + 1;
    const close = closingLine(lines, from);
    if (always || close !== undefined) {
      fixed[first] = top.replace(/\S+/, "---");
      slips.push({
        line: first + 1, column: indentOf(top) + 1,
        message: `line ${first + 1} is ${named(top)}, not the three hyphens \`---\` that start the front matter${DASH_LINE.test(top) ? " (word processors and phones turn --- into a dash)" : ""}: the fields would be shown as the ${what}'s text`,
        fix: `write three hyphens in its place: \`---\``,
      });
    }
  } else if (always && field(top)) from = first;
  const close = from === undefined ? undefined : closingLine(lines, from);
  if (close !== undefined && !/^---[ \t]*$/.test(lines[close]!)) {
    const l = lines[close]!;
    const dots = /^[ \t]*\.\.\.[ \t]*$/.test(l);
    fixed[close] = "---";
    slips.push({
      line: close + 1, column: 1,
      message: dots
        ? `the front matter is closed with \`...\`, which YAML allows but Eleventy does not read as its end: it would take the whole file for the fields, and the ${what} would lose its title and all its text`
        : `line ${close + 1} is ${named(l)}, not the three hyphens \`---\` that end the front matter${/^[ \t]*-+[ \t]*$/.test(l) ? "" : " (word processors and phones turn --- into a dash)"}: the ${what}'s text would be read as fields`,
      fix: dots ? "close the fields with --- (three hyphens), not ...: write `---` in its place" : "write three hyphens in its place, at the start of the line: `---`",
    });
  }
  // gray-matter finds the closing `---` after a line feed only.
  if (close !== undefined && breaks[close - 1] === "\r") {
    const only = !/\n/.test(text);
    slips.push({
      line: close, column: lines[close - 1]!.length + 1,
      message: only
        ? `the lines end in CR alone, an old Mac format: Eleventy does not see the \`---\` on line ${close + 1} that ends the front matter, and the ${what} would lose its title and all its text`
        : `line ${close} ends in CR alone (an old Mac line end), not LF: Eleventy does not see the \`---\` on line ${close + 1} that ends the front matter, and the ${what} would lose its title and all its text`,
      fix: "save the file with ordinary line ends (LF): most editors offer it in the status bar or the save dialog (\"LF\", \"Unix\")",
    });
  }
  if (!slips.length) return { slips, text: raw };
  return { slips, text: fixed.join("\n") };
}

/**
 * The line (0-based) that ends front matter whose fields start at `from`: the first `---` line,
 * or the first line of dashes or `...` below which no field comes before a `---`, with only fields above it.
 */
function closingLine(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^---[ \t]*$/.test(l)) return i;
    if (!dashFence(l) && !/^[ \t]*\.\.\.[ \t]*$/.test(l)) continue;
    if (!fieldsOnly(lines, from, i)) return undefined;
    // Fields below it up to a `---`: it is a slip among the fields, not their end (YAML tells it).
    const next = nextContentLine(lines, i + 1);
    const after = next === undefined ? undefined : lines.slice(next).findIndex((x) => /^---[ \t]*$/.test(x));
    if (next !== undefined && after !== undefined && after > 0 && fieldsOnly(lines, next, next + after)) continue;
    return i;
  }
  return undefined;
}

/** A line of dashes meant as `---` (see DASH_LINE): not a list's `-` alone, nor `---` itself. */
function dashFence(l: string): boolean {
  const dashes = DASH_LINE.exec(l)?.[1];
  return !!dashes && !/^[ \t]/.test(l) && (/[^-]/.test(dashes) || (dashes.length !== 1 && dashes.length !== 3));
}

/**
 * The problem of a file whose front matter does not start on its first line, which every
 * reader of front matter (Eleventy's too) requires, so the fields would be shown as text:
 * blank lines or spaces before the opening `---`, or (`fieldsFirst`, for posts, which
 * always have front matter) the fields written without it, `title:` on line 1 and a `---`
 * below them. Only when the lines up to the closing `---` read as fields; with the file
 * split as it reads once fixed, so that its other problems are found in the same run.
 */
export function misplacedOpening(raw: string, what: string, fieldsFirst: boolean): { line: number; column: number; message: string; fix: string; split: SplitFile & { yaml: string } } | undefined {
  const lines = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === "") first++;
  if (first === lines.length) return undefined;
  const fence = /^([ \t]*)---[ \t]*$/.exec(lines[first]!);
  const onlyFields = (from: number, to: number) => fieldsOnly(lines, from, to);
  const closing = (from: number) => closingFence(lines, from);
  if (fence && (first > 0 || fence[1])) {
    const close = closing(first + 1);
    if (close === undefined || !onlyFields(first + 1, close)) return undefined;
    const split = splitFrontMatter(["---", ...lines.slice(first + 1)].join("\n"));
    const before = [first ? `${first === 1 ? "a blank line comes" : `${first} blank lines come`} before it` : "", fence[1] ? "it is indented" : ""].filter(Boolean).join(" and ");
    const remove = [first ? `the blank line${first === 1 ? "" : "s"} above it` : "", fence[1] ? "the spaces before it" : ""].filter(Boolean).join(" and ");
    return {
      line: first + 1, column: 1,
      message: `the file must start with the front matter's \`---\`, but ${before}: the fields would be shown as the ${what}'s text`,
      fix: `delete ${remove}, so that the file starts with \`---\``,
      split: { ...split, yaml: split.yaml ?? "", yamlLine: split.yamlLine + first, bodyLine: split.bodyLine + first },
    };
  }
  if (!fieldsFirst || fence) return undefined;
  const close = closing(first);
  if (close === undefined || !onlyFields(first, close)) return undefined;
  const split = splitFrontMatter(["---", ...lines.slice(first)].join("\n"));
  return {
    line: first + 1, column: 1,
    message: `the front matter has no first \`---\`: the fields start on line ${first + 1} and end at the \`---\` on line ${close + 1}, so they would be shown as the ${what}'s text`,
    fix: `add a line \`---\` ${first ? `in place of the blank line${first === 1 ? "" : "s"} above line ${first + 1}` : "above line 1"}, so that the file starts with it`,
    split: { ...split, yaml: split.yaml ?? "", yamlLine: split.yamlLine - 1 + first, bodyLine: split.bodyLine - 1 + first },
  };
}

/** Whether lines `from` to `to` (0-based, `to` excluded) read as fields: the first a `field:`, the others YAML, blank or comments. */
function fieldsOnly(lines: readonly string[], from: number, to: number): boolean {
  return /^[A-Za-z_][\w.-]*[ \t]*:(\s|$)/.test(lines[nextContentLine(lines, from) ?? from] ?? "") &&
    lines.slice(from, to).every((l) => l.trim() === "" || /^\s*#/.test(l) || yamlLike(l));
}

/** The first line at or after `from` (0-based) that ends front matter for Eleventy: `---`. */
function closingFence(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) if (/^---[ \t]*$/.test(lines[i]!)) return i;
  return undefined;
}

/**
 * A `---` written twice, as a writer copying a post may: at the top (`---`, `---`, the fields,
 * `---`), where the front matter is read as empty and the fields as the post's text, an error
 * with the file split as it reads once the line is deleted; or where the fields end (the
 * fields, `---`, `---`), where the second is a horizontal line at the top of the page, a
 * warning; when fields and a `---` follow it, they are fields cut off from the others, an
 * error, read with them. `found` is the file as split; `what` names it ("post", "page").
 */
export function doubledFence(raw: string, found: SplitFile, what: string): { severity: "error" | "warning"; line: number; column: number; message: string; fix: string; split?: SplitFile & { yaml: string } } | undefined {
  if (found.yaml === undefined) return undefined;
  const lines = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const isFence = (i: number) => /^---[ \t]*$/.test(lines[i] ?? "");
  if (found.yaml.trim() === "") {
    // The second `---` (0-based): line 2, or below blank lines.
    const second = found.yamlLine - 1 + (found.yaml === "" ? 0 : found.yaml.split("\n").length - 1);
    const close = closingFence(lines, second + 1);
    if (!isFence(second) || close === undefined || !fieldsOnly(lines, second + 1, close)) return undefined;
    const split = splitFrontMatter(["---", ...lines.slice(second + 1)].join("\n"));
    return {
      severity: "error", line: second + 1, column: 1,
      message: `line ${second + 1} is a second \`---\`: the fields below it are read as the ${what}'s text`,
      fix: `delete line ${second + 1}`,
      split: { ...split, yaml: split.yaml ?? "", yamlLine: split.yamlLine + second, bodyLine: split.bodyLine + second },
    };
  }
  // The fence that ends the fields, and the first line after it that is not blank (0-based).
  const end = found.bodyLine - 2;
  let next = end + 1;
  while (next < lines.length && lines[next]!.trim() === "") next++;
  if (!isFence(end) || !isFence(next)) return undefined;
  const close = closingFence(lines, next + 1);
  if (close !== undefined && fieldsOnly(lines, next + 1, close)) {
    // Read as one front matter: the two fences (and the blank lines between them) left blank, so that every line keeps its number.
    const yaml = lines.slice(1, close).map((l, i) => (i + 1 >= end && i + 1 <= next ? "" : l));
    return {
      severity: "error", line: next + 1, column: 1,
      message: `line ${next + 1} is a second \`---\` after the one that ends the fields on line ${end + 1}: the fields below it, up to line ${close + 1}, are read as the ${what}'s text`,
      fix: `delete lines ${end + 1}${next === end + 1 ? " and" : " to"} ${next + 1}, so that all the fields are between the first \`---\` and the one on line ${close + 1}`,
      split: { yaml: `${yaml.join("\n")}\n`, yamlLine: 2, body: lines.slice(close + 1).join("\n"), bodyLine: close + 2 },
    };
  }
  return {
    severity: "warning", line: next + 1, column: 1,
    message: `line ${next + 1} is a second \`---\` after the one that ends the fields on line ${end + 1}: it is shown as a horizontal line at the top of the ${what}`,
    fix: `delete line ${next + 1}`,
  };
}

/**
 * The problem of a file that opens its front matter with `---` and has no other `---`
 * line: where its text starts, and the line to add `---` after, with the file split
 * there when its text was found. `raw` is the whole file; `what` names it ("post", "page").
 */
export function neverClosed(raw: string, what: string): { line: number; column: number; message: string; fix: string; split?: SplitFile & { yaml: string } } {
  // The lines after the opening `---`: line i of them is line i + 2 of the file.
  const lines = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n").slice(1);
  const shown = (line: number) => {
    const text = lines[line - 1]!.trim();
    return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
  };
  const prose = proseStart(lines);
  if (prose) {
    return {
      line: prose.start + 1, column: 1,
      message: `the front matter is never closed: this line is where the ${what}'s text starts, but no line \`---\` comes before it to end the fields`,
      fix: `add a line \`---\` after line ${prose.lastField + 1}, the last field (${shown(prose.lastField)})`,
      // The file as it reads with that line added, so that its other problems are found too.
      split: { yaml: `${lines.slice(0, prose.lastField).join("\n")}\n`, yamlLine: 2, body: lines.slice(prose.lastField).join("\n"), bodyLine: prose.lastField + 2 },
    };
  }
  let last = lines.length;
  while (last > 0 && lines[last - 1]!.trim() === "") last--;
  if (last === 0) {
    return {
      line: 1, column: 1,
      message: "the front matter is never closed: the file has only its first line `---`",
      fix: `write the fields below it (title:, date:, …), then a line \`---\`, then the ${what}'s text`,
    };
  }
  // Only fields (a file cut short), or text that cannot be told from them.
  return {
    line: last + 1, column: 1,
    message: "the front matter is never closed: the file ends with no line `---` after the fields",
    fix: `add a line \`---\` after line ${last + 1}, the last line (${shown(last)}), then the ${what}'s text below it`,
  };
}

function plainSpaces(line: string): string {
  return line.replace(new RegExp(NBSP.source, "g"), " ");
}

/**
 * Non-breaking spaces where YAML needs an ordinary one: in the indentation, after a list's
 * `-`, in or after a field name. Editors and word processors type them, and they look like
 * spaces; in a value's text they are fine (`10\u00a0pm`).
 */
function nonBreakingSpaces(lines: string[]): Array<{ line: number; column: number; message: string; fix: string }> {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!NBSP.test(l)) continue;
    const plain = plainSpaces(l);
    if (/^\s*#/.test(plain)) continue;
    const indent = /^[ \t]*/.exec(plain)![0].length;
    const dashes = /^(?:-[ \t]+)*/.exec(plain.slice(indent))![0].length;
    const key = /^[^\s#"'[{][^:]*?[ \t]*:(?:[ \t]+|$)/.exec(plain.slice(indent + dashes))?.[0].length ?? 0;
    const index = l.search(NBSP);
    if (index >= indent + dashes + key) continue;
    const where = index < indent ? "in the indentation" : index < indent + dashes ? "after the -" : l.lastIndexOf(":", indent + dashes + key) < index ? "after the colon" : "in the field name";
    const fixed = plain.slice(0, indent + dashes + key).replace(/[ \t]*:/, ":") + l.slice(indent + dashes + key);
    out.push({
      line: i + 1,
      column: index + 1,
      message: `a non-breaking space at column ${index + 1} (${where}): it looks like a space, but YAML does not read it as one`,
      fix: `type ordinary spaces there instead, so that the line reads \`${fixed.trimEnd()}\``,
    });
  }
  return out;
}

/** The dotted field path of a pair found by `visit` (ancestors are Document, maps, pairs, seqs). */
function dottedPath(ancestors: readonly unknown[], key: string): string {
  let out = "";
  for (let i = 0; i < ancestors.length; i++) {
    const node = ancestors[i];
    const child = ancestors[i + 1];
    if (isSeq(node) && child !== undefined) out += `[${node.items.indexOf(child as never)}]`;
    else if (node && typeof node === "object" && "key" in node && "value" in node && isScalar((node as { key: unknown }).key)) {
      out += (out ? "." : "") + String(((node as { key: { value: unknown } }).key).value);
    }
  }
  return out && key ? `${out}.${key}` : out || key;
}

interface Explained {
  /** 1-based line within the YAML text. */
  line: number;
  column: number;
  field?: string;
  message: string;
  fix: string;
}

interface DuplicateKey {
  /** Offset and 1-based line (within the YAML text) of the key written again. */
  offset: number;
  line: number;
  /** What to say about it; undefined when another duplicate's explanation covers it. */
  explained: Explained | undefined;
}

/**
 * Every key written again in its mapping, read from the tree (which keeps both pairs).
 * In an item of a list (a reference, an author), keys written again from some line on are
 * most often the next item, its `- ` forgotten: one error at that line, with the line as it
 * should read, in place of one error per key. A key written again at the end of an item, or
 * alone among new keys, is a key written twice.
 */
function duplicateKeys(doc: Document, lines: string[], lineOf: (offset: number) => number, firstLine: number): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const fileLine = (line: number) => line + firstLine - 1;
  visit(doc, {
    Map(_, map, path) {
      const keys = map.items.map((pair) => (isScalar(pair.key) && pair.key.range ? pair.key : undefined));
      const written = (i: number) => String(keys[i]!.value);
      const lineOfKey = (i: number) => lineOf(keys[i]!.range![0]);
      const columnOfKey = (i: number) => keys[i]!.range![0] - lineStart(lines, lineOfKey(i)) + 1;
      const same = (a: Scalar | undefined, b: Scalar | undefined) => !!a && !!b && a.value === b.value;
      const repeated = keys.map((key, i) => !!key && keys.slice(0, i).some((other) => same(other, key)));
      if (!repeated.some(Boolean)) return;
      // Split the pairs where a key repeats one of the pairs since the last split: each part
      // is an item as the writer may have meant it.
      const starts: number[] = [0];
      let seen: Scalar[] = [];
      keys.forEach((key, i) => {
        if (!key) return;
        if (seen.some((other) => same(other, key))) {
          starts.push(i);
          seen = [];
        }
        seen.push(key);
      });
      const parent = path[path.length - 1];
      const inItem = isSeq(parent) && !map.flow && !!keys[0];
      const holder = path[path.length - 2];
      const list = isPair(holder) && isScalar(holder.key) ? String(holder.key.value) : undefined;
      let itemStart = 0;
      for (let s = 1; s < starts.length; s++) {
        const start = starts[s]!;
        const end = starts[s + 1] ?? keys.length;
        const again = Array.from({ length: end - start }, (_, j) => start + j).filter((i) => repeated[i]);
        const missingDash = inItem && end - start >= 2 && (again.length >= 2 || same(keys[start], keys[0]));
        if (missingDash) {
          const names = [...new Set(again.map(written))].map((k) => `\`${k}\``);
          const listed = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0]!;
          const line = lineOfKey(start);
          const column = columnOfKey(start);
          // The `- ` at the column of the item's own, its key where the lines below have theirs.
          const keyAt = columnOfKey(0) - 1;
          let dashLine = lineOfKey(0);
          let dash = (lines[dashLine - 1] ?? "").slice(0, keyAt).lastIndexOf("-");
          // A `-` alone on the line above its first field.
          for (let l = dashLine - 1; dash < 0 && l >= 1 && !/\S/.test((lines[l - 1] ?? "").slice(keyAt)); l--) {
            const alone = /^([ \t]*)-[ \t]*(?:#.*)?$/.exec(lines[l - 1] ?? "");
            if (alone) [dashLine, dash] = [l, alone[1]!.length];
          }
          if (dash < 0 || dash > keyAt - 2) dash = Math.max(0, keyAt - 2);
          const lead = `${" ".repeat(dash)}-${" ".repeat(Math.max(1, keyAt - dash - 1))}`;
          const rewritten = lead + (lines[line - 1] ?? "").slice(column - 1).trimEnd();
          out.push({
            offset: keys[start]!.range![0], line,
            explained: {
              line, column, field: fieldPathOnLine(lines, line),
              message: `the field${names.length > 1 ? "s" : ""} ${listed} of the item that starts on line ${fileLine(itemStart === 0 ? dashLine : lineOfKey(itemStart))} ${names.length > 1 ? "are" : "is"} written again from this line, as if another item of ${list ? `\`${list}\`` : "the list"} began here without its \`- \``,
              fix: `if it is another item, write this line as \`${rewritten}\` (the - under the one on line ${fileLine(dashLine)}) and leave the lines below it as they are; if it is the same item written twice, ${names.length > 1 ? `keep one line each for ${listed}` : `keep one of the two ${listed} lines`} and delete the other${names.length > 1 ? "s" : ""}`,
            },
          });
          for (const i of again.slice(1)) out.push({ offset: keys[i]!.range![0], line: lineOfKey(i), explained: undefined });
          itemStart = start;
          continue;
        }
        for (const i of again) {
          // The first of the same key in the item as the writer sees it (after any `- ` added above).
          const first = keys.findIndex((other, j) => j >= itemStart && j < i && same(other, keys[i]));
          const line = lineOfKey(i);
          out.push({
            offset: keys[i]!.range![0], line,
            explained: {
              line, column: columnOfKey(i), field: fieldPathOnLine(lines, line),
              message: `the field \`${written(i)}\` is written twice (first on line ${fileLine(lineOfKey(first >= 0 ? first : keys.findIndex((other) => same(other, keys[i]))))})`,
              fix: "keep one of the two lines and delete the other",
            },
          });
        }
      }
    },
  });
  return out;
}

// Codes whose explanation (explainYamlError), when there is one, reads the error's position only
// for its line and column (MISSING_CHAR, BLOCK_AS_IMPLICIT_KEY and KEY_OVER_1024_CHARS compare it
// with other errors' only to give none). Not DUPLICATE_KEY, explained as the duplicate at that
// position, nor MULTILINE_IMPLICIT_KEY, explained by where the error ends.
const EXPLAINED_BY_LINE = new Set<string>([
  "UNEXPECTED_TOKEN", "BAD_SCALAR_START", "BAD_DQ_ESCAPE", "BAD_INDENT", "TAB_AS_INDENT", "MULTIPLE_DOCS",
  "MISSING_CHAR", "BLOCK_AS_IMPLICIT_KEY", "KEY_OVER_1024_CHARS",
  "MULTIPLE_ANCHORS", "MULTIPLE_TAGS", "BAD_PROP_ORDER", "ALIAS_PROPS", "BAD_ALIAS", "TAG_RESOLVE_FAILED",
]);

/** Turns one error of the `yaml` package into words a writer understands, on the most useful line. */
function explainYamlError(err: YAMLError, lines: string[], lineOf: (offset: number) => number, all: readonly YAMLError[], firstLine: number, duplicates: readonly DuplicateKey[] = [], options: ReadOptions = {}): Explained | undefined {
  const line = lineOf(err.pos[0]);
  const endLine = lineOf(Math.max(err.pos[0], err.pos[1] - 1));
  const column = (n: number, offset: number) => Math.max(1, offset - lineStart(lines, n) + 1);
  const text = lines[line - 1] ?? "";
  const here = { line, column: column(line, err.pos[0]), field: fieldPathOnLine(lines, line) };
  // ` topics:` below `chat:`: a field of the post, which the schema knows, written at the wrong level.
  const placed = (n: number): Explained | undefined => {
    const dotted = fieldPathOnLine(lines, n);
    const words = dotted === undefined ? undefined : options.placeField?.(dotted);
    return words && { line: n, column: indentOf(lines[n - 1]) + 1, ...words };
  };
  // `* item`, a markdown list: YAML reads * as the start of a reference (an alias).
  const star = /^(\s*)\*\s+(\S.*)$/.exec(text);
  if (star) {
    return {
      line, column: star[1]!.length + 1, field: fieldPathOnLine(lines, line),
      message: "a list item in YAML starts with - , not * as in markdown",
      fix: `write the line as \`${star[1]}- ${star[2]!.trimEnd()}\`${lines.filter((l) => /^\s*\*\s+\S/.test(l)).length > 1 ? ", and so each line starting with *" : ""}`,
    };
  }
  // `# topics:` above `  - First question?`: the field's line still commented out, its items not.
  const commented = commentedField(lines, line);
  if (commented) return commented;
  // `%YAML 1.2`, `% title: x`: a line that starts with % is a directive to YAML.
  const directive = err.code === "MISSING_CHAR" && /directives-end/.test(err.message) ? lines.findIndex((l) => /^%/.test(l)) + 1 : /^%/.test(text) ? line
    // `title:\u00a0T` then `%date: …`: one text to YAML, which ends on the % line.
    : err.code === "MULTILINE_IMPLICIT_KEY" && /^%/.test(lines[endLine - 1] ?? "") ? endLine : 0;
  if (directive > 0) return directiveLine(lines, directive, firstLine, options);
  // `title：x`, `– item`: a word processor's colon or dash where YAML needs its own.
  const wide = wideColon(text);
  if (wide) return { ...here, column: wide.column, field: wide.key, message: wide.message, fix: wide.fix };
  if (DASH_ITEM.test(text) && (err.code === "MISSING_CHAR" || err.code === "MULTILINE_IMPLICIT_KEY" || err.code === "UNEXPECTED_TOKEN")) {
    // Said once, on the first line of the run.
    let first = line;
    while (first > 1 && DASH_ITEM.test(lines[first - 2]!)) first--;
    const dash = DASH_ITEM.exec(lines[first - 1]!)!;
    const run: string[] = [];
    for (let i = first - 1; i < lines.length && DASH_ITEM.test(lines[i]!); i++) run.push(lines[i]!);
    const rewritten = run.map((l) => { const m = DASH_ITEM.exec(l)!; return `\`${m[1]}- ${m[3]}\``; });
    return {
      line: first, column: dash[1]!.length + 1, field: fieldPathOnLine(lines, first),
      message: `${run.length === 1 ? "this line starts" : `lines ${first + firstLine - 1}–${first + firstLine - 2 + run.length} start`} with ${dashName(dash[2]!)}, not the hyphen - that starts a list item in YAML`,
      fix: `write a hyphen - in place of ${run.length === 1 ? "it" : "each"}: ${rewritten.join(run.length === 2 ? " and " : ", ")}`,
    };
  }
  switch (err.code) {
    case "DUPLICATE_KEY": {
      const known = duplicates.find((d) => d.offset === err.pos[0]) ?? duplicates.find((d) => d.line === line);
      if (known) return known.explained;
      // Not found in the tree: the first line with the same key at the same column.
      // The key's column, not the line's indentation: `  - id: a` and `    id: b` are one item's keys.
      const key = fieldOnLine(text) ?? "";
      const indent = keyColumn(text);
      const first = lines.findIndex((l, i) => i < line - 1 && keyColumn(l) === indent && fieldOnLine(l) === key);
      return {
        ...here,
        message: `the field \`${key}\` is written twice${first >= 0 ? ` (first on line ${first + firstLine})` : ""}`,
        fix: "keep one of the two lines and delete the other",
      };
    }
    case "MISSING_CHAR": {
      const swallowed = flowComment(lines, line);
      if (swallowed) return swallowed;
      const quote = /closing (["'])/.exec(err.message)?.[1];
      if (quote) {
        const open = unclosedQuoteLine(lines, quote) ?? line;
        const elided = quote === "'" ? elision(lines[open - 1]) : undefined;
        if (elided) return { ...elided, line: open, field: fieldPathOnLine(lines, open) };
        return {
          line: open, column: Math.max(1, (lines[open - 1] ?? "").indexOf(quote) + 1), field: fieldPathOnLine(lines, open),
          message: `the quote ${quote} opened on this line is never closed, so what follows is not valid YAML`,
          fix: `end the text with ${quote}${quote === '"' ? ' (write \\" for a quote inside it, or use single quotes around it)' : " (write '' for an apostrophe inside it)"}`,
        };
      }
      if (all.some((e) => e.code === "MULTILINE_IMPLICIT_KEY" && e.pos[0] === err.pos[0])) return undefined;
      // A field of an item whose `- ` is out of line with the others' (`   - id: b`): that line's error says it.
      if (all.some((e) => e.code === "BAD_INDENT" && withinItem(lines, lineOf(e.pos[0]), line))) return undefined;
      return { ...here, message: "a field name must be followed by : and its value", fix: "write `field: value` on this line" };
    }
    case "MULTILINE_IMPLICIT_KEY": {
      // `tags: [- "2026", true]`: a `- ` inside brackets, where items are separated by commas only.
      if (all.some((e) => e.code === "BLOCK_IN_FLOW" && e.pos[0] === err.pos[0])) {
        const fixed = text.replace(/([[,]\s*)-\s+/g, "$1");
        return {
          ...here,
          message: "a list in square brackets has no `- ` before its items: they are separated by commas",
          fix: fixed !== text ? `write the line without it: \`${fixed.trim()}\`` : "remove the `- ` inside the brackets",
        };
      }
      if (/^\s*-(\s|$)/.test(text)) {
        return { ...here, message: "a list item (a line starting with -) where a field was expected", fix: "indent the list under its field, e.g. `topics:` and then `  - the question` on the next lines" };
      }
      if (!/:(\s|$)/.test(text)) {
        return { ...here, message: `\`${text.trim()}\` has no colon after the field name`, fix: "write `field: value`, with a colon and a space" };
      }
      const further = placed(endLine);
      if (further && endLine > line) return further;
      // Never "line 4 is indented further than line 4": the value that swallows it is above it.
      if (endLine === line) return { ...here, message: "YAML cannot read this line: a field's name must be on one line, followed by : and its value", fix: quoteSuggestion(text) ?? `check the line's indentation and quoting; ${QUOTE_HINT}` };
      return {
        line: endLine, column: indentOf(lines[endLine - 1]) + 1, field: fieldPathOnLine(lines, endLine),
        message: `this line is indented further than line ${line + firstLine - 1} above it, so YAML reads it as part of that value`,
        fix: "indent it exactly like the other fields at its level (with spaces), or under a field that ends with :",
      };
    }
    case "BLOCK_AS_IMPLICIT_KEY": {
      if (all.some((e) => e.code === "MULTILINE_IMPLICIT_KEY" && e.pos[0] === err.pos[0])) return undefined;
      const misaligned = misalignedItem(lines, line, firstLine);
      if (misaligned === "follows") return undefined;
      const list = strayList(lines, line, firstLine, options) ?? misaligned;
      if (list) return list;
      const joined = joinedFields(lines, line, options);
      if (joined) return joined;
      // Already in quotes: quoting it again would only add a layer each time the fix is applied.
      if (alreadyQuoted(text)) return { ...here, message: "YAML cannot read this line where it stands: the line is not lined up with the fields around it", fix: "indent it with the same number of spaces as the fields it belongs with" };
      // `start: 2026-12-08T21:  # local time …`: a time cut short after the hour; quoting it would only move the error.
      const written = valueOnLine(text);
      const { value, comment } = trailingComment(written?.text ?? "");
      if (written && /^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:$/.test(value)) {
        return {
          ...here, column: written.column,
          message: `the time \`${value}\` stops after the hour's colon, and YAML reads a colon at the end of a value as the end of a field's name`,
          fix: `write the minutes after the colon, e.g. \`${text.slice(0, written.column - 1).trimStart()}${value}00${comment}\``,
        };
      }
      const ends = /:$/.test(value) ? "the value ends with ':', which YAML reads as the end of a field's name" : "the value contains ': ', which YAML reads as the start of another field";
      return { ...here, message: ends, fix: quoteSuggestion(text) ?? `put the value in quotes; ${QUOTE_HINT}` };
    }
    case "KEY_OVER_1024_CHARS": {
      // A line indented below a long value: the "indented further" message says it.
      if (all.some((e) => e.code === "MULTILINE_IMPLICIT_KEY" && e.pos[0] === err.pos[0])) return undefined;
      return { ...here, message: "YAML reads this text as a field name, and a field name can be at most 1024 characters long: the text has ': ' in it", fix: quoteSuggestion(text) ?? `put the whole text in quotes; ${QUOTE_HINT}` };
    }
    case "MULTIPLE_DOCS": {
      // `--- Our chat tonight`: the closing `---` with text after it, which YAML reads as another front matter.
      const fence = /^(---|\.\.\.)[ \t]+(\S.*?)\s*$/.exec(text);
      if (fence) {
        return {
          line, column: 1, field: "",
          message: `\`${fence[1]}\` must be alone on its line to end the front matter: with \`${fence[2]}\` after it, YAML reads it as the start of a second front matter`,
          fix: `write \`${fence[1]}\` alone on line ${line + firstLine - 1} and move \`${fence[2]}\` to the line below it`,
        };
      }
      return { ...here, column: 1, message: "this line starts a second front matter (a line starting with --- or ...), which a post cannot have", fix: "delete the line, or end the front matter with a line `---` above the post's text" };
    }
    case "TAB_AS_INDENT": {
      const fixed = withoutTabs(lines, line);
      const spaces = indentOf(fixed[line - 1]);
      const how = spaces ? `indent it with ${spaces} spaces, not a tab` : "delete the tab before it, with no spaces in its place";
      // The field as it reads once fixed: a tab counted as one column would place it a level too high.
      return { ...here, column: 1, field: fieldPathOnLine(fixed, line), message: "this line is indented with a tab", fix: `${how}, so that the line reads \`${fixed[line - 1]!.trimEnd()}\`` };
    }
    case "BAD_INDENT": {
      if (/^Flow (sequence|map)/.test(err.message)) {
        const bracket = /Flow sequence/.test(err.message) ? ["[", "]"] : ["{", "}"];
        const open = unclosedBracketLine(lines, line, bracket[0]!, bracket[1]!) ?? line;
        const swallowed = flowComment(lines, open);
        if (swallowed) return swallowed;
        const shallow = shallowFlow(lines, open, bracket[0]!, bracket[1]!, firstLine);
        if (shallow) return shallow;
        return {
          line: open, column: Math.max(1, (lines[open - 1] ?? "").indexOf(bracket[0]!) + 1), field: fieldPathOnLine(lines, open),
          message: `the ${bracket[0]} opened on this line is never closed`,
          fix: `end the list on the same line with ${bracket[1]}, or put the value in quotes if the ${bracket[0]} is part of the text`,
        };
      }
      const item = shallowItemField(lines, line, firstLine);
      if (item) return { line, column: indentOf(text) + 1, field: item.field, message: item.message, fix: item.fix };
      const misaligned = misalignedItem(lines, line, firstLine);
      if (misaligned === "follows") return undefined;
      if (misaligned) return misaligned;
      return placed(line) ?? { ...here, message: "this line is not lined up with the fields at its level", fix: "indent it with the same number of spaces as the fields it belongs with" };
    }
    case "BAD_SCALAR_START": {
      const ch = /character (.)/.exec(err.message)?.[1] ?? "this character";
      return { ...here, message: `a value cannot start with ${ch} unless it is in quotes`, fix: quoteSuggestion(text) ?? `put the value in quotes; ${QUOTE_HINT}` };
    }
    case "BAD_DQ_ESCAPE":
      return { ...here, message: "a backslash \\ inside double quotes starts an escape, and this one is not valid", fix: "use single quotes around the text, or write \\\\ for a backslash" };
    case "UNEXPECTED_TOKEN": {
      const value = valueOnLine(text);
      const at = { ...here, column: value ? value.column : here.column };
      if (value?.text.startsWith("'")) {
        const elided = elision(text);
        if (elided) return { ...here, ...elided };
        return { ...at, message: "an apostrophe inside single quotes ends the text early", fix: quoteSuggestion(text, "double") ?? "put the text in double quotes instead" };
      }
      // `title: "Burnout: what now?"` and a zero-width space after it: not a quote too many.
      // (From the line: a value's text is read without a non-breaking space at its end.)
      const after = value ? new RegExp(`^(?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^']|'')*')(?=${INVISIBLE_VALUE.source}+[ \\t]*$)`).exec(text.slice(value.column - 1)) : null;
      if (value && after) {
        const sign = text[value.column - 1 + after[0].length]!;
        const fixed = text.slice(0, value.column - 1 + after[0].length);
        return {
          ...at, column: value.column + after[0].length,
          message: `after the closing quote ${value.text[0]} there is an invisible character (${invisibleName(sign)}): YAML reads it as something after the value's end`,
          fix: `delete it, so that the line reads \`${fixed}\``,
        };
      }
      if (value?.text.startsWith('"')) {
        return { ...at, message: 'a " inside double quotes ends the text early', fix: quoteSuggestion(text, "single") ?? 'write \\" for a quote inside the text' };
      }
      // `topics: - What is next?`: a list starts on the line below its field's name.
      const item = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*):[ \t]+-[ \t]+(\S.*?)\s*$/.exec(text);
      if (item) {
        const key = `${" ".repeat(indentOf(text))}${item[1]!.trim() ? `${item[1]!.trim()} ` : ""}${item[2]}:`;
        return {
          ...at,
          message: `a list cannot start on the line of its field's name: YAML reads \`${item[2]}: -\` as a value followed by something it cannot place`,
          fix: `put \`${key.trim()}\` alone on its line, then \`${" ".repeat(keyColumn(text) + 2)}- ${item[3]}\` on the next`,
        };
      }
      // `- > What helps?`: markdown's quote mark, which YAML reads as the start of a text on the lines below.
      // (Not `> 50% of nurses`, where > is "more than": quoted, it stays.)
      const quoteMark = value ? /^(?:>[ \t]*)*>[ \t]*(?=[\p{L}"'“‘(¿¡])/u.exec(value.text) : null;
      if (value && quoteMark) {
        const { value: words, comment } = trailingComment(value.text.slice(quoteMark[0].length));
        return {
          ...at,
          message: "YAML reads a > at the start of a value as the start of a text written on the lines below it, so the words after it cannot stand there (and front matter is not markdown: > makes no quote there)",
          // `- > "What helps?"`: the quotes are YAML's, kept as written.
          fix: `write it without the >: ${text.slice(0, value.column - 1).trimStart()}${alreadyQuoted(`- ${words.trim()}`) ? words.trim() : yamlScalar(words.trimEnd())}${comment}`,
        };
      }
      if (value && /^[*&!]/.test(value.text)) {
        return { ...at, message: `YAML reads a value starting with ${value.text[0]} as a reference, not as text`, fix: quoteSuggestion(text) ?? `put the whole value in quotes; ${QUOTE_HINT}` };
      }
      return { ...at, message: "YAML cannot read this value: something follows the end of it", fix: quoteSuggestion(text) ?? `put the whole value in quotes; ${QUOTE_HINT}` };
    }
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
    case "BAD_PROP_ORDER":
    case "ALIAS_PROPS":
    case "BAD_ALIAS":
    case "TAG_RESOLVE_FAILED": {
      // `title: &a &b …`, `!important`: YAML reads & ! * at the start of a word as its own marks.
      const ch = /[&!*]/.exec(text.slice(indentOf(text)))?.[0] ?? "&";
      return { ...here, message: `YAML reads ${ch} at the start of a value or word as one of its own marks, not as text`, fix: quoteSuggestion(text) ?? `put the whole value in quotes; ${QUOTE_HINT}` };
    }
    default:
      // The library's own words are for programmers: what a writer can check, on the line it names.
      return { ...here, message: "YAML cannot read this line", fix: alreadyQuoted(text) ? "check that the line is lined up with the fields it belongs with, with spaces" : `check the line's indentation (spaces only, lined up with the fields it belongs with) and quoting; ${QUOTE_HINT}` };
  }
}

/**
 * A line that starts with %, which YAML reads as a directive (`%YAML 1.2`, `%TAG …`), a thing
 * front matter cannot have: said on that line (`line`, 1-based), with what to do.
 */
function directiveLine(lines: readonly string[], line: number, firstLine: number, options: ReadOptions = {}): Explained {
  const text = lines[line - 1] ?? "";
  const field = /^%[ \t]*([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)/.exec(text);
  if (field) {
    const fixed = text.replace(/^%[ \t]*/, "").trimEnd();
    return {
      line, column: 1, field: field[1]!,
      message: `a line cannot start with %: YAML reads it as a directive (an instruction to YAML itself), so \`${field[1]}\` is not read as a field`,
      fix: `delete the %, so that the line reads \`${fixed}\``,
    };
  }
  if (/^%(?:YAML|TAG)(?:[ \t]|$)/.test(text)) {
    return {
      line, column: 1, field: "",
      message: `\`${text.trim()}\` is a YAML directive (an instruction to YAML itself), which ${firstLine > 1 ? "front matter" : "this file"} cannot have`,
      fix: `delete line ${line + firstLine - 1}`,
    };
  }
  // `% TODO check this`: a note, which YAML writes after #. Going on from a text above it
  // (`description: Fifty` then `% of nurses`), it is that text's, indented below its field.
  const comment = `# ${text.replace(/^%[ \t]*/, "").trimEnd()}`.trimEnd();
  const indent = continuedTextIndent(lines, line, options);
  return {
    line, column: 1, field: "",
    message: "a line cannot start with %: YAML reads % at the start of a line as a directive (an instruction to YAML itself), not as text",
    fix: `if it is a note to yourself, write # in place of %, which makes it a comment that is not published: \`${comment}\``
      + (indent === undefined ? "" : `; if it goes on from the text on line ${line + firstLine - 2}, indent it with ${indent === 2 ? "two" : indent} spaces: \`${" ".repeat(indent)}${text.trim()}\``),
  };
}

/**
 * The indentation that makes `line` (1-based) part of the value on the line above it, when
 * that value is a text that can go on (`description: Fifty`, `  - Should vendors join`):
 * written plainly, not in quotes or brackets, in a field whose value is text, not a date or
 * a name (`date:`, `chat:`). Undefined for any other line above, or none.
 */
function continuedTextIndent(lines: readonly string[], line: number, options: ReadOptions): number | undefined {
  // Right above it: after a blank line it would be a paragraph of its own.
  const above = line - 1;
  const text = lines[above - 1];
  if (above < 1 || text === undefined || text.trim() === "") return undefined;
  const field = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w.-]*):[ \t]+(\S.*?)\s*$/.exec(text);
  const item = field ? undefined : /^([ \t]*)-[ \t]+(\S.*?)\s*$/.exec(text);
  const value = field ? field[3]! : item?.[2];
  // A plain text: not quoted, not a list or group, not a block (`|`), no comment after it, and not a field's name.
  if (value === undefined || /^["'[{|>&*!%@`#]/.test(value) || / #/.test(value) || /^[A-Za-z_][\w.-]*:(?:\s|$)/.test(value)) return undefined;
  let path: PropertyKey[] | undefined;
  if (field) {
    const dotted = fieldPathOnLine(lines, above);
    path = dotted === undefined ? undefined : dottedKeys(dotted);
  } else {
    // An item of the list whose field's name is the nearest line above less indented than its dash.
    const dash = indentOf(text);
    let owner = above - 1;
    while (owner > 0 && (lines[owner - 1]!.trim() === "" || /^\s*#/.test(lines[owner - 1]!) || indentOf(lines[owner - 1]) > dash || (indentOf(lines[owner - 1]) === dash && /^\s*-\s/.test(lines[owner - 1]!)))) owner--;
    const dotted = owner > 0 && /:\s*$/.test(lines[owner - 1]!) ? fieldPathOnLine(lines, owner) : undefined;
    path = dotted === undefined ? undefined : [...dottedKeys(dotted), 0];
  }
  if (!path) return undefined;
  // Without the schema's word, a value of words: not a number, a date, true or false.
  const kind = options.valueKind ? options.valueKind(path) : /\p{L}{2,}/u.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value) ? "text" : undefined;
  if (kind !== "text") return undefined;
  return (field ? indentOf(text) + (field[1]!.trim() ? field[1]!.length - indentOf(text) : 0) : indentOf(text)) + 2;
}

/** The path of a dotted field, `references[0].title` → ["references", 0, "title"]. */
function dottedKeys(dotted: string): PropertyKey[] {
  return (dotted.match(/[^.[\]]+|\[\d+\]/g) ?? []).map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

// Colons a word processor or an East Asian keyboard types: full width, small, modifier letter, ratio.
const WIDE_COLON = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w.-]*)[ \t\u00a0\u3000]*([：﹕︓꞉∶])[ \t\u00a0\u3000]*(.*?)\s*$/;

/** `title：x`: a field's name followed by a colon YAML does not read as one; the line as it should read. */
function wideColon(text: string): { column: number; key: string; line: string; message: string; fix: string } | undefined {
  const m = WIDE_COLON.exec(text);
  if (!m) return undefined;
  const [, lead, key, colon, written] = m as unknown as [string, string, string, string, string];
  // A note after the value (`title：Hello  # draft`) stays a note.
  const { value, comment } = trailingComment(written);
  // Already in quotes (`hashtag："#hcldr"`): the quotes are YAML's, kept as they are.
  const quoted = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')$/.test(value);
  // A number or true/false typed plain (`draft：true`) is meant as YAML reads it: kept as typed.
  const fixed = `${lead}${key}:${value ? ` ${quoted || readsAsNonText(value) ? value : yamlScalar(value)}` : ""}${comment}`;
  const name = colon === "：" ? "a full-width colon ：" : `the sign ${colon}`;
  return {
    column: text.indexOf(colon) + 1, key, line: fixed,
    message: `the colon after \`${key}\` is ${name}, which looks like a colon but is not the : that YAML reads after a field's name`,
    fix: `write the line with an ordinary colon and a space after it: \`${fixed}\``,
  };
}

// Characters that take no room on screen: zero-width space, joiners, word joiner, a BOM inside the text, soft hyphen.
const ZERO_WIDTH = new RegExp(`[${ZERO_WIDTH_CHARS}]`);
const ODD_KEY_HINT = new RegExp(`[${ZERO_WIDTH_CHARS}：﹕︓꞉∶]`);

// A field's name with an invisible character in it, anywhere on a line (`{family: Smith, \ufeffgiven: Jo}`).
// Not \s, which in JavaScript takes a byte order mark for a space.
// Tried only where a name can start (after a space, tab, { } , [ ] : " ' or the line's start): from
// each character of a long run of others (`title: @@@…`) it would take time quadratic in the run.
const INVISIBLE_IN_KEY = new RegExp(`(?<![^ \\t{},[\\]:"'])[^ \\t{},[\\]:"']*[${ZERO_WIDTH_CHARS}][^ \\t{},[\\]:"']*(?=[ \\t]*:(?:[ \\t]|$))`, "g");

// The invisible characters, their names, and which of them are a text's own (joiners in emoji,
// Persian, Indic scripts; a non-breaking space in `10 pm`): shared with .bib files (lib/csl-normalise.ts).
const ZERO_WIDTH_IN_IDENTIFIER = new RegExp(`(?!${EMOJI_JOINER})${ZERO_WIDTH.source}`, "u");

/**
 * `value` (an identifier as written, or read) without its invisible characters: zero-width ones
 * deleted (not an emoji's joiner), a non-breaking space deleted at either end, and inside it
 * written as what belongs there (`spaceFor`: a space, `_`, or nothing).
 */
function visibleIdentifier(value: string, spaceFor: (before: string, after: string) => string): string {
  const text = value
    .replace(new RegExp(ZERO_WIDTH_IN_IDENTIFIER.source, "gu"), "")
    .replace(new RegExp(`^(["']?)(?:${NBSP.source})+`), "$1")
    .replace(new RegExp(`(?:${NBSP.source})+(["']?)$`), "$1");
  return text.replace(new RegExp(`(?:${NBSP.source})+`, "g"), (run: string, at: number) => spaceFor(text.slice(0, at), text.slice(at + run.length)));
}

/**
 * `line` with the invisible characters of `kind` deleted from its value at `from`…`to`
 * (columns, 0-based), and a non-breaking space there written as an ordinary one, or deleted at
 * the value's start or end (next to its quotes): the line a writer would have typed.
 */
function visibleLine(line: string, from: number, to: number, kind: ValueKind, spaceFor: (before: string, after: string) => string): string {
  const written = line.slice(from, to);
  const value = kind === "identifier" ? visibleIdentifier(written, spaceFor) : kind === "number" ? visibleNumber(written) : written.replace(new RegExp(INVISIBLE_IN_TEXT.source, "g"), "");
  return (line.slice(0, from) + value + line.slice(to)).trimEnd();
}

/**
 * Values with an invisible character in them (from a copy and paste): a zero-width space, a
 * soft hyphen, a byte order mark; in an identifier, a non-breaking space too. In a zone, a
 * hashtag, a date or an id it makes the value wrong while it looks right; in a tag, another
 * tag whose page looks the same as the real one's: an error. In a title or a topic it is
 * published and only looks odd (a word split for search, for a screen reader): a warning.
 * One per value, at the first such character, with the line without them as the fix.
 */
function invisibleInValues(
  doc: Document, text: string, lines: readonly string[], lineOf: (offset: number) => number,
  valueKind: NonNullable<ReadOptions["valueKind"]>, spaceFor: ReadOptions["spaceFor"],
): Array<{ severity: "error" | "warning"; line: number; column: number; field: string; message: string; fix: string }> {
  const out: Array<{ severity: "error" | "warning"; line: number; column: number; field: string; message: string; fix: string }> = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (typeof node.value !== "string" || !node.range || (key !== "value" && typeof key !== "number")) return;
      const at = nodePath(ancestors, key);
      const kind = valueKind(at);
      if (!kind) return;
      const pattern = kind === "identifier" ? INVISIBLE_IN_IDENTIFIER : kind === "number" ? INVISIBLE_IN_NUMBER : INVISIBLE_IN_TEXT;
      // A number's ends as citeproc-js reads them: a byte order mark there is trimmed, as a space is.
      const looked = kind === "number" ? node.value.trim() : node.value;
      const found = pattern.exec(looked);
      if (!found) return;
      const count = looked.match(new RegExp(pattern.source, `${pattern.flags}g`))!.length;
      const spaced = (before: string, after: string) => spaceFor?.(at, before, after) ?? "";
      // Where the character is typed. Written as an escape (`"\u00ad"`), it was put there on
      // purpose: in text, left alone; in an identifier, told where the value starts.
      const written = pattern.exec(text.slice(node.range[0], node.range[1]))?.index ?? -1;
      if (written < 0 && kind === "text") return;
      const offset = written >= 0 ? node.range[0] + written : node.range[0];
      const line = lineOf(offset);
      const start = lineStart(lines as string[], line);
      const column = offset - start + 1;
      const lineText = lines[line - 1] ?? "";
      const valueFrom = Math.max(0, node.range[0] - start);
      const valueTo = Math.min(lineText.length, node.range[1] - start);
      // What it looks like; and what it should be, which the fix's line has.
      const visible = node.value.replace(new RegExp(ZERO_WIDTH_IN_IDENTIFIER.source, "gu"), "").replace(new RegExp(NBSP.source, "g"), " ").trim();
      const meant = kind === "identifier" ? visibleIdentifier(node.value, spaced).trim() : kind === "number" ? visibleNumber(node.value).trim() : visible;
      const written0 = (written >= 0 ? visibleLine(lineText, valueFrom, valueTo, kind, spaced) : `${lineText.slice(0, valueFrom)}${kind === "number" && readsAsNumber(meant) ? meant : yamlScalar(meant)}${lineText.slice(valueTo)}`).trim();
      // `issued: „2018-0\u00a02-09“`: an identifier in curly quotes too, which its check refuses; one fix for both.
      const curly = kind === "identifier" ? curlyQuoted(meant) : undefined;
      const fixed = curly ? straightQuotedLine(written0) : written0;
      const which = `${count > 1 ? `${count} invisible characters` : "an invisible character"} in it (${invisibleName(found[0])}, ${count > 1 ? "the first " : ""}at column ${column})`;
      const field = fieldPath(at);
      // A tag is the name of a page: another tag, with a page of its own.
      const tag = at[0] === "tags" && at.length === 2 ? `: it makes a tag of its own, whose page looks like the page of \`${visible}\`` : "";
      if (kind === "number") {
        const spaceOnly = NBSP.test(found[0]) && !new RegExp(ZERO_WIDTH_IN_IDENTIFIER.source, "u").test(looked);
        const key = at[at.length - 1];
        out.push({
          severity: "error", line, column, field,
          message: spaceOnly
            ? `the number \`${visible}\` has ${count > 1 ? `${count} non-breaking spaces between its digits (${invisibleName(found[0])}, the first at column ${column})` : `${invisibleName(found[0])}, between its digits at column ${column}`}: the citation style prints "${visible}" and reads it as text, not as one number`
            : `the number \`${visible}\` has ${which}: YAML keeps it as part of the value, and the citation style then reads it as text, not as a number: ${numberEffect(typeof key === "string" ? cslField(key) : undefined)}`,
          fix: `delete ${count > 1 ? "them" : "it"}, so that the line reads \`${fixed}\`${spaceOnly ? " (or, if it stands between two numbers, write - for a range or a comma in its place)" : ""}`,
        });
        return;
      }
      out.push(kind === "identifier"
        ? {
            severity: "error", line, column, field,
            message: `the value \`${visible}\` has ${which}: YAML keeps it as part of the value, which only looks like \`${visible}\`${tag}${curly ? `; and the quotes are curly quotes ${curly.open} ${curly.close} — YAML needs straight quotes " "` : ""}`,
            fix: `delete the value and type it again, so that the line reads \`${fixed}\``,
          }
        : {
            severity: "warning", line, column, field,
            message: `the text has ${which}: it is published with the text, where it can split a word for search and for screen readers`,
            fix: `delete ${count > 1 ? "them" : "it"} (type the words around ${count > 1 ? "them" : "it"} again), so that the line reads \`${fixed}\``,
          });
    },
  });
  return out;
}

/**
 * Field names YAML read whole, but not as the writer sees them: with an invisible character
 * in them (`ti\u200btle`, from a copy and paste), which makes another field that looks the
 * same; or with a full-width colon, read as part of the name (`description：A chat: about x`).
 */
function oddKeys(doc: Document, lines: readonly string[], lineOf: (offset: number) => number): Array<{ line: number; column: number; field: string; message: string; fix: string }> {
  const out: Array<{ line: number; column: number; field: string; message: string; fix: string }> = [];
  visit(doc, {
    Pair(_, pair, path) {
      if (!isScalar(pair.key) || typeof pair.key.value !== "string" || !pair.key.range) return;
      const key = pair.key.value;
      const line = lineOf(pair.key.range[0]);
      const text = lines[line - 1] ?? "";
      const keyAt = pair.key.range[0] - lineStart(lines as string[], line);
      const invisible = ZERO_WIDTH.exec(key);
      if (invisible) {
        const clean = key.replace(new RegExp(ZERO_WIDTH.source, "g"), "");
        const fixed = text.replace(new RegExp(ZERO_WIDTH.source, "g"), "").trimEnd();
        out.push({
          line, column: keyAt + invisible.index + 1, field: dottedPath(path, clean),
          message: `the field name \`${clean}\` has an invisible character in it (${invisibleName(invisible[0])}), so YAML reads it as a field of another name that only looks like \`${clean}\``,
          fix: `delete the field's name and type it again, so that the line reads \`${fixed}\``,
        });
        return;
      }
      const wide = wideColon(text);
      if (wide && ODD_KEY_HINT.test(key)) out.push({ line, column: wide.column, field: dottedPath(path, wide.key), message: wide.message, fix: wide.fix });
    },
  });
  return out;
}

/** A line read as it reads once fixed, where its error's fix is certain: undefined for any other line. */
function lineAsFixed(line: string): string | undefined {
  if (/^%[ \t]*[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|$)/.test(line)) return line.replace(/^%[ \t]*/, "");
  if (/^%(?:YAML|TAG)(?:[ \t]|$)/.test(line)) return "";
  // `% TODO check this`: read as the comment the fix makes of it (the main one).
  if (/^%/.test(line)) return "";
  // An invisible character in a field's name (a zero-width space): the line without it.
  if (ZERO_WIDTH.test(/^[^:]*/.exec(line)![0])) return line.replace(new RegExp(ZERO_WIDTH.source, "g"), "");
  // …also in a group in braces (`- {family: Smith, \ufeffgiven: Jo}`): the names without it.
  const keyed = ZERO_WIDTH.test(line) ? line.replace(INVISIBLE_IN_KEY, (name) => name.replace(new RegExp(ZERO_WIDTH.source, "g"), "")) : line;
  if (keyed !== line) return keyed;
  const wide = wideColon(line);
  if (wide) return wide.line;
  return undefined;
}

/**
 * A list in brackets (`topics: [a,`) that goes on over lines, closed below, whose lines after
 * the first are not indented further than the line it opens on: YAML needs them to be, and
 * says only that the list is not closed. Said on the first such line, with the list on one line.
 */
function shallowFlow(lines: readonly string[], open: number, start: string, end: string, firstLine: number): (Explained & { close: number; indent: number }) | undefined {
  const openText = lines[open - 1] ?? "";
  const from = openText.indexOf(start);
  if (from < 0) return undefined;
  let depth = 0;
  let close: number | undefined;
  for (let i = open - 1; i < lines.length && close === undefined; i++) {
    // Quoted text and comments hold no brackets of the list's own.
    const l = (i === open - 1 ? lines[i]!.slice(from) : lines[i]!).replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, "").replace(/(^|[\s[{,])#.*$/, "$1");
    for (const c of l) {
      if (c === start) depth++;
      else if (c === end && --depth === 0) {
        close = i + 1;
        break;
      }
    }
  }
  if (close === undefined || close === open) return undefined;
  const indent = indentOf(openText);
  const shallow = lines.findIndex((l, i) => i >= open && i < close! && l.trim() !== "" && indentOf(l) <= indent) + 1;
  if (shallow === 0) return undefined;
  const joined = lines.slice(open - 1, close).map((l, i) => (i === 0 ? l.trimEnd() : l.trim())).join(" ").replace(/([[{])\s+/g, "$1").replace(/\s+([\]}])/g, "$1").replace(/,\s*/g, ", ");
  const what = start === "[" ? "list in [ ]" : "group in { }";
  const key = fieldOnLine(openText);
  return {
    close, indent,
    line: shallow, column: indentOf(lines[shallow - 1]) + 1, field: fieldPathOnLine(lines, open),
    message: `this line goes on with the ${what} that opens on line ${open + firstLine - 1}, but it is not indented: YAML reads the lines of a ${what} after its first only when they are indented further than ${key ? `\`${key}:\`` : "that line"}`,
    fix: `write it all on one line: \`${joined.trim()}\` (or indent line${close - open > 1 ? `s ${open + firstLine}–${close + firstLine - 1}` : ` ${close + firstLine - 1}`} with ${indent + 2} spaces)`,
  };
}

/**
 * How many spaces a line indented with tabs needs (`line` is 1-based): of the indentations the
 * lines above allow there (the left edge, each enclosing field's, one level below a field that
 * ends with :), the nearest to two per tab. `title: T` then a tab and `date:` needs none.
 */
function spacesForTab(lines: readonly string[], line: number): number {
  const text = lines[line - 1] ?? "";
  const wanted = /^[ \t]*/.exec(text)![0].replace(/\t/g, "  ").length;
  const allowed = new Set([0]);
  // Only a list item can stand at the column of another item's `-`: a field there is in no item.
  const item = /^[ \t]*-(?:[ \t]|$)/.test(text);
  let limit = Infinity;
  for (let i = line - 2; i >= 0 && limit > 0; i--) {
    const l = lines[i]!;
    if (l.trim() === "" || /^\s*#/.test(l) || /^[ \t]*\t/.test(l)) continue;
    const indent = indentOf(l);
    if (indent >= limit) continue;
    // A list's `-`, and the key after it: both are levels a line below may be at.
    if (item || !/^[ \t]*-(?:[ \t]|$)/.test(l)) allowed.add(indent);
    allowed.add(keyColumn(l));
    if (limit === Infinity && /:[ \t]*(?:#.*)?$/.test(l)) allowed.add(keyColumn(l) + 2);
    limit = indent;
  }
  // A list item at the level of its field's key is YAML's too, but a writer's tab means one level in.
  return [...allowed].sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted) || b - a)[0]!;
}

/**
 * `lines` with the tabs of the indentation of `line` (1-based) and of every line above it
 * replaced by the spaces each needs (`spacesForTab`), top down: a line below a tab-indented
 * one is placed by where that one will stand.
 */
function withoutTabs(lines: readonly string[], line: number): string[] {
  const fixed = [...lines];
  for (let i = 0; i < line; i++) {
    const indent = /^[ \t]*/.exec(fixed[i]!)![0];
    if (indent.includes("\t") && fixed[i]!.trim() !== "") fixed[i] = " ".repeat(spacesForTab(fixed, i + 1)) + fixed[i]!.slice(indent.length);
  }
  return fixed;
}

/**
 * A list YAML cannot place (`line`, 1-based, starts with `- `): an item whose `-` is at the
 * column of the fields of the item above, where the `-` of the others is two to the left;
 * or a list with no field name above it, after the fields of a group (`  start: …` then
 * `  - What is next?`) or below a field that has its value (`title: "…"` then `  - "Ventola, C."`).
 */
function strayList(lines: readonly string[], line: number, firstLine: number, options: ReadOptions): Explained | undefined {
  const text = lines[line - 1] ?? "";
  const dash = /^( *)-(?:[ \t]|$)/.exec(text)?.[1]!.length;
  if (dash === undefined) return undefined;
  const fileLine = (n: number) => n + firstLine - 1;
  // The fields beside which the list stands, and the line above it at a lesser indentation.
  let sibling: number | undefined;
  let parent: number | undefined;
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === "" || /^\s*#/.test(l)) continue;
    const indent = indentOf(l);
    if (indent > dash) continue;
    if (indent === dash) {
      // Items at this column above: the list is where YAML expects it; the problem is elsewhere.
      if (/^\s*-(\s|$)/.test(l)) return undefined;
      sibling ??= i + 1;
      continue;
    }
    parent = i + 1;
    break;
  }
  const above = parent === undefined ? "" : lines[parent - 1]!;
  // `  - id: a` above, its fields at the column of this `-`: the item is two spaces too far in.
  const item = /^( *)-[ \t]+\S/.exec(above);
  if (parent !== undefined && item && keyColumn(above) === dash && fieldOnLine(text.slice(dash + 1))) {
    const rewritten = `${item[1]}${text.trim()}`;
    const list = previousContentLine(lines, parent);
    const name = list === undefined ? undefined : /:[ \t]*(?:#.*)?$/.test(lines[list - 1]!) ? fieldOnLine(lines[list - 1]) : undefined;
    return {
      line, column: dash + 1, field: fieldPathOnLine([...lines.slice(0, line - 1), rewritten], line),
      message: `this item's - is ${dash - item[1]!.length} spaces further in than the - of the item above it (line ${fileLine(parent)}), so YAML reads it as part of that item${name ? ` of \`${name}\`` : ""}`,
      fix: `line the - up with the other items: write the line as \`${rewritten}\` and leave the lines below it as they are`,
    };
  }
  // The field the list would be the value of, were its name written: a sibling, or the field above it with a value.
  const at = sibling ?? (parent !== undefined && !/:[ \t]*(?:#.*)?$/.test(above) && fieldOnLine(above) ? parent : undefined);
  if (at === undefined) return undefined;
  const column = keyColumn(lines[at - 1]);
  const beside = fieldOnLine(lines[at - 1]) ?? "";
  const path = fieldPathOnLine(lines, at) ?? beside;
  const group = path.slice(0, Math.max(0, path.length - beside.length)).replace(/\.$/, "");
  // The items, as written, down to the end of the list.
  const items: string[] = [];
  let last = line;
  for (let i = line - 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === "" || /^\s*#/.test(l)) continue;
    if (indentOf(l) < dash || (indentOf(l) === dash && !/^\s*-(\s|$)/.test(l))) break;
    last = i + 1;
    if (indentOf(l) === dash) items.push(l.trim().replace(/^-\s*/, "").replace(/^(["'])(.*)\1$/, "$2"));
  }
  const meant = options.listField?.(group, items);
  const name = meant?.replace(/^.*[.\]]/, "");
  const level = meant === undefined ? undefined : meant.slice(0, meant.length - name!.length).replace(/\.$/, "");
  const indent = level === group ? column : level === "" ? 0 : undefined;
  const lines_ = last > line ? `lines ${fileLine(line)}–${fileLine(last)}` : `line ${fileLine(line)}`;
  const message = `the list on ${lines_} has no field name above it, so YAML cannot tell which field it belongs to`;
  if (name && indent !== undefined) {
    return {
      line, column: dash + 1, field: meant!,
      message: `${message}: it looks like \`${name}\`, but there is no \`${name}:\` line`,
      fix: `add a line \`${name}:\` above line ${fileLine(line)}, ${indent ? `indented like \`${beside}:\` (${indent} spaces)` : "flush left, with no spaces before it"}; the list below it stays as it is`,
    };
  }
  return {
    line, column: dash + 1, field: fieldPathOnLine(lines, at) === undefined ? "" : group,
    message,
    fix: `add the name of the field it is the value of, followed by a colon, on a line of its own above line ${fileLine(line)}, indented like \`${beside}:\``,
  };
}

/**
 * A list item (`line`, 1-based, starts with `- `) whose `-` is a few columns off the `-` of
 * the items above it (`   - id: b` below `  - id: a`): YAML reads it as no item of that list.
 * Said with the line as it should read, and whether the item's other lines move with it.
 */
function misalignedItem(lines: readonly string[], line: number, firstLine: number): Explained | "follows" | undefined {
  const text = lines[line - 1] ?? "";
  const dash = /^( *)-(?:[ \t]|$)/.exec(text)?.[1]!.length;
  if (dash === undefined) return undefined;
  const first = firstItem(lines, line, dash);
  if (!first) return undefined;
  const { item, column, misaligned } = first;
  // In line with the list, below an item that is not: YAML's error only follows from that one's.
  if (column === dash) return misaligned ? "follows" : undefined;
  const above = lines[item - 1]!;
  // Its key where the other items have theirs.
  const lead = above.slice(0, keyColumn(above));
  const rewritten = `${lead}${text.slice(keyColumn(text)).trimEnd()}`;
  // The item's other lines: as they are when already at the others' key column, else moved by as much as its `-`.
  const rest: string[] = [];
  for (let i = line; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === "" || /^\s*#/.test(l)) continue;
    if (indentOf(l) <= dash || (/^ *-(?:[ \t]|$)/.test(l) && indentOf(l) <= column)) break;
    rest.push(l);
  }
  const shift = keyColumn(above) - keyColumn(text);
  const inLine = rest.length === 0 || shift === 0 || indentOf(rest[0]) === keyColumn(above);
  const list = previousContentLine(lines, item);
  const name = list === undefined || !/:[ \t]*(?:#.*)?$/.test(lines[list - 1]!) ? undefined : fieldOnLine(lines[list - 1]);
  const off = Math.abs(dash - column);
  return {
    line, column: dash + 1, field: fieldPathOnLine([...lines.slice(0, line - 1), rewritten], line),
    message: `this item's - is ${off} space${off === 1 ? "" : "s"} ${dash > column ? "further in" : "less far in"} than the - of the item above it (line ${item + firstLine - 1}): every item of ${name ? `\`${name}\`` : "a list"} must start at the same column`,
    fix: `write the line as \`${rewritten}\`${inLine ? " and leave the lines below it as they are" : `, and indent the item's other lines ${Math.abs(shift)} space${Math.abs(shift) === 1 ? "" : "s"} ${shift > 0 ? "further" : "less"}, like those of the item above`}`,
  };
}

/**
 * The item of the list `line` (1-based, a `- ` at column `dash`) is in that sets the list's
 * column: the nearest item above at the least indentation, up to the field the list is in,
 * or the one that sets that item's own column when it is out of line too (`misaligned`).
 */
function firstItem(lines: readonly string[], line: number, dash: number): { item: number; column: number; misaligned: boolean } | undefined {
  let item: number | undefined;
  let least = Infinity;
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === "" || /^\s*#/.test(l)) continue;
    const indent = indentOf(l);
    const isItem = /^ *-(?:[ \t]|$)/.test(l);
    if (isItem && indent <= least) [item, least] = [i + 1, indent];
    else if (!isItem && indent < Math.min(dash, least)) break;
  }
  if (item === undefined) return undefined;
  const above = firstItem(lines, item, least);
  return above && above.column !== least ? { ...above, misaligned: true } : { item, column: least, misaligned: false };
}

/** Whether `line` (1-based) belongs to the list item that starts on line `item`: every line from it down is indented further than its `-`. */
function withinItem(lines: readonly string[], item: number, line: number): boolean {
  const dash = /^( *)-(?:[ \t]|$)/.exec(lines[item - 1] ?? "")?.[1]!.length;
  if (dash === undefined || line <= item) return false;
  return lines.slice(item, line).every((l) => l.trim() === "" || /^\s*#/.test(l) || indentOf(l) > dash);
}

/**
 * Two fields written on one line (`  start: 2026-12-01T20:30  zone: Europe/London`): YAML reads
 * the second as part of the first's value. Said when the second is a field of the same group
 * and the value before it looks whole: two spaces before it, or no space in it (a date, a time).
 */
function joinedFields(lines: readonly string[], line: number, options: ReadOptions): Explained | undefined {
  const text = lines[line - 1] ?? "";
  const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*):[ \t]+(\S.*?)\s*$/.exec(text);
  if (!m || !options.fieldsOf) return undefined;
  const [, lead, key, value] = m as unknown as [string, string, string, string];
  const path = fieldPathOnLine(lines, line) ?? key;
  const group = path.slice(0, Math.max(0, path.length - key.length)).replace(/\.$/, "");
  const fields = options.fieldsOf(group);
  for (const joined of value.matchAll(/(\s+)([A-Za-z_][\w-]*):(?=\s|$)/g)) {
    const before = value.slice(0, joined.index);
    const name = joined[2]!;
    if (name === key || !fields.includes(name) || !(joined[1]!.length > 1 || !/\s/.test(before))) continue;
    const first = `${lead}${key}: ${before}`;
    const second = `${" ".repeat(keyColumn(text))}${value.slice(joined.index + joined[1]!.length).trim()}`;
    return {
      line, column: text.indexOf(value, lead.length + key.length + 1) + joined.index + joined[1]!.length + 1, field: path,
      message: `\`${name}:\` is written on the line of \`${key}:\`, so YAML reads it as part of ${key}'s value`,
      fix: `put \`${name}:\` on its own line: write \`${first.trimEnd()}\` and, on the line below it, \`${second}\``,
    };
  }
  return undefined;
}

/** Whether the value on a line is already written in quotes, as a whole: quoting it again adds a layer each time. */
function alreadyQuoted(line: string | undefined): boolean {
  const value = valueOnLine(line ?? "")?.text ?? "";
  return value.length > 1 && `"'`.includes(value[0]!) && value[value.length - 1] === value[0];
}

/** The nearest line above `line` (1-based) that is neither blank nor a comment. */
function previousContentLine(lines: readonly string[], line: number): number | undefined {
  for (let i = line - 2; i >= 0; i--) if (lines[i]!.trim() !== "" && !/^\s*#/.test(lines[i]!)) return i + 1;
  return undefined;
}

/**
 * A field of a list item written less indented than the item's other fields, but not at the
 * list's level (`  title: Social media` below `    type: …` in a reference whose `- ` is at
 * column 3): the writer meant it as one of them, even when its name is also a field of the
 * post. The line as it should read, lined up with the field above it.
 */
function shallowItemField(lines: readonly string[], line: number, firstLine: number): { column: number; field: string | undefined; message: string; fix: string } | undefined {
  const text = lines[line - 1] ?? "";
  const indent = indentOf(text);
  const key = fieldOnLine(text);
  if (!indent || !key || /^\s*-(\s|$)/.test(text) || /\t/.test(text.slice(0, indent))) return undefined;
  const between: string[] = [];
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === "" || /^\s*#/.test(l)) continue;
    const item = /^( *)-[ \t]+\S/.exec(l);
    const column = keyColumn(l);
    if (item && item[1]!.length <= indent && column > indent) {
      const fixed = [...lines];
      fixed[line - 1] = `${" ".repeat(column)}${text.trim()}`;
      const like = fieldOnLine(between.find((b) => indentOf(b) === column) ?? l) ?? "";
      return {
        column,
        field: fieldPathOnLine(fixed, line),
        message: `\`${key}:\` is indented less than the other fields of the list item that starts on line ${i + firstLine}, so YAML does not read it as one of them`,
        fix: `indent it like \`${like}:\` (${column} spaces), so that the line reads \`${fixed[line - 1]!.trimEnd()}\``,
      };
    }
    // Every line between it and the item's `- ` is one of the item's, indented further.
    if (indentOf(l) <= indent) return undefined;
    between.push(l);
  }
  return undefined;
}

function lineStart(lines: string[], line: number): number {
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return offset;
}

/** The field name a line defines, e.g. `  start: x` → "start", `- id: a` → "id". */
function fieldOnLine(line: string | undefined): string | undefined {
  const m = /^\s*(?:-\s+)*([A-Za-z_][\w.-]*)\s*:(\s|$)/.exec(line ?? "");
  return m?.[1];
}

/** Where the key of a line starts, counting a list's `- ` as indentation: `  - id: a` → 4. */
function keyColumn(line: string | undefined): number {
  return /^[ \t]*(?:-[ \t]+)*/.exec(line ?? "")![0].length;
}

function indentOf(line: string | undefined): number {
  return /^[ \t]*/.exec(line ?? "")![0].length;
}

/**
 * The dotted path of the field a line defines, from the indentation of the lines above it
 * (the YAML could not be parsed, so there is no tree to ask): `  zone: X` under `chat:` → "chat.zone".
 */
export function fieldPathOnLine(lines: readonly string[], line: number): string | undefined {
  const own = fieldOnLine(lines[line - 1]);
  if (own === undefined) return undefined;
  const parts: string[] = [own];
  // A key after "- " sits at the indentation of its text, not of the dash.
  const keyIndent = (l: string) => /^\s*(?:-\s+)*/.exec(l)![0].length;
  let indent = keyIndent(lines[line - 1]!);
  let listIndex = -1;
  for (let i = line - 1; i >= 0 && indent > 0; i--) {
    const l = lines[i]!;
    if (l.trim() === "" || l.trim().startsWith("#")) continue;
    const dash = /^(\s*)-\s/.exec(l);
    if (dash && dash[1]!.length < indent && listIndex < 0 && i < line) {
      // Count the items of this list above, up to its parent, to give the index.
      listIndex = 0;
      for (let j = i - 1; j >= 0; j--) {
        const other = lines[j]!;
        if (other.trim() === "") continue;
        if (indentOf(other) < dash[1]!.length) break;
        if (new RegExp(`^\\s{${dash[1]!.length}}-\\s`).test(other)) listIndex++;
      }
      parts[0] = `[${listIndex}].${parts[0]}`;
      indent = dash[1]!.length + 1;
      continue;
    }
    if (indentOf(l) < indent && !dash) {
      const key = fieldOnLine(l);
      if (key === undefined) break;
      // `start: 2017-…` holds a value, so it cannot be the parent of a more indented line.
      if (!/:\s*(#.*)?$/.test(l)) continue;
      parts.unshift(key);
      indent = indentOf(l);
      listIndex = -1;
    }
  }
  return parts.join(".").replace(/\.\[/g, "[");
}

/** The value written after `field:` (or `- `) on a line, and the column it starts at. */
function valueOnLine(line: string): { text: string; column: number } | undefined {
  const m = /^(\s*(?:-\s+)?[A-Za-z_][\w.-]*:\s+)(.*?)\s*$/.exec(line) ?? /^(\s*-\s+)(.*?)\s*$/.exec(line);
  return m && m[2] ? { text: m[2], column: m[1]!.length + 1 } : undefined;
}

/**
 * A value that starts with an apostrophe of an elision (`'Tis the season`, `'90s nursing`),
 * which YAML takes for the opening of a text in single quotes: that quote is never closed on
 * its line. Written `title: 'Tis the season'`, it would pass and lose the apostrophe, so the
 * fix puts the whole value in double quotes, apostrophe and all.
 */
function elision(line: string | undefined): { column: number; message: string; fix: string } | undefined {
  const m = /^(\s*(?:-\s+)?[A-Za-z_][\w.-]*:|\s*-)(\s+)('[\p{L}\p{N}].*?)\s*$/u.exec(line ?? "");
  if (!m || closes(m[3]!.slice(1), "'")) return undefined;
  // Its ' is an apostrophe, not a quote: a # after it is a comment.
  const { value, comment } = trailingComment(m[3]!, false);
  const word = /^'[\p{L}\p{N}]+/u.exec(value)![0];
  return {
    column: m[1]!.length + m[2]!.length + 1,
    message: `YAML reads a value that starts with ' as text in single quotes, and this quote is never closed: the ' of ${word} is an apostrophe`,
    fix: `put the whole value in double quotes, so that the apostrophe is kept: ${m[1]!.trim()} ${quoteYaml(value)}${comment}`,
  };
}

/**
 * Whether the quotes `q` in `text` pair up as quotes in a sentence do: each one that opens
 * after a space (or at the start), each one that closes before a space, a punctuation mark or
 * the end. `Kate's "big" idea` does; `Big" ideas "tonight` (the outer quotes of `"Big" ideas
 * "tonight"` taken away) does not, so those quotes are the text's own.
 */
function quotesPair(text: string, q: string): boolean {
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== q) continue;
    const before = text[i - 1] ?? " ";
    const after = text[i + 1] ?? " ";
    if (!open && /[\s([{]/.test(before) && /\S/.test(after)) open = true;
    else if (open && /\S/.test(before) && /[\s.,;:!?)\]}]/.test(after)) open = false;
    else return false;
  }
  return !open;
}

/**
 * `title: Online: communities` → `title: "Online: communities"`, a fix the writer can copy.
 * A value already wrapped in quotes that broke on a quote inside it is re-wrapped in the other kind.
 */
function quoteSuggestion(line: string | undefined, prefer?: "single" | "double"): string | undefined {
  const m = /^\s*((?:-\s+)?[A-Za-z_][\w.-]*:|-)\s+(.*?)\s*$/.exec(line ?? "");
  if (!m || !m[2]) return undefined;
  // `start: 2026-12-08T21:  # local time …`: the note stays a note, after the quoted value.
  const { value: written, comment } = trailingComment(m[2]);
  if (!written) return undefined;
  let value = written;
  if (!prefer && alreadyQuoted(line)) return undefined;
  if (prefer && value.length > 1 && value[0] === value[value.length - 1] && `"'`.includes(value[0]!)) {
    // `"Kate's "big" idea"`: the outer quotes are YAML's, the inner ones the text's; in
    // `"Big" ideas "tonight"` every quote is the text's.
    if (value[0] === "'" || quotesPair(value.slice(1, -1), value[0]!)) value = value.slice(1, -1);
  } else if (prefer === "single" && value[0] === '"' && value.split('"').length % 2 === 0 && quotesPair(value.slice(1), '"')) {
    // `"Kate's "big" idea`, its closing quote forgotten: the first quote is YAML's.
    value = value.slice(1);
  }
  const single = prefer === "single" || (prefer !== "double" && value.includes('"'));
  const quoted = single ? `'${value.replace(/'/g, "''")}'` : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `put the value in ${single ? "single" : "double"} quotes: ${m[1]} ${quoted}${comment}`;
}

/**
 * A value as written and the comment after it: a # after a space and before a space (or at the
 * end of the line), as a note is written (`# local time in …`, as `npm run new` writes them), outside
 * the value's quotes. A fix that quotes the value keeps such a note as a note, after it: in the
 * quotes it would be shown as part of the value. A hashtag (`#nursing`) is part of the value.
 */
export function trailingComment(text: string, quotes = true): { value: string; comment: string } {
  if (/^#(?:[ \t]|$)/.test(text)) return { value: "", comment: `  ${text.trim()}` };
  for (const m of text.matchAll(/[ \t]+#(?=[ \t]|$)/g)) {
    const value = text.slice(0, m.index);
    if (!value.trim()) continue;
    // Inside a quoted value the # is text, unless the quotes close before it.
    const q = value[0]!;
    if (quotes && `"'`.includes(q) && (value.length < 2 || !value.trimEnd().replace(new RegExp(`[${ZERO_WIDTH_CHARS}]+$`), "").endsWith(q))) continue;
    return { value, comment: `  ${text.slice(m.index).trim()}` };
  }
  return { value: text, comment: "" };
}

/**
 * `text` as a quoted YAML value that reads back as exactly `text`: in double quotes, or in
 * single quotes when it holds a double quote (an apostrophe doubled, as YAML wants).
 */
export function quoteYaml(text: string): string {
  return text.includes('"') ? `'${text.replace(/'/g, "''")}'` : `"${text.replace(/\\/g, "\\\\")}"`;
}

const CURLY_OPEN = "“”„‟‘’‚‛«»";
const CURLY_CLOSE = "”“‟’‘‛»«";

/** The text inside curly quotes that a writer (or a word processor) typed as YAML quotes: `“Hello”`. */
export function curlyQuoted(value: string): { text: string; open: string; close: string } | undefined {
  const trimmed = value.trim();
  const open = trimmed[0] ?? "";
  const close = trimmed[trimmed.length - 1] ?? "";
  if (trimmed.length < 2 || !CURLY_OPEN.includes(open) || !CURLY_CLOSE.includes(close)) return undefined;
  return { text: trimmed.slice(1, -1), open, close };
}

/** A YAML error on a value in curly quotes: the quotes are the mistake, whatever YAML tripped on. */
function curlyQuotes(explained: Explained | undefined, lines: string[]): Explained | undefined {
  if (!explained) return undefined;
  const text = lines[explained.line - 1] ?? "";
  const m = /^(\s*)((?:-\s+)?[A-Za-z_][\w.-]*:|-)(\s+)(.*?)\s*$/.exec(text);
  // A note after the value (`title: “A: b”  # draft`) stays a note.
  const { value, comment } = trailingComment(m?.[4] ?? "", false);
  const curly = m ? curlyQuoted(value) : undefined;
  if (!m || !curly) return explained;
  return {
    ...explained,
    column: m[1]!.length + m[2]!.length + m[3]!.length + 1,
    message: `the quotes are curly quotes ${curly.open} ${curly.close} — YAML needs straight quotes " "`,
    fix: `write straight quotes: ${m[2]} ${quoteYaml(curly.text)}${comment} (or, to show the curly quotes too: ${m[2]} ${quoteYaml(value)}${comment})`,
  };
}

/** The line where a quoted value opens and never closes, scanning like YAML's own lexer would. */
function unclosedQuoteLine(lines: string[], quote: string): number | undefined {
  let open: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i]!;
    if (open === undefined) {
      const start = /^\s*(?:-\s+)*(?:[^\s"'#][^:]*:\s+)?(?:-\s+)*(["'])/.exec(rest);
      if (!start || start[1] !== quote) continue;
      open = i + 1;
      rest = rest.slice(start[0].length);
    }
    if (closes(rest, quote)) open = undefined;
  }
  return open;
}

function closes(text: string, quote: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

/**
 * A `#` in a list written in brackets (`tags: [nursing, #hcldr]`): YAML takes it for the
 * start of a comment and drops the rest of the line, its `]` too, so it reports a list
 * never closed, on another line. Said where the `#` is, with the items quoted.
 */
function flowComment(lines: string[], line: number): Explained | undefined {
  const text = lines[line - 1] ?? "";
  const bracket = /^[^#"']*?[[{]/.exec(text);
  if (!bracket) return undefined;
  const hash = /(?:^|[\s[{,])(#)/.exec(text.slice(bracket[0].length));
  if (!hash) return undefined;
  const column = bracket[0].length + hash.index + hash[0].length;
  // Each item holding a # in quotes; the closing bracket restored when the comment hid it.
  const close = bracket[0].endsWith("[") ? "]" : "}";
  // `tags: [a, b  # note`: a note written as one, after a list never closed; the list closes before it.
  const rest = text.slice(column - 1);
  if (/^#(?:[ \t]|$)/.test(rest) && !rest.includes(close)) {
    return {
      line, column, field: fieldPathOnLine(lines, line),
      message: `the list in brackets is not closed before the note \`${rest.trim()}\`: in YAML, a # after a space begins a comment, which runs to the end of the line`,
      fix: `close the list before the note: \`${text.slice(0, column - 1).trimEnd().trimStart()}${close}  ${rest.trim()}\``,
    };
  }
  const inner = text.slice(bracket[0].length).replace(new RegExp(`\\${close}\\s*$`), "");
  const items = inner.split(",").map((item) => {
    // In braces, `key: value`: the value is quoted.
    const key = close === "}" ? (/^[^#"']*?:\s+/.exec(item.trimStart())?.[0] ?? "") : "";
    const t = item.trim().slice(key.length);
    return t.includes("#") && !/^["']/.test(t) ? item.replace(t, `"${t.replace(/"/g, '\\"')}"`) : item;
  });
  const quoted = `${bracket[0]}${items.join(",").trimEnd()}${close}`;
  const word = /^#[^\s,\]}]*/.exec(text.slice(column - 1))?.[0] ?? "#";
  return {
    line, column, field: fieldPathOnLine(lines, line),
    message: `\`${word}\` starts a comment here: in YAML, a # after a space, [ or comma begins one, so the rest of the line, its closing ${close} included, is left out`,
    fix: `put the item in quotes: \`${quoted.trim()}\``,
  };
}

function unclosedBracketLine(lines: string[], before: number, open: string, close: string): number | undefined {
  for (let i = before - 2; i >= 0; i--) {
    // As YAML reads it: a closing bracket after a comment's # does not close.
    const l = lines[i]!.replace(/(^|[\s[{,])#.*$/, "$1");
    if (l.split(open).length > l.split(close).length) return i + 1;
  }
  return undefined;
}

function firstSentence(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Eleventy's front-matter engine: the same parser the validator uses. Invalid YAML gives
 * no data instead of an error: the validator reports it (the build stops before Eleventy,
 * the preview shows the problems in place of the post).
 */
export function parseYamlForEngine(text: string): Record<string, unknown> {
  const data = takeValidatedYaml(text) ?? readYamlDocument(text, "", 1);
  return engineData(data);
}

function engineData(doc: { data: unknown; diagnostics: readonly unknown[] }): Record<string, unknown> {
  const data = doc.data;
  // A warning (curly quotes kept in a title) leaves the data as it is.
  if (doc.diagnostics.some((d) => (d as Diagnostic).severity !== "warning") || !data || typeof data !== "object" || Array.isArray(data)) return {};
  // Eleventy stops on a `date` it cannot read, before chatpost can show the problem in the preview.
  const { date, ...rest } = data as Record<string, unknown>;
  return isCalendarDate(date) ? { date, ...rest } : rest;
}

function isCalendarDate(value: unknown): boolean {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  return !!m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().startsWith(value as string);
}

// The validator has already parsed each post's YAML (about 2 ms for a post with 17 references):
// Eleventy's front-matter engine takes that result instead of parsing the same text again.
// Keyed by the YAML text itself, so a changed file can never get stale data; each entry is
// taken once, and the map is bounded so that a check of a huge site cannot grow it without end.
const validated = new Map<string, unknown>();
const MAX_VALIDATED = 20_000;

/** Record the data the validator read from `yaml` (a post's text between the fences, ending in a newline). */
export function recordValidatedYaml(yaml: string, data: unknown): void {
  // Keep chomping (`|+`, `>+`) makes the final newline part of a value: gray-matter passes the
  // text without it, so such front matter is parsed again rather than risk a different value.
  if (!yaml.endsWith("\n") || /[|>][1-9]?\+/.test(yaml)) return;
  const key = yaml.slice(0, -1);
  validated.delete(key);
  if (validated.size >= MAX_VALIDATED) validated.delete(validated.keys().next().value!);
  // Copied only when Eleventy takes it (the loader never changes its data): `npm run check` pays nothing.
  validated.set(key, data);
}

// gray-matter passes the text after `---` up to the newline before the closing fence:
// it starts with the opening line's end, and keeps CRLF line ends.
function takeValidatedYaml(text: string): { data: unknown; diagnostics: [] } | undefined {
  if (!validated.size) return undefined;
  const key = text.replace(/^[ \t]*(?:\r\n?|\n)/, "").replace(/\r\n?/g, "\n");
  if (!validated.has(key)) return undefined;
  const data = validated.get(key);
  validated.delete(key);
  // Eleventy adds to and changes the data it is given: a deep copy, never the loader's objects.
  return { data: structuredClone(data), diagnostics: [] };
}
