// Embed in 10 lines (a bundler app): the editor with its toolbar, style panel, analysis form
// and save status, loading and saving one analysis with a token from your own server.
import { mountAnalysisEditor, type OhlcBar } from 'chartmark';

export function embedEditor(container: HTMLElement, candles: OhlcBar[], analysisId: string) {
  return mountAnalysisEditor(container, {
    candles, // lightweight-charts bars: { time (UTC seconds), open, high, low, close }
    api: {
      baseUrl: 'https://api.returning.ai',
      token: () => fetch('/chartmark/token').then((r) => r.text()),
    },
    sender: 'trader@example.com', // the user your server issued the token for
    analysisId, // or channel: { communityId, channelId } to start a new analysis there
  });
}
