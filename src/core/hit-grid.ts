// A uniform grid of pixel boxes tagged with paint order, in one flat buffer: what the spatial index
// searches on every pointer move. An R-tree of objects is fast while warm but slow right after other
// work has evicted it from the caches (every node a pointer chase); here a cell is one contiguous run
// of records, read from its top (highest paint order) down, so a search that stops at the first body
// hit reads a few dozen of them. Boxes are stored as float32, rounded outwards, so the grid may name
// a record a hair too often, never too rarely: the exact test decides.

/** 32-bit slots per record: minX, minY, maxX, maxY as float32, then the order as int32. */
const STRIDE = 5;
const ORDER = 4;

/** Room a cell gets when an insert finds it full and moves it to the end of the buffer. */
const MIN_CAPACITY = 4;

const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);

/** The largest float32 at most v. */
function down(v: number): number {
  const f = Math.fround(v);
  if (f <= v) return f;
  if (f === 0) return -(2 ** -149);
  F32[0] = f;
  I32[0] += f > 0 ? -1 : 1;
  return F32[0];
}

/** The smallest float32 at least v. */
function up(v: number): number {
  return -down(-v);
}

/** Records (boxes with a paint order) in the cells they overlap, each cell sorted by order. */
export class HitGrid {
  private readonly cols: number;
  private readonly rows: number;
  private readonly perPx: number;
  private f32: Float32Array = new Float32Array(0);
  private i32: Int32Array = new Int32Array(0);
  /** Records in use in the buffer, cells' spare room included. */
  private used = 0;
  /** Per cell: index of its first record, its room and how many records it holds. */
  private readonly start: Int32Array;
  private readonly room: Int32Array;
  private readonly count: Int32Array;
  // The cell range of the last box given to `span`, inclusive.
  private x0 = 0;
  private x1 = -1;
  private y0 = 0;
  private y1 = -1;

  /**
   * An empty grid of `cellPx` cells over [0, width] × [0, height]; boxes and searches beyond those
   * edges fall into the border cells, so any box can be held and any point searched.
   */
  constructor(width: number, height: number, cellPx: number) {
    this.perPx = 1 / cellPx;
    this.cols = Math.max(1, Math.ceil(width * this.perPx));
    this.rows = Math.max(1, Math.ceil(height * this.perPx));
    const cells = this.cols * this.rows;
    this.start = new Int32Array(cells);
    this.room = new Int32Array(cells);
    this.count = new Int32Array(cells);
  }

  /**
   * First of the three steps of a bulk load (count every box, `allocate`, `place` every box in the
   * same order): counts a box into the cells it overlaps. The grid must be empty.
   */
  countBox(minX: number, minY: number, maxX: number, maxY: number): void {
    if (!this.span(minX, minY, maxX, maxY)) return;
    for (let y = this.y0; y <= this.y1; y++)
      for (let x = this.x0; x <= this.x1; x++) this.room[y * this.cols + x]!++;
  }

  /** Second step of a bulk load: sizes every cell for the boxes counted. */
  allocate(): void {
    let at = 0;
    for (let c = 0; c < this.room.length; c++) {
      this.start[c] = at;
      at += this.room[c]!;
    }
    this.used = at;
    this.resize(at);
  }

  /** Third step of a bulk load, and the way to add a box on top: appends it to each cell it overlaps. */
  place(minX: number, minY: number, maxX: number, maxY: number, order: number): void {
    if (!this.span(minX, minY, maxX, maxY)) return;
    for (let y = this.y0; y <= this.y1; y++)
      for (let x = this.x0; x <= this.x1; x++) {
        const c = y * this.cols + x;
        if (this.count[c] === this.room[c]) this.move(c);
        this.write((this.start[c]! + this.count[c]!++) * STRIDE, minX, minY, maxX, maxY, order);
      }
  }

  /** Adds a box after the records of lower or equal order in each cell it overlaps. */
  insert(minX: number, minY: number, maxX: number, maxY: number, order: number): void {
    if (!this.span(minX, minY, maxX, maxY)) return;
    for (let y = this.y0; y <= this.y1; y++)
      for (let x = this.x0; x <= this.x1; x++) {
        const c = y * this.cols + x;
        if (this.count[c] === this.room[c]) this.move(c);
        const first = this.start[c]!;
        const end = first + this.count[c]!;
        let lo = first;
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.i32[mid * STRIDE + ORDER]! <= order) lo = mid + 1;
          else hi = mid;
        }
        this.i32.copyWithin((lo + 1) * STRIDE, lo * STRIDE, end * STRIDE);
        this.write(lo * STRIDE, minX, minY, maxX, maxY, order);
        this.count[c]!++;
      }
  }

  /** Drops every record of `order` from the cells the box overlaps (a box it was added with). */
  remove(minX: number, minY: number, maxX: number, maxY: number, order: number): void {
    if (!this.span(minX, minY, maxX, maxY)) return;
    for (let y = this.y0; y <= this.y1; y++)
      for (let x = this.x0; x <= this.x1; x++) {
        const c = y * this.cols + x;
        const end = this.start[c]! + this.count[c]!;
        let from = this.start[c]!;
        while (from < end && this.i32[from * STRIDE + ORDER]! < order) from++;
        let to = from;
        while (to < end && this.i32[to * STRIDE + ORDER] === order) to++;
        this.i32.copyWithin(from * STRIDE, to * STRIDE, end * STRIDE);
        this.count[c]! -= to - from;
      }
  }

  /** Prepares `walk` to list the orders of the records whose box meets the box, highest first. */
  walkBox(walk: GridWalk, minX: number, minY: number, maxX: number, maxY: number): void {
    walk.reset(this.f32, this.i32, minX, minY, maxX, maxY, 0, 0, -1);
    this.addCells(walk, minX, minY, maxX, maxY);
  }

  /** Prepares `walk` to list the orders of the records within `radius` of (x, y), highest first. */
  walkNear(walk: GridWalk, x: number, y: number, radius: number): void {
    walk.reset(this.f32, this.i32, x - radius, y - radius, x + radius, y + radius, x, y, radius * radius);
    this.addCells(walk, x - radius, y - radius, x + radius, y + radius);
  }

  private addCells(walk: GridWalk, minX: number, minY: number, maxX: number, maxY: number): void {
    // A pointer nowhere (NaN) leaves the walk empty.
    if (!this.span(minX, minY, maxX, maxY)) return;
    for (let y = this.y0; y <= this.y1; y++)
      for (let x = this.x0; x <= this.x1; x++) {
        const c = y * this.cols + x;
        if (this.count[c]! > 0) walk.add(this.start[c]!, this.count[c]!);
      }
  }

  private write(at: number, minX: number, minY: number, maxX: number, maxY: number, order: number): void {
    this.f32[at] = down(minX);
    this.f32[at + 1] = down(minY);
    this.f32[at + 2] = up(maxX);
    this.f32[at + 3] = up(maxY);
    this.i32[at + ORDER] = order;
  }

  /** Moves a full cell to the end of the buffer with twice the room. */
  private move(c: number): void {
    const room = Math.max(MIN_CAPACITY, this.room[c]! * 2);
    if ((this.used + room) * STRIDE > this.i32.length) this.resize(Math.max(this.used + room, this.used * 2));
    const from = this.start[c]!;
    this.i32.copyWithin(this.used * STRIDE, from * STRIDE, (from + this.count[c]!) * STRIDE);
    this.start[c] = this.used;
    this.room[c] = room;
    this.used += room;
  }

  private resize(records: number): void {
    const i32 = new Int32Array(records * STRIDE);
    i32.set(this.i32.subarray(0, Math.min(this.i32.length, i32.length)));
    this.i32 = i32;
    this.f32 = new Float32Array(i32.buffer);
  }

  /** Sets the cell range of the box; false for a box the viewport could not place (NaN), which holds no point. */
  private span(minX: number, minY: number, maxX: number, maxY: number): boolean {
    // Each on its own: a sum would turn −∞ + ∞ (a line across everything) into NaN.
    if (Number.isNaN(minX) || Number.isNaN(minY) || Number.isNaN(maxX) || Number.isNaN(maxY)) return false;
    this.x0 = this.cellOf(minX, this.cols);
    this.x1 = this.cellOf(maxX, this.cols);
    this.y0 = this.cellOf(minY, this.rows);
    this.y1 = this.cellOf(maxY, this.rows);
    return true;
  }

  /** Column (or row) of a coordinate, clamped to the grid, so ±Infinity lands in a border cell. */
  private cellOf(v: number, n: number): number {
    const i = Math.floor(v * this.perPx);
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }
}

/**
 * The orders of the records in a few cells whose box meets a query box, highest first, each order
 * once: the cells' runs merged from their tops. Near a point (walkNear), a record counts when its box
 * lies within the radius of the point. Reused from move to move, so a search allocates nothing.
 */
export class GridWalk {
  private f32: Float32Array = new Float32Array(0);
  private i32: Int32Array = new Int32Array(0);
  /** Per added cell: the record to read next, walking down, and the cell's first record. */
  private next = new Int32Array(8);
  private first = new Int32Array(8);
  private size = 0;
  private last = -1;
  private minX = 0;
  private minY = 0;
  private maxX = 0;
  private maxY = 0;
  private cx = 0;
  private cy = 0;
  private r2 = -1;

  /** @internal */
  reset(
    f32: Float32Array,
    i32: Int32Array,
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
    cx: number,
    cy: number,
    r2: number,
  ): void {
    this.f32 = f32;
    this.i32 = i32;
    this.size = 0;
    this.last = -1;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.cx = cx;
    this.cy = cy;
    this.r2 = r2;
  }

  /** @internal */
  add(start: number, count: number): void {
    if (this.size === this.next.length) {
      const next = new Int32Array(this.size * 2);
      const first = new Int32Array(this.size * 2);
      next.set(this.next);
      first.set(this.first);
      this.next = next;
      this.first = first;
    }
    this.first[this.size] = start;
    this.next[this.size++] = start + count - 1;
  }

  /** The next order down that meets the query, or -1 when there is none. */
  nextOrder(): number {
    const { f32, i32, next, first } = this;
    for (;;) {
      // The cell whose next record has the highest order; a pointer's box covers 1–4 cells.
      let k = -1;
      let top = -1;
      for (let i = 0; i < this.size; i++) {
        const j = next[i]!;
        if (j < first[i]!) continue;
        const order = i32[j * STRIDE + ORDER]!;
        if (order > top) {
          top = order;
          k = i;
        }
      }
      if (k < 0) return -1;
      const r = next[k]!-- * STRIDE;
      if (top === this.last) continue;
      const minX = f32[r]!;
      const minY = f32[r + 1]!;
      const maxX = f32[r + 2]!;
      const maxY = f32[r + 3]!;
      if (this.r2 >= 0) {
        const dx = Math.max(minX - this.cx, 0, this.cx - maxX);
        const dy = Math.max(minY - this.cy, 0, this.cy - maxY);
        if (dx * dx + dy * dy > this.r2) continue;
      } else if (minX > this.maxX || maxX < this.minX || minY > this.maxY || maxY < this.minY) {
        continue;
      }
      this.last = top;
      return top;
    }
  }
}
