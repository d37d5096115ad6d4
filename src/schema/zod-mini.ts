// The zod every schema file builds with: zod/mini (the classic API costs 22 kB gzip before any
// schema of ours; the package's schema budget is 25 kB), with zod's English messages as the
// classic API has them by default — our issue messages and the error envelope's text rely on them.
// Configured here, in the module that hands `z` out, so that no bundler can drop the set-up while
// keeping a schema (a bare side-effect import could be dropped under package.json `sideEffects`).
import { en } from 'zod/locales';
import { z } from 'zod/mini';

z.config(en());

export { z };
