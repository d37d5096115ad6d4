// Text rules of spec §1.5: well-formed Unicode, no C0 controls but tab and newline, no
// bidirectional overrides. One character-class regex (no backtracking) plus isWellFormed.
import type { z } from './zod-mini';
import { pushIssue } from './issues';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN = /[\0-\x08\x0B-\x1F\u202A-\u202E\u2066-\u2069]/;

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Describes the first forbidden character of `text`, or returns null when the text is clean. */
export function findForbiddenCharacter(text: string): string | null {
  const match = FORBIDDEN.exec(text);
  if (match)
    return `contains forbidden character ${hex(text.charCodeAt(match.index))} at index ${match.index}`;
  if (!text.isWellFormed()) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) return `contains lone surrogate ${hex(c)} at index ${i}`;
    }
  }
  return null;
}

/** A zod check: issue `forbidden_character` on text that breaks the rules above. */
export function noForbiddenCharacters(payload: z.core.ParsePayload<string>): void {
  const problem = findForbiddenCharacter(payload.value);
  if (problem !== null) pushIssue(payload, 'forbidden_character', problem);
}
