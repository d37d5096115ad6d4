// Type-checked (tsc, NodeNext resolution, @types/node) against the package's declarations only:
// the server entry point as a Node app uses it, with the schema it validates bodies with.
import { type AppDeps, createApp, openSqliteStorage } from 'chartmark/server';
import { CreateAnalysisRequest } from 'chartmark/schema';

export function app(deps: AppDeps): ReturnType<typeof createApp> {
  return createApp(deps);
}
export const storage: typeof openSqliteStorage = openSqliteStorage;
export const isCreate = (body: unknown): boolean => CreateAnalysisRequest.safeParse(body).success;
