import { TEXT_FORMATS, type TextFormat } from '@siantar/contracts';

/**
 * Text-level GIFT rules: escapes, `[format]` prefixes and question names.
 *
 * Moodle swaps escaped control characters for placeholders before it splits a question
 * (so `\=` never starts an answer) and swaps them back in each finished piece of text.
 * We do the same with private-use code points instead of Moodle's `&&061;` strings.
 */
const ESCAPABLE = ':#={}~';
const PLACEHOLDER_BASE = 0xe000;
const NEWLINE_PLACEHOLDER = '\ue010';
const PLACEHOLDERS = /[\ue000-\ue005\ue010]/g;

/** Replaces `\\`, `\:` `\#` `\=` `\{` `\}` `\~` and `\n` so the structure can be split safely. */
export function protectEscapes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch !== '\\' || next === undefined) {
      out += ch;
    } else if (next === '\\') {
      // Moodle turns `\\` into one literal backslash that escapes nothing.
      out += '\\';
      i++;
    } else if (ESCAPABLE.includes(next)) {
      out += String.fromCharCode(PLACEHOLDER_BASE + ESCAPABLE.indexOf(next));
      i++;
    } else if (next === 'n') {
      out += NEWLINE_PLACEHOLDER;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Turns placeholders back into the characters they stand for. */
export function restoreEscapes(text: string): string {
  return text.replace(PLACEHOLDERS, (p) =>
    p === NEWLINE_PLACEHOLDER ? '\n' : ESCAPABLE[p.charCodeAt(0) - PLACEHOLDER_BASE],
  );
}

/** The writer's side of the escapes (Moodle's `repchar`): newlines become `\n`. */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[:#={}~]/g, (c) => `\\${c}`)
    .replace(/\r/g, '')
    .replace(/\n/g, '\\n');
}

export function isTextFormat(value: string): value is TextFormat {
  return (TEXT_FORMATS as readonly string[]).includes(value);
}

/**
 * Moodle's `parse_text_with_format`: a leading `[html]`, `[markdown]`, `[plain]` or
 * `[moodle]` sets the format; anything else in brackets stays part of the text.
 */
export function splitFormat(
  raw: string,
  fallback: TextFormat,
): { text: string; format: TextFormat } {
  const trimmed = raw.trim();
  const match = /^\[([^\]]*)\]/.exec(trimmed);
  if (match && isTextFormat(match[1])) {
    return { text: restoreEscapes(trimmed.slice(match[0].length)).trim(), format: match[1] };
  }
  return { text: restoreEscapes(trimmed).trim(), format: fallback };
}

/** Plain text of a piece whose own format our model cannot keep (answers, feedback). */
export function plainPiece(raw: string): string {
  return splitFormat(raw, 'moodle').text;
}

/**
 * Writes a piece of text so `splitFormat` reads it back unchanged: a text that itself
 * starts with `[` gets an explicit format prefix, which the reader strips.
 */
export function writePiece(text: string, format: TextFormat): string {
  return (text.startsWith('[') ? `[${format}]` : '') + escapeGift(text);
}

const TAG = /<\/?[a-zA-Z][^>]*>/g;
const NAME_MAX = 255;
const DEFAULT_NAME_LENGTH = 80;
export const FALLBACK_NAME = 'Soal tanpa nama';

/** Moodle's `clean_question_name`: no tags, trimmed, at most 255 characters. */
export function cleanName(raw: string): string {
  const name = raw.replace(TAG, '').replace(/\s+/g, ' ').trim();
  return name.length > NAME_MAX ? shorten(name, NAME_MAX) : name;
}

/** Moodle names an untitled question by the first 80 characters of its text (`shorten_text`). */
export function defaultName(text: string): string {
  const plain = cleanName(text);
  return plain === '' ? FALLBACK_NAME : shorten(plain, DEFAULT_NAME_LENGTH);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const ending = '...';
  const cut = text.slice(0, max - ending.length);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut).trimEnd() + ending;
}
