// Property tests run with one fixed seed so that CI is reproducible; set FC_SEED to explore
// other seeds locally (a failure prints the seed and path to replay it).
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20261127);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
