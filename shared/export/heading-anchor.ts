// GitHub-style heading anchors, computed here so the table of contents can link to sections.
// Same algorithm as github-slugger (GitHub, GitLab, VS Code preview, markdown-it-anchor, pandoc's
// gfm_auto_identifiers): lower-case, drop everything but letters, marks, numbers, `_`, `-` and
// spaces, spaces to hyphens; repeats get `-1`, `-2`… counted over every heading of the page.

const NOT_SLUG_CHAR = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

/** GitHub's anchor for a heading whose rendered text is `text` (before de-duplication). */
export function slugifyHeading(text: string): string {
  return text.toLowerCase().replace(NOT_SLUG_CHAR, '').replace(/ /g, '-');
}

export interface AnchorSlugger {
  /** Anchor of the next heading, unique within the document; call once per heading, in document order. */
  slug(text: string): string;
}

/** Creates a slugger that de-duplicates anchors the way GitHub does. */
export function createAnchorSlugger(): AnchorSlugger {
  const occurrences = new Map<string, number>();
  return {
    slug(text: string): string {
      const original = slugifyHeading(text);
      let result = original;
      while (occurrences.has(result)) {
        const count = (occurrences.get(original) ?? 0) + 1;
        occurrences.set(original, count);
        result = `${original}-${count}`;
      }
      occurrences.set(result, 0);
      return result;
    },
  };
}
