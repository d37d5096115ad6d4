// Runs flow.ts against the server named by FLOW_TARGET (JSON of a FlowTarget); run.mjs calls it.
import { type FlowTarget, runFlow } from './flow';

function targetOf(text: string): FlowTarget {
  const t: unknown = JSON.parse(text);
  const field = (name: string): string => {
    const v: unknown = typeof t === 'object' && t !== null ? Reflect.get(t, name) : undefined;
    if (typeof v !== 'string') throw new Error(`FLOW_TARGET.${name}: expected a string`);
    return v;
  };
  return {
    baseUrl: field('baseUrl'),
    apiKey: field('apiKey'),
    communityId: field('communityId'),
    channelId: field('channelId'),
  };
}

for (const step of await runFlow(targetOf(process.env.FLOW_TARGET ?? '{}'))) console.log(`  ${step}`);
