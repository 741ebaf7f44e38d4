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
 * Slugs for a set of tags, one per distinct tag. Tags that have no readable slug (`🩺`)
 * get a short hash of the tag, so the address depends only on the tag. Tags whose readable
 * slugs collide (`Nursing` and `nursing`, `C++` and `C#`) are an error of the posts
 * (lib/cross-file-checks.ts); the hash given to them here keeps every tag its own page
 * while they are fixed (under `npm start`), at the cost of the readable address.
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
