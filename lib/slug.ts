// Web-address-safe slugs for tags. A tag may hold any characters (`C++`, `<i>tag</i>`,
// `santé`); its slug is lowercase ASCII letters, digits and dashes only.
import { createHash } from "node:crypto";

/** The readable part of a tag's slug: accents dropped, every other run of characters a dash. */
export function baseSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 6);
}

/**
 * Slugs for a set of tags, one per distinct tag. Tags whose readable slugs would
 * collide (`C++` and `C#`), or that have none (`🩺`), get a short hash of the tag
 * appended, so every tag has its own page and the address depends only on the tag.
 */
export function tagSlugs(tags: Iterable<string>): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const tag of new Set(tags)) {
    const base = baseSlug(tag);
    byBase.set(base, [...(byBase.get(base) ?? []), tag]);
  }
  const slugs = new Map<string, string>();
  for (const [base, group] of byBase) {
    for (const tag of group) {
      const unique = group.length === 1 && base !== "";
      slugs.set(tag, unique ? base : [base, shortHash(tag)].filter(Boolean).join("-"));
    }
  }
  return slugs;
}
