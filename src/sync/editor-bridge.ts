// Puts a wire document into the editor: as a load (history cleared) when an analysis is opened,
// or through applyRemote (outside undo) when a rebase brings in the server's changes. Objects the
// editor already holds are kept where they say the same, so only real changes are announced.
import type { Draft } from 'immer';
import { LEVEL_NAMES, type Level, type LevelName } from '../core/analysis';
import type { Drawing as DomainDrawing } from '../core/drawing';
import type { Editor } from '../editor/editor-api';
import { levelFromWire, levelToWire, metadataFromWire, metadataToWire } from '../core/wire/analysis';
import { drawingFromWire, drawingToWire } from '../core/wire/drawing';
import { canonical, type DomainDoc, type SyncDoc } from './sync-doc';

function pickDrawing(
  wire: SyncDoc['drawings'][number],
  candidates: (DomainDrawing | undefined)[],
): DomainDrawing {
  const want = canonical(wire);
  for (const c of candidates) {
    if (c && canonical(drawingToWire({ ...c, persistedId: undefined })) === want) return c;
  }
  return drawingFromWire(wire);
}

function pickLevel(
  wire: NonNullable<SyncDoc['levels'][LevelName]>,
  candidates: (Level | undefined)[],
): Level {
  const want = canonical(wire);
  for (const c of candidates) {
    if (c && canonical(levelToWire({ ...c, persistedId: undefined })) === want) return c;
  }
  return levelFromWire(wire);
}

/** Makes the editor's document equal `doc`; `preferred` (e.g. the server's, with persisted ids) is reused first. */
export function applyDocToEditor(
  editor: Editor,
  doc: SyncDoc,
  preferred: DomainDoc | null,
  load = false,
): void {
  const state = editor.getState();
  // Stryker disable next-line ArrayDeclaration: a stand-in entry's key is undefined, and clientObjectId (required on the wire) never looks that up
  const prefById = new Map((preferred?.drawings ?? []).map((d) => [d.id, d]));
  const drawings = doc.drawings.map((w) =>
    pickDrawing(w, [prefById.get(w.clientObjectId), state.byId[w.clientObjectId]]),
  );
  const levels: { -readonly [N in LevelName]?: Level } = {};
  for (const name of LEVEL_NAMES) {
    const w = doc.levels[name];
    if (w) levels[name] = pickLevel(w, [preferred?.levels[name], state.levels[name]]);
  }
  const sameMetadata = canonical(metadataToWire(state.metadata)) === canonical(doc.metadata);
  const metadata = sameMetadata ? state.metadata : metadataFromWire(doc.metadata);
  if (load) {
    editor.load({ drawings, levels, metadata });
    return;
  }
  editor.applyRemote((draft) => {
    const sameDrawings =
      drawings.length === state.drawings.length && drawings.every((d, i) => d === state.drawings[i]);
    if (!sameDrawings) draft.drawings = drawings as Draft<DomainDrawing>[];
    for (const name of LEVEL_NAMES) {
      // Stryker disable next-line ConditionalExpression: without the skip immer ignores writing the same level or deleting an absent one; the skip only saves work
      if (levels[name] === state.levels[name]) continue;
      const level = levels[name];
      if (level) draft.levels[name] = level as Draft<Level>;
      else delete draft.levels[name];
    }
    // Stryker disable next-line ConditionalExpression: when equal, metadata is state.metadata itself, and immer ignores writing the value already there
    if (!sameMetadata) draft.metadata = metadata as Draft<typeof metadata>;
  });
}
