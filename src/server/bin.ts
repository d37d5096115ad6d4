// The package's `chartmark` bin (`npx chartmark serve`): the CLI of cli.ts, after checking that the
// server's optional peers are installed, so a missing one gets a one-line fix instead of a
// module-resolution stack trace.
import { missingPeers, missingPeersMessage } from './peers';

const missing = missingPeers(import.meta.url);
if (missing.length > 0) {
  process.stderr.write(`${missingPeersMessage(missing)}\n`);
  process.exitCode = 1;
} else {
  await import('./cli');
}
