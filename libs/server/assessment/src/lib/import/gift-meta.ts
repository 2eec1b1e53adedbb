/**
 * What GIFT carries around the questions: `$CATEGORY:` paths and the `[tag:…]` tokens
 * Moodle writes into comment lines.
 */

/** Moodle exports `$course$/top/A/B`; the bank stores the clean path `A/B`. */
export function cleanCategory(raw: string): string | undefined {
  const withoutContext = raw.trim().replace(/^\$[a-z0-9]+\$\/?/i, '');
  const segments = withoutContext
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (segments[0] === 'top') segments.shift();
  return segments.length > 0 ? segments.join('/') : undefined;
}

/** The `$CATEGORY:` line for a bank path, in the course context as Moodle writes it. */
export function categoryLine(category: string | undefined): string {
  const path = category === undefined ? '' : `/${category.replace(/\\/g, '\\\\')}`;
  return `$CATEGORY: $course$/top${path}`;
}

const TAG_TOKEN = /\[tag:((?:\\\]|[^\]])+)\]/g;

/** Moodle's `extract_idnumber_and_tags_from_comment`, tags only (the bank has no id number). */
export function tagsFromComments(comments: readonly string[]): string[] {
  const tags: string[] = [];
  for (const comment of comments) {
    for (const match of comment.matchAll(TAG_TOKEN)) {
      const tag = match[1].replace(/\\\]/g, ']').trim();
      if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    }
  }
  return tags;
}

export function tagsComment(tags: readonly string[]): string {
  return `// ${tags.map((t) => `[tag:${t.replace(/\]/g, '\\]')}]`).join(' ')}`;
}
