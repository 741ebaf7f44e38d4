// Unit tests of the fonts' coverage (lib/font-coverage.ts) and of what share images do
// with characters no font has (lib/og-image.ts): emoji left out quietly, other scripts
// left out with a warning, the site's added fonts used after DejaVu Sans.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { coverageOf, fitText, fontCodePoints, fontFace, fontKind, listCharacters, suggestedFonts } from "../../lib/font-coverage.ts";
import { renderShareCard, shareCardKey, shareCardProblems, shareImageFontList, useShareImageFonts, type ShareCard } from "../../lib/og-image.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { renderShareCards } from "../../lib/share-card-pool.ts";
import { PROJECT } from "../helpers/build-site.ts";

const DEJAVU = [readFileSync(path.join(PROJECT, "fonts/DejaVuSans.ttf")), readFileSync(path.join(PROJECT, "fonts/DejaVuSans-Bold.ttf"))];
const dejavu = coverageOf(DEJAVU);

/** A TrueType font whose only glyph, a filled square, stands for each of `chars` (cmap formats 4 and 12). */
export function squareFont(chars: string): Buffer {
  const points = [...new Set([...chars].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const u16 = (...v: number[]) => Buffer.concat(v.map((n) => { const b = Buffer.alloc(2); b.writeUInt16BE(n & 0xffff); return b; }));
  const u32 = (...v: number[]) => Buffer.concat(v.map((n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; }));
  // Glyph 1: one contour of four on-curve points, (100,0) (900,0) (900,700) (100,700), as deltas.
  const square = Buffer.concat([u16(1, 100, 0, 900, 700, 3, 0), Buffer.from([1, 1, 1, 1]), u16(100, 800, 0, -800), u16(0, 0, 700, 0)]);
  const glyf = Buffer.concat([square, Buffer.alloc((4 - (square.length % 4)) % 4)]);
  const bmp = points.filter((c) => c <= 0xfffe);
  // Format 4: a segment per character, each through the glyph array (idRangeOffset), then the closing 0xFFFF.
  const segs = bmp.length + 1;
  const glyphArrayStart = (i: number) => 2 * (segs - i); // from a segment's idRangeOffset entry to the array
  const format4Body = Buffer.concat([
    u16(segs * 2, 0, 0, 0), u16(...bmp, 0xffff), u16(0), u16(...bmp, 0xffff), u16(...bmp.map(() => 0), 1),
    u16(...bmp.map((_, i) => glyphArrayStart(i) + 2 * i), 0), u16(...bmp.map(() => 1)),
  ]);
  const format4 = Buffer.concat([u16(4, 6 + format4Body.length, 0), format4Body]);
  const format12 = Buffer.concat([u16(12, 0), u32(16 + 12 * points.length, 0, points.length), ...points.map((c) => u32(c, c, 1))]);
  const cmap = Buffer.concat([u16(0, 2), u16(3, 1), u32(20), u16(3, 10), u32(20 + format4.length), format4, format12]);
  const tables: [string, Buffer][] = [
    ["cmap", cmap],
    ["glyf", glyf],
    ["head", Buffer.concat([u32(0x10000, 0x10000, 0, 0x5f0f3cf5), u16(0, 1000), Buffer.alloc(16), u16(100, 0, 900, 700, 0, 8, 2, 1, 0)])],
    ["hhea", Buffer.concat([u32(0x10000), u16(800, -200, 0, 1000, 100, 100, 900, 1, 0, 0, 0, 0, 0, 0, 0, 2)])],
    ["hmtx", u16(1000, 0, 1000, 100)],
    ["loca", u32(0, 0, glyf.length)],
    ["maxp", Buffer.concat([u32(0x5000), u16(2)])],
  ];
  const padded = tables.map(([tag, data]) => [tag, Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)])] as const);
  let offset = 12 + 16 * tables.length;
  const directory = padded.map(([tag, data], i) => {
    const record = Buffer.concat([Buffer.from(tag, "latin1"), u32(0, offset, tables[i]![1].length)]);
    offset += data.length;
    return record;
  });
  return Buffer.concat([u32(0x10000), u16(tables.length, 0, 0, 0), ...directory, ...padded.map(([, data]) => data)]);
}

/**
 * `font` with an OS/2 table saying its weight class and fsSelection, a name table naming
 * its family (ID 1, and a typographic family, ID 16, when given), and head's macStyle.
 */
export function withFace(font: Buffer, face: { weightClass?: number; fsSelection?: number; macStyle?: number; family?: string; typographicFamily?: string }): Buffer {
  const u16 = (...v: number[]) => Buffer.concat(v.map((n) => { const b = Buffer.alloc(2); b.writeUInt16BE(n & 0xffff); return b; }));
  const count = font.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const offset = font.readUInt32BE(record + 8);
    tables.set(font.toString("latin1", record, record + 4), Buffer.from(font.subarray(offset, offset + font.readUInt32BE(record + 12))));
  }
  if (face.macStyle !== undefined) tables.get("head")!.writeUInt16BE(face.macStyle, 44);
  if (face.weightClass !== undefined || face.fsSelection !== undefined) {
    // Version 4: 96 bytes; usWeightClass at 4, fsSelection at 62, the rest zero (satori falls back to hhea's metrics).
    const os2 = Buffer.alloc(96);
    os2.writeUInt16BE(4, 0);
    os2.writeUInt16BE(face.weightClass ?? 400, 4);
    os2.writeUInt16BE(5, 6); // usWidthClass: medium
    os2.writeUInt16BE(face.fsSelection ?? 0, 62);
    tables.set("OS/2", os2);
  }
  if (face.family !== undefined) {
    // Windows, Unicode BMP, English (United States), UTF-16BE.
    const names: [number, string][] = [[1, face.family], ...(face.typographicFamily === undefined ? [] : [[16, face.typographicFamily] as [number, string]])];
    const strings = names.map(([, text]) => Buffer.from(text, "utf16le").swap16());
    let at = 0;
    const records = names.map(([id], i) => {
      const record = u16(3, 1, 0x409, id, strings[i]!.length, at);
      at += strings[i]!.length;
      return record;
    });
    tables.set("name", Buffer.concat([u16(0, names.length, 6 + 12 * names.length), ...records, ...strings]));
  }
  const sorted = [...tables].sort(([a], [b]) => (a < b ? -1 : 1));
  const padded = sorted.map(([, data]) => Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]));
  let offset = 12 + 16 * sorted.length;
  const directory = sorted.map(([tag, data], i) => {
    const record = Buffer.alloc(16);
    record.write(tag, 0, "latin1");
    record.writeUInt32BE(offset, 8);
    record.writeUInt32BE(data.length, 12);
    offset += padded[i]!.length;
    return record;
  });
  return Buffer.concat([font.subarray(0, 4), u16(sorted.length, 0, 0, 0), ...directory, ...padded]);
}

const cp = (c: string) => c.codePointAt(0)!;

describe("fontKind and fontCodePoints", () => {
  it("tells TrueType from web fonts and collections by their first bytes", () => {
    assert.equal(fontKind(DEJAVU[0]!), "truetype");
    assert.equal(fontKind(Buffer.from("OTTO\0\0")), "opentype");
    assert.equal(fontKind(Buffer.from("wOF2\0\0")), "woff2");
    assert.equal(fontKind(Buffer.from("wOFF\0\0")), "woff");
    assert.equal(fontKind(Buffer.from("ttcf\0\0")), "collection");
    assert.equal(fontKind(Buffer.from("<html>")), "unknown");
    assert.throws(() => fontCodePoints(Buffer.from("wOF2\0\0\0\0")), /not a TrueType or OpenType font \(woff2\)/);
  });

  it("reads DejaVu Sans: Latin, Greek, Cyrillic and Hebrew, but no CJK, emoji or Devanagari", () => {
    const points = fontCodePoints(DEJAVU[0]!);
    for (const c of "Aé€αЖאԱ→") assert.ok(points.has(cp(c)), c);
    for (const c of ["患", "の", "한", "न", "ก", "🎉", "🥳"]) assert.ok(!points.has(cp(c)), c);
  });

  it("reads format 4 through its glyph array and format 12 beyond the BMP, and nothing else", () => {
    const font = squareFont("患者😀");
    assert.deepEqual([...fontCodePoints(font)].sort((a, b) => a - b), [cp("患"), cp("者"), cp("😀")].sort((a, b) => a - b));
  });
});

describe("fontFace", () => {
  it("reads DejaVu Sans and DejaVu Sans Bold as one family at weights 400 and 700", () => {
    assert.deepEqual(fontFace(DEJAVU[0]!), { family: "DejaVu Sans", weight: 400, style: "normal" });
    assert.deepEqual(fontFace(DEJAVU[1]!), { family: "DejaVu Sans", weight: 700, style: "normal" });
  });

  it("reads the weight class and the italic bit of OS/2, the typographic family first", () => {
    const light = withFace(squareFont("a"), { weightClass: 300, fsSelection: 1, family: "Square Light", typographicFamily: "Square" });
    assert.deepEqual(fontFace(light), { family: "Square", weight: 300, style: "italic" });
    // An odd weight class is rounded to the nearest hundred; 1–9 is the old way of writing 100–900.
    assert.equal(fontFace(withFace(squareFont("a"), { weightClass: 350 })).weight, 400);
    assert.equal(fontFace(withFace(squareFont("a"), { weightClass: 6 })).weight, 600);
    assert.equal(fontFace(withFace(squareFont("a"), { weightClass: 1000 })).weight, 900);
    assert.equal(fontFace(withFace(squareFont("a"), { family: "Square" })).family, "Square");
  });

  it("falls back on head's macStyle without OS/2, and knows no family without a name table", () => {
    assert.deepEqual(fontFace(squareFont("a")), { family: undefined, weight: 400, style: "normal" });
    assert.deepEqual(fontFace(withFace(squareFont("a"), { macStyle: 3 })), { family: undefined, weight: 700, style: "italic" });
    assert.throws(() => fontFace(Buffer.from("wOF2\0\0\0\0")), /not a TrueType or OpenType font \(woff2\)/);
  });
});

describe("fitText", () => {
  const fit = (text: string) => fitText(text, dejavu);

  it("leaves out emoji the fonts lack, quietly, and tidies the spaces around them", () => {
    assert.deepEqual(fit("🎉 500 chats!"), { text: "500 chats!", missing: [], dropped: false });
    assert.equal(fit("Happy 🎉 🎊 new year").text, "Happy new year");
    assert.equal(fit("Thanks 🙏!").text, "Thanks!");
    assert.equal(fit("Flags (🎉 yes)").text, "Flags (yes)");
    assert.equal(fit("Done ✅").text, "Done");
  });

  it("takes an emoji's skin tone, joiners and selectors with it, and keeps an emoji the fonts have", () => {
    // Nurse with a skin tone (a ZWJ sequence), a flag pair, a rainbow flag, a keycap.
    assert.equal(fit("👩🏽‍⚕️ nurses 🇯🇵 🏳️‍🌈 1️⃣ lead").text, "nurses lead");
    // DejaVu has ❤ and ☝: they stay, without the skin tone it lacks.
    assert.equal(fit("❤️ care ☝🏽").text, "❤️ care ☝");
  });

  it("leaves out other characters the fonts lack when what is left is readable, and names them", () => {
    assert.deepEqual(fit("患者の声を聞く: Patient voices"), { text: "Patient voices", missing: [..."患者の声を聞く"], dropped: false });
    assert.deepEqual(fit("Listening — 患者"), { text: "Listening", missing: ["患", "者"], dropped: false });
    // Each character once, a Devanagari syllable whole.
    assert.deepEqual(fit("नमस्ते नमस्ते").missing, ["न", "म", "स्ते"]);
  });

  it("drops a text with too little left to read", () => {
    assert.deepEqual(fit("患者の声を聞く 🎉"), { text: "", missing: [..."患者の声を聞く"], dropped: true });
    assert.equal(fit("#看護").dropped, true); // "#" alone is no hashtag
    assert.equal(fit("नमस्ते 2024").text, ""); // digits alone are no title
    assert.equal(fit("Ελληνικά, Кириллица, עברית").text, "Ελληνικά, Кириллица, עברית");
  });

  it("keeps words apart where the left-out characters stood between them", () => {
    assert.equal(fit("Nursing in日本today").text, "Nursing in today");
  });

  it("drops a date or a hashtag with any hole in it", () => {
    assert.deepEqual(fitText("2017年5月2日 20:30 JST", dejavu, { whole: true }), { text: "", missing: ["年", "月", "日"], dropped: true });
    assert.equal(fitText("#看護chat", dejavu, { whole: true }).text, "");
    // Emoji still go quietly.
    assert.equal(fitText("#hcldr 🎉", dejavu, { whole: true }).text, "#hcldr");
  });

  it("draws what an added font has", () => {
    const withJapanese = coverageOf([...DEJAVU, squareFont("患者の声を聞く")]);
    assert.deepEqual(fitText("患者の声を聞く 🎉", withJapanese), { text: "患者の声を聞く", missing: [], dropped: false });
  });

  it("lists a few characters for a message, and names a free font for their script", () => {
    assert.equal(listCharacters(["患"]), '"患"');
    assert.equal(listCharacters(["患", "者"]), '"患" and "者"');
    assert.equal(listCharacters([..."患者の声を聞く"]), '"患", "者", "の", "声", "を" and 2 more');
    assert.deepEqual(suggestedFonts([..."患者の"]).map((f) => f.family), ["Noto Sans JP"]);
    assert.deepEqual(suggestedFonts([..."患者"]).map((f) => f.file), ["NotoSansSC-Regular.ttf"]);
    assert.deepEqual(suggestedFonts(["한", "न"]).map((f) => f.family), ["Noto Sans KR", "Noto Sans Devanagari"]);
    assert.deepEqual(suggestedFonts(["\u{10000}"]), []);
  });
});

describe("share cards with characters the fonts lack", () => {
  const card: ShareCard = { title: "500 chats!", when: "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)", hashtag: "#hcldr", siteTitle: "Chat" };
  after(() => useShareImageFonts([]));

  it("draws a title with emoji exactly as the title without them", async () => {
    const [withEmoji, without] = await Promise.all([renderShareCard({ ...card, title: "🎉 500 chats! 👩🏽‍⚕️" }), renderShareCard(card)]);
    assert.ok(withEmoji.equals(without));
  });

  it("draws a card whose title no font can draw without the title, the rest in place", async () => {
    const [japanese, untitled, titled] = await Promise.all([renderShareCard({ ...card, title: "患者の声を聞く" }), renderShareCard({ ...card, title: "" }), renderShareCard(card)]);
    assert.ok(japanese.equals(untitled));
    assert.ok(!japanese.equals(titled));
  });

  it("draws with an added font, which changes the cache key", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chatpost-fonts-"));
    const file = path.join(dir, "square.ttf");
    writeFileSync(file, squareFont("患者の声を聞く"));
    const japanese = { ...card, title: "患者の声を聞く" };
    const before = { key: shareCardKey(japanese), png: await renderShareCard(japanese), untitled: await renderShareCard({ ...card, title: "" }) };
    useShareImageFonts([file]);
    assert.notEqual(shareCardKey(japanese), before.key);
    const drawn = await renderShareCard(japanese);
    assert.ok(!drawn.equals(before.png), "the title is drawn with the added font");
    assert.ok(!drawn.equals(before.untitled));
    assert.deepEqual(shareCardProblems([{ file: "content/posts/x.md", card: japanese }], { title: "Chat", chat: { hashtag: "#hcldr" } }, dir), []);
    useShareImageFonts([]);
    assert.equal(shareCardKey(japanese), before.key);
  });

  it("draws a bold title with the added family's Bold, not a thickened Regular", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chatpost-fonts-"));
    // Two faces of one family with the same square glyph: only satori's faux bold would tell them apart.
    const regular = path.join(dir, "Square-Regular.ttf");
    const bold = path.join(dir, "Square-Bold.ttf");
    writeFileSync(regular, withFace(squareFont("患者"), { weightClass: 400, family: "Square" }));
    writeFileSync(bold, withFace(squareFont("患者"), { weightClass: 700, macStyle: 1, family: "Square" }));
    const japanese = { ...card, title: "患者" };
    const drawnWith = async (files: string[]) => {
      useShareImageFonts(files);
      return renderShareCard(japanese);
    };
    const both = await drawnWith([regular, bold]);
    assert.deepEqual(shareImageFontList().slice(2).map(({ name, weight }) => [name, weight]), [["Added: Square", 400], ["Added: Square", 700]]);
    const boldOnly = await drawnWith([bold]);
    const regularOnly = await drawnWith([regular]);
    assert.ok(both.equals(boldOnly), "the title (font-weight 700) is drawn with the Bold");
    assert.ok(!both.equals(regularOnly), "not with the Regular made bold");
    useShareImageFonts([]);
  });

  it("draws with the added fonts on the drawing threads too, as on this thread", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chatpost-fonts-"));
    const file = path.join(dir, "square.ttf");
    writeFileSync(file, withFace(squareFont("患者"), { weightClass: 700, family: "Square" }));
    useShareImageFonts([file]);
    const cards = Array.from({ length: 16 }, (_, i) => ({ ...card, title: `患者 ${i}` }));
    const drawn: Buffer[] = [];
    const report = await renderShareCards(cards, async (i, png) => void (drawn[i] = png));
    assert.ok(report.workerThreads > 0 && report.onThisThread === 0, `drawn on threads: ${JSON.stringify(report)}`);
    for (const i of [0, 15]) assert.ok(drawn[i]!.equals(await renderShareCard(cards[i]!)), `card ${i}`);
    useShareImageFonts([]);
    assert.ok(!drawn[0]!.equals(await renderShareCard(cards[0]!)), "the threads drew with the added font");
  });

  it("warns once per post, at the title's line, naming the characters and the font to add", () => {
    const root = mkdtempSync(path.join(tmpdir(), "chatpost-cards-"));
    mkdirSync(path.join(root, "content/posts"), { recursive: true });
    mkdirSync(path.join(root, "content/_data"), { recursive: true });
    writeFileSync(path.join(root, "content/posts/a.md"), '---\ndate: 2018-03-01\ntitle: "🎉 患者の声を聞く"\nchat:\n  start: 2018-03-06T20:30\n  hashtag: "#看護"\n---\nText.\n');
    writeFileSync(path.join(root, "content/posts/b.md"), "---\ntitle: Nursing in 日本\n---\n");
    writeFileSync(path.join(root, "content/posts/c.md"), "---\ntitle: 🎉 500 chats\n---\n");
    writeFileSync(path.join(root, "content/_data/site.yaml"), "# Settings\ntitle: 看護チャット\nlanguage: ja\n");
    const site = { title: "看護チャット", chat: { hashtag: "#hcldr" } };
    const problems = shareCardProblems(
      [
        { file: "content/posts/a.md", card: { ...card, title: "🎉 患者の声を聞く", hashtag: "#看護", siteTitle: site.title } },
        { file: "content/posts/b.md", card: { ...card, title: "Nursing in 日本", siteTitle: site.title } },
        { file: "content/posts/c.md", card: { ...card, title: "🎉 500 chats", siteTitle: site.title } },
      ],
      site,
      root,
    );
    assert.deepEqual(problems.map(formatDiagnostic), [
      'content/posts/a.md:3:1  title  warning: no font of the share images can draw "患", "者", "の", "声", "を" and 4 more of the title and the hashtag: this post\'s share image is drawn without the title and without the hashtag (the page shows them) → add a font that has them (Noto Sans JP, free at fonts.google.com) to the site\'s fonts/ folder and name it in content/_data/site.yaml: shareImage: { fonts: [fonts/NotoSansJP-Regular.ttf] }',
      'content/posts/b.md:2:1  title  warning: no font of the share images can draw "日" and "本" of the title: this post\'s share image is drawn without these characters in the title (the page shows them) → add a font that has them (Noto Sans SC (simplified Chinese) or Noto Sans TC (traditional), free at fonts.google.com) to the site\'s fonts/ folder and name it in content/_data/site.yaml: shareImage: { fonts: [fonts/NotoSansSC-Regular.ttf] }',
      'content/_data/site.yaml:2:1  title  warning: no font of the share images can draw "看", "護", "チ", "ャ", "ッ" and 1 more of the site title: every share image is drawn without the site title (the page shows them) → add a font that has them (Noto Sans JP, free at fonts.google.com) to the site\'s fonts/ folder and name it in content/_data/site.yaml: shareImage: { fonts: [fonts/NotoSansJP-Regular.ttf] }',
    ]);
  });
});
