// Property tests run with one fixed seed so that CI is reproducible; set FC_SEED to explore
// other seeds locally (a failure prints the seed and path to replay it).
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20261127);
// FC_NUM_RUNS lowers the cases per property where each run is costly (per mutant in Stryker).
const numRuns = process.env.FC_NUM_RUNS === undefined ? {} : { numRuns: Number(process.env.FC_NUM_RUNS) };
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed, ...numRuns });
