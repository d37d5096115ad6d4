// The channel's record beside the feed: per sender, ideas closed, hit rate and average R of the
// analyses shown, evaluated on the demo candles with chartmark/core's summariseOutcomes.
import { type Candle as CoreCandle, summariseOutcomes } from 'chartmark/core';
import type { AnalysisDetailWire } from 'chartmark/svg';

function cell(tag: 'td' | 'th', text: string): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  return c;
}

/** Fills `aside` with the summary table of `analyses` (GBP/USD on `candles`; other symbols are counted as without candles). */
export function renderOutcomes(
  aside: HTMLElement,
  analyses: readonly AnalysisDetailWire[],
  candles: readonly CoreCandle[],
  now: number,
): void {
  const senders = summariseOutcomes(analyses, { 'GBP/USD': candles }, now);
  const table = document.createElement('table');
  table.className = 'outcomes-table';
  const head = document.createElement('tr');
  for (const h of ['Sender', 'Closed', 'Hit rate', 'Avg R']) head.append(cell('th', h));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const s of senders) {
    const row = document.createElement('tr');
    row.append(
      cell('td', s.sender),
      cell('td', String(s.closed)),
      cell('td', s.hitRate === null ? '–' : `${Math.round(s.hitRate * 100)} %`),
      cell('td', s.averageR === null ? '–' : s.averageR.toFixed(2)),
    );
    body.append(row);
  }
  const title = document.createElement('h2');
  title.textContent = 'Outcomes';
  const note = document.createElement('p');
  note.className = 'outcomes-note';
  note.textContent = 'Analyses on this page, against the demo GBP/USD H1 candles.';
  aside.replaceChildren(title, table, note);
}
