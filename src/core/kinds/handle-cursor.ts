// The resize cursor of a handle at the end of a segment: the one whose arrows run along the
// segment, so a trader sees a handle (resize) apart from a body (move).

/** Cursor along the segment a → b in pixels (y down): ew/ns within 22.5° of the axes, else a diagonal. */
export function segmentCursor(
  a: { readonly x: number; readonly y: number },
  b: { readonly x: number; readonly y: number },
): 'ew-resize' | 'ns-resize' | 'nwse-resize' | 'nesw-resize' {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const tan = Math.tan(Math.PI / 8);
  if (Math.abs(dy) <= Math.abs(dx) * tan) return 'ew-resize';
  if (Math.abs(dx) <= Math.abs(dy) * tan) return 'ns-resize';
  // Same signs run top-left → bottom-right on screen.
  return dx * dy > 0 ? 'nwse-resize' : 'nesw-resize';
}
