// Links (spec §3.11): one per `[[key:text]]` reference in text order, remapped to persisted ids.
import { LEVEL_NAMES } from '../../core/analysis';
import { parseReferences } from '../../core/references';
import { REFERENCE_FIELDS } from '../../core/wire/fields';
import type { Link } from '../../schema/responses';
import type { WireDocument } from './document';

/** A reference whose key names nothing in the analysis. */
export interface DanglingReference {
  readonly field: (typeof REFERENCE_FIELDS)[number];
  readonly key: string;
}

/** The links of a document and the references that resolve to nothing. */
export function deriveLinks(doc: WireDocument): { links: Link[]; dangling: DanglingReference[] } {
  const targets = new Map<string, { targetType: Link['targetType']; targetId: string }>();
  // Drawings win over levels, as in core's resolveReferences (ids are unique across both anyway).
  for (const name of LEVEL_NAMES) {
    const level = doc.levels[name];
    if (level) targets.set(level.clientObjectId, { targetType: 'LEVEL', targetId: level.id });
  }
  for (const d of doc.drawings) targets.set(d.clientObjectId, { targetType: 'DRAWING', targetId: d.id });
  const links: Link[] = [];
  const dangling: DanglingReference[] = [];
  for (const field of REFERENCE_FIELDS) {
    const text = doc.metadata[field];
    if (typeof text !== 'string') continue;
    for (const token of parseReferences(text)) {
      if (token.type !== 'ref') continue;
      const target = targets.get(token.key);
      if (target) links.push({ field, key: token.key, text: token.label, ...target });
      else dangling.push({ field, key: token.key });
    }
  }
  return { links, dangling };
}
