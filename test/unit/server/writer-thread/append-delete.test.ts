// append-delete.test.ts again, with the server's writer thread committing the API's writes (the harness
// on a SQLite file, see harnessWithWriterThread): its outcome depends on how writes commit.
import { harnessWithWriterThread } from '../harness';

harnessWithWriterThread();
await import('../append-delete.test');
