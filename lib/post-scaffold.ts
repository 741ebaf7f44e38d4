// The file `npm run new` writes: a post for the next weekly slot, with valid front
// matter and the parts a writer fills in commented out, so it validates as it is. Its
// example texts are lib/unfinished-post.ts's, which refuses them in a published post.
import { baseSlug } from "./slug.ts";
import { SCAFFOLD_TEXTS as T } from "./unfinished-post.ts";
import type { SlotOccurrence } from "./weekly-slot.ts";

/**
 * "Listening to Patients: Part 2" → "listening-to-patients-part-2": a tag's slug rule, kept to
 * 60 characters for a file name, cut after a whole word where one ends past the first 20.
 */
export function slugFromTitle(title: string): string {
  const slug = baseSlug(title);
  if (slug.length <= 60) return slug;
  const wordEnd = slug.slice(0, 61).lastIndexOf("-");
  return slug.slice(0, wordEnd > 20 ? wordEnd : 60).replace(/-+$/, "");
}

export interface ScaffoldInput {
  title: string;
  /** The file name's part after the date, and so the post's address; default: slugFromTitle(title). */
  slug?: string;
  /** Publish date, YYYY-MM-DD (today: the announcement goes out with the next build once the draft flag is removed). */
  publishDate: string;
  slot: SlotOccurrence;
  zone: string;
}

/** Path (from the project root) and text of the new post. The file is named after the chat's local date. */
export function scaffoldPost({ title, slug = slugFromTitle(title) || "chat", publishDate, slot, zone }: ScaffoldInput): { file: string; text: string } {
  // JSON strings are valid YAML double-quoted strings: any title is safe.
  const text = `---
title: ${JSON.stringify(title)}
date: ${publishDate}  # publish date
draft: true  # remove this line when the post is ready
# description: ${T.description}
chat:
  start: ${slot.start}  # local time in ${zone}; the zone, length, hashtag and platform come from the site settings
# topics:  # the chat's questions (T1, T2, …): remove the # on these lines and write them
#   - ${T.topics[0]}
#   - ${T.topics[1]}
# references:  # the reading list; see the README, section "References"
#   - id: ${T.referenceId}
#     type: webpage
#     title: ${T.referenceTitle}
#     URL: ${T.referenceUrl}
---
${T.body}
`;
  return { file: `content/posts/${slot.date}-${slug}.md`, text };
}
