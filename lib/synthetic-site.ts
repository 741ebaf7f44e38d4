// A synthetic chatpost site, deterministic from a seed: the benchmark's input and
// a big site for checking the live preview by hand. Posts look like real
// announcements: ~700 words, 4 topics, references of mixed CSL types, chats in
// zones all over the world, and pandoc-style in-text citations.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface SyntheticSiteOptions {
  /** Number of posts. */
  posts: number;
  /** References per post. */
  references?: number;
  /** Words in each post's body (approximately). */
  words?: number;
  /** In-text citations per post. */
  citations?: number;
  seed?: number;
}

export interface SyntheticSite {
  root: string;
  /** Post files relative to the root, in generation order. */
  files: string[];
  /** Total references over all posts. */
  referenceCount: number;
}

// Zones cover both hemispheres (opposite daylight-saving seasons), half- and
// three-quarter-hour offsets, and zones without daylight saving.
export const SYNTHETIC_ZONES = [
  "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "Australia/Adelaide",
  "America/St_Johns", "Pacific/Auckland", "America/Sao_Paulo", "Asia/Kathmandu", "Europe/Berlin",
  "America/Los_Angeles", "Africa/Johannesburg", "Asia/Tokyo", "America/Santiago",
] as const;

const TYPES = [
  "article-journal", "post-weblog", "article-magazine", "report", "book", "chapter", "webpage", "article-newspaper",
] as const;

const FAMILY = [
  "Smailhodzic", "Hooijsma", "Boonstra", "Langley", "Ventola", "Vartabedian", "Fluckinger", "Nguyen", "Okafor",
  "García", "Müller", "O'Brien", "van der Berg", "Kowalski", "Tanaka", "Haddad", "Lindqvist", "Patel", "Moreau", "Silva",
];
const GIVEN = ["Edin", "Wyanda", "Albert", "David J.", "C. Lee", "Bryan", "Don", "Mai", "Chidi", "Lucía", "Jonas", "Siobhan", "Anna", "Piotr", "Yuki", "Rania", "Erik", "Priya", "Claire", "João"];
const JOURNALS = ["BMC Health Services Research", "Pharmacy and Therapeutics", "Journal of Medical Internet Research", "Health Affairs", "The Lancet Digital Health", "BMJ Open"];
const BLOGS = ["33 Charts", "KevinMD", "The Health Care Blog", "Patient Voices"];
const MAGAZINES = ["TechTarget", "Healthcare IT News", "Modern Healthcare", "Wired"];
const PUBLISHERS = ["PricewaterhouseCoopers", "Deloitte Center for Health Solutions", "World Health Organization", "Pew Research Center", "Oxford University Press", "Springer"];
const NEWSPAPERS = ["The New York Times", "The Guardian", "The Globe and Mail", "The Sydney Morning Herald"];
const ORGS = ["PwC Health Research Institute", "Canadian Nurses Association", "Patients Included", "NHS Digital"];

const WORDS = (
  "patients clinicians community online conversation healthcare leaders nurses doctors listening trust data " +
  "privacy sponsorship volunteers hospital clinic research evidence practice change culture burnout digital " +
  "tools access equity rural caregivers families outcomes quality safety experience feedback stories voice " +
  "policy funding technology telehealth records consent education students mentors teams workflow time " +
  "week question answer share learn listen speak invite welcome open honest small large local global"
).split(" ");
const SMALL = "the a of and to in for with on that is we our how what why when".split(" ");

/** A small, fast PRNG (mulberry32): the same seed gives the same site on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (s: string) => JSON.stringify(s);
const pad = (n: number) => String(n).padStart(2, "0");

function isoDay(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/** The YAML lines of one reference, one of eight CSL types in turn. */
function referenceYaml(id: string, index: number, pick: <T>(list: readonly T[]) => T, int: (n: number) => number, year: number): string[] {
  const type = TYPES[index % TYPES.length]!;
  const title = `${capitalise(sentence(pick, 6 + int(6)))}: ${sentence(pick, 3 + int(4))}`;
  const lines = [`  - id: ${id}`, `    type: ${type}`, `    title: ${quote(title)}`];
  const person = () => `{family: ${quote(pick(FAMILY))}, given: ${quote(pick(GIVEN))}}`;
  const issued = `${year - int(8)}-${pad(1 + int(12))}-${pad(1 + int(28))}`;
  switch (type) {
    case "article-journal":
      lines.push("    author:", ...Array.from({ length: 1 + int(5) }, () => `      - ${person()}`));
      lines.push(`    container-title: ${quote(pick(JOURNALS))}`, `    volume: ${1 + int(40)}`, `    issue: ${1 + int(12)}`);
      lines.push(`    page: ${100 + int(300)}-${420 + int(100)}`, `    issued: ${issued}`, `    DOI: 10.${1000 + int(8999)}/syn.${id}`);
      break;
    case "post-weblog":
      lines.push(`    author: ${quote(`${pick(FAMILY)}, ${pick(GIVEN)}`)}`, `    container-title: ${quote(pick(BLOGS))}`);
      lines.push(`    issued: ${issued}`, `    accessed: ${year}-01-15`, `    URL: https://blog.example/${id}`);
      break;
    case "article-magazine":
      lines.push(`    author: ${quote(`${pick(FAMILY)}, ${pick(GIVEN)}`)}`, `    container-title: ${quote(pick(MAGAZINES))}`);
      lines.push(`    issued: ${issued}`, `    URL: https://magazine.example/${id}`);
      break;
    case "report":
      lines.push(`    author: [{literal: ${quote(pick(ORGS))}}]`, `    publisher: ${quote(pick(PUBLISHERS))}`, `    issued: ${year - int(5)}-${pad(1 + int(12))}`);
      break;
    case "book":
      lines.push("    author:", `      - ${person()}`, `      - ${person()}`, `    publisher: ${quote(pick(PUBLISHERS))}`);
      lines.push(`    edition: ${1 + int(3)}`, `    issued: ${year - int(10)}`);
      break;
    case "chapter":
      lines.push(`    author: ${quote(`${pick(FAMILY)}, ${pick(GIVEN)}`)}`, "    editor:", `      - ${person()}`);
      lines.push(`    container-title: ${quote(capitalise(sentence(pick, 5)))}`, `    publisher: ${quote(pick(PUBLISHERS))}`);
      lines.push(`    page: ${10 + int(90)}-${120 + int(80)}`, `    issued: ${year - int(6)}`);
      break;
    case "webpage":
      lines.push(`    author: [{literal: ${quote(pick(ORGS))}}]`, `    container-title: ${quote(pick(ORGS))}`, `    issued: ${year - int(3)}`);
      lines.push(`    accessed: ${year}-02-01`, `    URL: https://www.example.org/${id}`);
      break;
    case "article-newspaper":
      lines.push(`    author: ${quote(`${pick(FAMILY)}, ${pick(GIVEN)}`)}`, `    container-title: ${quote(pick(NEWSPAPERS))}`);
      lines.push(`    issued: ${issued}`, `    URL: https://news.example/${id}`);
      break;
  }
  return lines;
}

function sentence(pick: <T>(list: readonly T[]) => T, words: number): string {
  return Array.from({ length: words }, (_, i) => (i % 3 === 1 ? pick(SMALL) : pick(WORDS))).join(" ");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Pandoc citation forms, in turn: bracketed, with a locator, in-text, suppressed author, a group. */
function citationMarkup(n: number, ids: string[], int: (n: number) => number): string {
  const id = () => ids[int(ids.length)]!;
  switch (n % 5) {
    case 0: return `[@${id()}]`;
    case 1: return `[@${id()}, p. ${1 + int(30)}]`;
    case 2: return `@${id()} says`;
    case 3: return `[-@${id()}]`;
    default: return `[@${id()}; @${id()}]`;
  }
}

/** The text of post number `index` (0-based) and its file name. */
export function syntheticPost(index: number, options: SyntheticSiteOptions): { file: string; text: string } {
  const refs = options.references ?? 17;
  const words = options.words ?? 700;
  const citations = options.citations ?? 5;
  const random = createRandom((options.seed ?? 1) * 1_000_003 + index);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

  // One chat a day from 1990 on: every instant is distinct (no two zones here are
  // 24 hours apart) and every post is in the past, so a build publishes them all.
  const day = Date.UTC(1990, 0, 2) / 86_400_000 + index;
  const chatDay = isoDay(day);
  const year = Number(chatDay.slice(0, 4));
  const zone = SYNTHETIC_ZONES[index % SYNTHETIC_ZONES.length]!;
  const slug = `chat-${index + 1}-${pick(WORDS)}-${pick(WORDS)}`;
  const ids = Array.from({ length: refs }, (_, r) => `${pick(FAMILY).toLowerCase().replace(/[^a-z]/g, "")}${year}p${index}r${r}`);

  // Two different tags: a tag written twice in one post is an error.
  const firstTag = pick(WORDS);
  const tags = [firstTag, pick(WORDS.filter((w) => w !== firstTag))];
  const lines = [
    "---",
    `title: ${quote(capitalise(sentence(pick, 4 + int(5))))}`,
    `date: ${isoDay(day - 2)}`,
    `author: ${quote(`${pick(GIVEN)} ${pick(FAMILY)}`)}`,
    `tags: [${tags.join(", ")}]`,
    `description: ${quote(capitalise(sentence(pick, 12)) + ".")}`,
    "chat:",
    `  start: ${chatDay}T${pad(18 + int(4))}:${pick(["00", "30"])}`,
    `  zone: ${zone}`,
    "topics:",
    ...Array.from({ length: 4 }, () => `  - ${quote(capitalise(sentence(pick, 10 + int(8))) + "?")}`),
    "references:",
    ...ids.flatMap((id, r) => referenceYaml(id, r + index, pick, int, year)),
    "---",
  ];
  // Paragraphs of ~70 words; the citations are spread over the first paragraphs.
  const paragraphs: string[] = [];
  let written = 0;
  for (let p = 0; written < words; p++) {
    const length = Math.min(60 + int(20), words - written);
    const text = capitalise(sentence(pick, length)) + ".";
    written += length;
    paragraphs.push(p < citations ? `${text} As ${citationMarkup(p, ids, int)} shows, ${sentence(pick, 5)}.` : text);
  }
  return { file: `content/posts/${chatDay}-${slug}.md`, text: `${lines.join("\n")}\n${paragraphs.join("\n\n")}\n` };
}

const SETTINGS = `title: Synthetic Chat
description: A generated site for benchmarks and for trying the live preview on a big site.
url: https://synthetic.example/
pathPrefix: /
language: en-US
author: Synthetic Chat team
chat:
  zone: America/New_York
  weekday: tuesday
  time: "20:30"
  duration: 60
  hashtag: "#synchat"
  platform: Bluesky
  url: https://bsky.app/hashtag/synchat
citations:
  style: apa
  locale: en-US
`;

const INDEX = `---
layout: base.njk
title: Chats
---
<h1>{{ site.title }}</h1>
<ol class="posts" role="list" reversed>
{%- for item in collections.posts %}
  <li><a href="{{ item.url }}">{{ item.data.post.title }}</a></li>
{%- endfor %}
</ol>
`;

/** Write a whole site (content/posts, settings, a home page) into `root`. */
export function writeSyntheticSite(root: string, options: SyntheticSiteOptions): SyntheticSite {
  mkdirSync(path.join(root, "content/posts"), { recursive: true });
  mkdirSync(path.join(root, "content/_data"), { recursive: true });
  writeFileSync(path.join(root, "content/_data/site.yaml"), SETTINGS);
  writeFileSync(path.join(root, "content/index.njk"), INDEX);
  const files: string[] = [];
  for (let i = 0; i < options.posts; i++) {
    const { file, text } = syntheticPost(i, options);
    writeFileSync(path.join(root, file), text);
    files.push(file);
  }
  return { root, files, referenceCount: options.posts * (options.references ?? 17) };
}
