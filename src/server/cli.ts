// Entry point of `npm run chartmark -- <command>`; see cli/args.ts for the commands.
import { runCli } from './cli/run';

const code = await runCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
