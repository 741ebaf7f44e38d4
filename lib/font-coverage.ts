// Which characters a set of fonts can draw, from each font's `cmap` table, and a text
// made fit for them: emoji the fonts lack are left out quietly, other characters they
// lack are reported. Share images (lib/og-image.ts) use it so they never show empty
// boxes ("tofu") where a font has no glyph. Also which face of its family a font is
// (family, weight, style), so an added Bold is drawn as the bold of its family.
//
// The tables are read here rather than through the opentype.js that satori bundles: it is
// a transitive dependency (not ours to import), and the tables are small and well specified
// (https://learn.microsoft.com/typography/opentype/spec/cmap).

/** What kind of font file the bytes are, from their first four bytes. */
export type FontKind = "truetype" | "opentype" | "woff" | "woff2" | "collection" | "unknown";

export function fontKind(bytes: Uint8Array): FontKind {
  if (bytes.length < 4) return "unknown";
  const tag = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (tag === "\0\x01\0\0" || tag === "true") return "truetype";
  if (tag === "OTTO") return "opentype";
  if (tag === "wOFF") return "woff";
  if (tag === "wOF2") return "woff2";
  if (tag === "ttcf") return "collection";
  return "unknown";
}

/**
 * Every code point the font maps to a glyph (glyph 0, .notdef, is the empty box and does
 * not count). Reads the Unicode subtables of formats 4 (BMP) and 12 (all planes).
 * Throws on a file that is not TrueType/OpenType or whose tables are cut short.
 */
export function fontCodePoints(bytes: Uint8Array): Set<number> {
  const kind = fontKind(bytes);
  if (kind !== "truetype" && kind !== "opentype") throw new Error(`not a TrueType or OpenType font (${kind})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = tableOffset(view, "cmap");
  if (cmap < 0) throw new Error("the font has no cmap table");
  const points = new Set<number>();
  const seen = new Set<number>();
  const subtables = view.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    // Unicode (platform 0) or Windows Unicode BMP / full repertoire (3,1 and 3,10); symbol fonts' 3,0 maps no real text.
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const at = cmap + view.getUint32(cmap + 8 + 8 * i);
    if (seen.has(at)) continue; // two records often share one subtable
    seen.add(at);
    const format = view.getUint16(at);
    if (format === 4) readFormat4(view, at, points);
    else if (format === 12) readFormat12(view, at, points);
  }
  return points;
}

/** Where the table `tag` starts in the font, from the sfnt table directory; -1 when it has none (or it lies outside the file). */
function tableOffset(view: DataView, tag: string, minLength = 0): number {
  const want = [...tag].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    if (view.getUint32(record) !== want) continue;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    return length >= minLength && offset + minLength <= view.byteLength ? offset : -1;
  }
  return -1;
}

/** The weights satori knows (CSS font-weight in hundreds). */
export type FontWeight = 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;

/** Which face of its family a font file is: what a font-family, font-weight and font-style in CSS would pick it by. */
export interface FontFace {
  /** The family name (typographic family, name ID 16, else name ID 1); undefined when the font does not say. */
  family: string | undefined;
  weight: FontWeight;
  style: "normal" | "italic";
}

/**
 * The family, weight and style a TrueType/OpenType font says it is: the weight from
 * OS/2 usWeightClass (head macStyle's bold bit in a font without OS/2), italic from OS/2
 * fsSelection or head macStyle. Throws like fontCodePoints on what is not such a font.
 * (https://learn.microsoft.com/typography/opentype/spec/os2, …/head, …/name)
 */
export function fontFace(bytes: Uint8Array): FontFace {
  const kind = fontKind(bytes);
  if (kind !== "truetype" && kind !== "opentype") throw new Error(`not a TrueType or OpenType font (${kind})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const os2 = tableOffset(view, "OS/2", 64); // usWeightClass at 4, fsSelection at 62 (every version)
  const head = tableOffset(view, "head", 46); // macStyle at 44
  const macStyle = head < 0 ? 0 : view.getUint16(head + 44);
  let weight: FontWeight = macStyle & 1 ? 700 : 400;
  let italic = (macStyle & 2) !== 0;
  if (os2 >= 0) {
    const weightClass = view.getUint16(os2 + 4);
    // 1–9 is an old way of writing 100–900; 0 says nothing.
    const hundreds = weightClass >= 1 && weightClass <= 9 ? weightClass : Math.round(weightClass / 100);
    if (weightClass > 0) weight = Math.min(9, Math.max(1, hundreds)) * 100 as FontWeight;
    italic ||= (view.getUint16(os2 + 62) & 1) !== 0;
  }
  return { family: familyName(view), weight, style: italic ? "italic" : "normal" };
}

/** The family from the `name` table: the typographic family (ID 16) if any, else the family (ID 1); Windows English names first. */
function familyName(view: DataView): string | undefined {
  const name = tableOffset(view, "name", 6);
  if (name < 0) return undefined;
  const count = view.getUint16(name + 2);
  const strings = name + view.getUint16(name + 4);
  let best: { rank: number; text: string } | undefined;
  for (let i = 0; i < count; i++) {
    const record = name + 6 + 12 * i;
    if (record + 12 > view.byteLength) break;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((at) => view.getUint16(record + at)) as [number, number, number, number, number, number];
    if (id !== 16 && id !== 1) continue;
    const start = strings + offset;
    if (start + length > view.byteLength) continue;
    let text: string;
    let rank: number;
    if (platform === 3 && (encoding === 1 || encoding === 10)) {
      text = utf16be(view, start, length);
      rank = language === 0x409 ? 0 : 1; // English (United States) first, as the family's usual name
    } else if (platform === 0) {
      text = utf16be(view, start, length);
      rank = 2;
    } else if (platform === 1 && encoding === 0) {
      // Mac Roman: read as Latin-1, right for the ASCII that family names are written in.
      text = String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + start, length));
      rank = 3;
    } else continue;
    text = text.trim();
    if (!text) continue;
    // ID 16 is written only when it differs from ID 1 (a family of more than four faces): it wins.
    rank += id === 16 ? 0 : 10;
    if (!best || rank < best.rank) best = { rank, text };
  }
  return best?.text;
}

function utf16be(view: DataView, start: number, length: number): string {
  let text = "";
  for (let at = start; at + 1 < start + length; at += 2) text += String.fromCharCode(view.getUint16(at));
  return text;
}

function readFormat4(view: DataView, at: number, points: Set<number>): void {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2; // after the reserved pad
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + 2 * s);
    const start = view.getUint16(starts + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const rangeOffsetAt = rangeOffsets + 2 * s;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        // The offset is from the range-offset entry itself into the glyph array.
        const raw = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (c - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
}

function readFormat12(view: DataView, at: number, points: Set<number>): void {
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + 12 * g;
    const start = view.getUint32(group);
    const end = Math.min(view.getUint32(group + 4), 0x10ffff);
    const glyph = view.getUint32(group + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
  }
}

/** Whether any of the fonts can draw a code point. */
export type Coverage = (codePoint: number) => boolean;

export function coverageOf(fonts: Uint8Array[]): Coverage {
  const sets = fonts.map(fontCodePoints);
  return (c) => sets.some((set) => set.has(c));
}

const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });
// Emoji and pictographs: the card is decoration and the page shows them, so they go quietly.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
// Parts of a character that change its look but are not drawn on their own: variation
// selectors, joiners, tags, skin tones. A character keeps its base without them.
const OPTIONAL = /^[\p{Default_Ignorable_Code_Point}\p{Emoji_Modifier}]$/u;
const SPACE = /^\s+$/u;
// Where a removed character was: spaces around it are then tidied (see tidy()).
const GAP = "\u0000";

export interface FittedText {
  /** The text as the fonts can draw it: "" when too little of it was left to read. */
  text: string;
  /** Characters (not emoji) the fonts cannot draw, each once, in order of appearance. */
  missing: string[];
  /** Whether the text was left out entirely because what the fonts can draw of it is not readable. */
  dropped: boolean;
}

/**
 * `text` without what the fonts cannot draw. Emoji they lack go quietly, with their
 * selectors, joiners and skin tones; other characters they lack are listed in `missing`
 * and left out, if the rest is still readable: it has a letter, and more letters and
 * digits than were left out. Otherwise the whole text is dropped (`text` is "").
 * `whole`: a text that means nothing with holes (a date, a hashtag) is dropped whenever
 * a character other than an emoji is missing.
 */
export function fitText(text: string, covers: Coverage, { whole = false }: { whole?: boolean } = {}): FittedText {
  const parts: string[] = [];
  const missing = new Set<string>();
  let removed = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (SPACE.test(segment)) {
      // An ideographic or other space a font lacks is still a space.
      parts.push([...segment].every((c) => covers(c.codePointAt(0)!)) ? segment : " ");
      continue;
    }
    const chars = [...segment];
    const essential = chars.filter((c) => !OPTIONAL.test(c));
    const drawable = essential.length > 0 && essential.every((c) => covers(c.codePointAt(0)!));
    if (drawable) {
      // A selector or joiner the fonts lack would be drawn as a box of its own.
      parts.push(chars.filter((c) => !OPTIONAL.test(c) || covers(c.codePointAt(0)!)).join(""));
    } else if (essential.length === 0) {
      // Only invisible characters (a stray joiner): nothing to draw.
      continue;
    } else {
      parts.push(GAP);
      if (!EMOJI.test(segment)) {
        missing.add(segment);
        removed++;
      }
    }
  }
  const fitted = tidy(parts.join(""));
  if (removed === 0) return { text: fitted, missing: [], dropped: false };
  const kept = [...segmenter.segment(fitted)].filter(({ segment }) => /[\p{L}\p{N}]/u.test(segment)).length;
  const readable = !whole && /\p{L}/u.test(fitted) && kept > removed;
  return { text: readable ? fitted : "", missing: [...missing], dropped: !readable };
}

/** The text with each gap removed and the spaces and separators around it tidied. */
function tidy(text: string): string {
  return (
    text
      // Several removed characters in a row, with spaces between them, are one gap.
      .replace(/\u0000(?:\s*\u0000)+/gu, GAP)
      // At either end, a gap takes the spaces and separators next to it: "🎉 500 chats" → "500 chats", "Voices — 患者" → "Voices".
      .replace(/^[\s\p{Pd}:;,|/·•]*\u0000[\s\p{Pd}:;,|/·•]*/u, "")
      .replace(/[\s\p{Pd}:;,|/·•]*\u0000[\s\p{Pd}:;,|/·•]*$/u, "")
      // Between words, one space is left: "Happy 🎉 new year" → "Happy new year".
      .replace(/\s+\u0000\s+/gu, " ")
      // Before closing punctuation and after opening punctuation, none: "Thanks 🙏!" → "Thanks!".
      .replace(/\s+\u0000(?=[\p{Pe}\p{Pf}!?.,;:…])/gu, "")
      .replace(/(?<=[\p{Ps}\p{Pi}])\u0000\s+/gu, "")
      // Between two words written without a space (as in Chinese or Japanese), a space.
      .replace(/(?<=[\p{L}\p{N}])\u0000(?=[\p{L}\p{N}])/gu, " ")
      .replace(/\u0000/gu, "")
      .trim()
  );
}

/** "患, 者, の and 12 more": the first few of `chars`, for a message. */
export function listCharacters(chars: string[], shown = 5): string {
  const quoted = chars.map((c) => `"${c}"`);
  if (quoted.length <= shown) return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
  return `${quoted.slice(0, shown).join(", ")} and ${quoted.length - shown} more`;
}

// Scripts a writer may use that need a font of their own, and a free font that has them
// (Google's Noto family, SIL Open Font License), for the warning's fix: the family and
// the file name its download from fonts.google.com holds.
const SCRIPT_FONTS: [RegExp, string, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "Noto Sans JP", "NotoSansJP-Regular.ttf"],
  [/\p{Script=Hangul}/u, "Noto Sans KR", "NotoSansKR-Regular.ttf"],
  [/\p{Script=Han}/u, "Noto Sans SC (simplified Chinese) or Noto Sans TC (traditional)", "NotoSansSC-Regular.ttf"],
  [/\p{Script=Devanagari}/u, "Noto Sans Devanagari", "NotoSansDevanagari-Regular.ttf"],
  [/\p{Script=Bengali}/u, "Noto Sans Bengali", "NotoSansBengali-Regular.ttf"],
  [/\p{Script=Tamil}/u, "Noto Sans Tamil", "NotoSansTamil-Regular.ttf"],
  [/\p{Script=Telugu}/u, "Noto Sans Telugu", "NotoSansTelugu-Regular.ttf"],
  [/\p{Script=Gujarati}/u, "Noto Sans Gujarati", "NotoSansGujarati-Regular.ttf"],
  [/\p{Script=Gurmukhi}/u, "Noto Sans Gurmukhi", "NotoSansGurmukhi-Regular.ttf"],
  [/\p{Script=Kannada}/u, "Noto Sans Kannada", "NotoSansKannada-Regular.ttf"],
  [/\p{Script=Malayalam}/u, "Noto Sans Malayalam", "NotoSansMalayalam-Regular.ttf"],
  [/\p{Script=Thai}/u, "Noto Sans Thai", "NotoSansThai-Regular.ttf"],
  [/\p{Script=Khmer}/u, "Noto Sans Khmer", "NotoSansKhmer-Regular.ttf"],
  [/\p{Script=Lao}/u, "Noto Sans Lao", "NotoSansLao-Regular.ttf"],
  [/\p{Script=Myanmar}/u, "Noto Sans Myanmar", "NotoSansMyanmar-Regular.ttf"],
  [/\p{Script=Sinhala}/u, "Noto Sans Sinhala", "NotoSansSinhala-Regular.ttf"],
  [/\p{Script=Ethiopic}/u, "Noto Sans Ethiopic", "NotoSansEthiopic-Regular.ttf"],
  [/\p{Script=Arabic}/u, "Noto Sans Arabic", "NotoSansArabic-Regular.ttf"],
  [/\p{Script=Syriac}/u, "Noto Sans Syriac", "NotoSansSyriac-Regular.ttf"],
  [/\p{Script=Thaana}/u, "Noto Sans Thaana", "NotoSansThaana-Regular.ttf"],
];

export interface SuggestedFont {
  family: string;
  file: string;
}

/** Free fonts that have `chars`, one per script among them; [] when no script is known. */
export function suggestedFonts(chars: string[]): SuggestedFont[] {
  const text = chars.join("");
  const out = SCRIPT_FONTS.filter(([script]) => script.test(text)).map(([, family, file]) => ({ family, file }));
  // Kana with kanji is Japanese: Noto Sans JP has the kanji, the Chinese suggestion would only confuse.
  return out.some((f) => f.family === "Noto Sans JP") ? out.filter((f) => !f.family.startsWith("Noto Sans SC")) : out;
}
