// Request bodies the server benches send: LINE drawings with two points an hour apart on a
// 2026 H1 chart, a Create Analysis body holding n of them (~214 bytes per drawing), and an
// Append Drawings body with one.

/** The community and channel the server benches write to (ObjectId-shaped, as the routes require). */
export const BENCH_COMMUNITY = '6502c9e514a3e564c5c09c0a';
export const BENCH_CHANNEL = '6502c9e514a3e564c5c09c0b';

/** One LINE drawing of the wire format, its times and prices spread by `i`. */
export const benchLine = (clientObjectId: string, i: number) => ({
  type: 'LINE',
  clientObjectId,
  points: [
    { time: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(), price: 1.3 + (i % 50) / 1000 },
    {
      time: new Date(Date.UTC(2026, 0, 1) + (i + 5) * 3_600_000).toISOString(),
      price: 1.31 + (i % 40) / 1000,
    },
  ],
  style: { color: '#2962FF', lineWidth: 2, lineStyle: 'SOLID' },
});

/** A CreateAnalysisRequest body with `drawings` LINE drawings `d_0`, `d_1`, …. */
export const createAnalysisBody = (drawings: number, title = 'Bench analysis') =>
  JSON.stringify({
    sender: 'bench@example.com',
    metadata: {
      direction: 'BULLISH',
      entryPlacement: 'BELOW_CURRENT',
      title,
      timeframe: 'H1',
      symbol: 'GBP/USD',
    },
    drawings: Array.from({ length: drawings }, (_, i) => benchLine(`d_${i}`, i)),
  });

let appendSeq = 0;
/** An AppendDrawingsRequest body with one LINE drawing, a new clientObjectId (`a_0`, `a_1`, …) each call. */
export const appendBody = () =>
  JSON.stringify({ sender: 'bench@example.com', drawings: [benchLine(`a_${appendSeq++}`, appendSeq)] });
