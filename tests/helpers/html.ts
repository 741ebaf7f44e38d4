// Parse built HTML into a DOM for assertions (linkedom: a small, well-kept DOM).
import { parseHTML } from "linkedom";

export function dom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Text content with whitespace collapsed. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}
