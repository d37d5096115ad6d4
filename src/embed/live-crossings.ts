// Crossings of live bars (updateCandle) for the editor: a chunk of its own, loaded once the chart
// is up; mount-editor.ts replays the bars that came before it.
export { createLiveCrossings, crossingText } from '../view/index';
