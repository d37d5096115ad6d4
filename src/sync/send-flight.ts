// One frozen request over the API client, and its answer reduced to what the outbox needs.
import type { ApiClient } from './api-client';
import type { InFlight } from './outbox';
import type { FlightAnswer } from './outbox-record';

/** Sends a frozen Create, append or PATCH; rejects with the client's ApiError. */
export async function sendFlight(
  client: ApiClient,
  communityId: string,
  channelId: string,
  flight: InFlight,
  analysisId: string | null,
): Promise<FlightAnswer> {
  if (flight.op === 'create') {
    const r = await client.create(communityId, channelId, flight.body);
    return { op: 'create', detail: r.data, replayed: r.replayed };
  }
  if (analysisId === null) throw new Error('sync: an append or PATCH needs an analysis id');
  if (flight.op === 'append') {
    const r = await client.append(analysisId, flight.body);
    return { op: 'append', version: r.data.version, replayed: r.replayed };
  }
  const r = await client.update(analysisId, flight.body, { ifMatch: flight.ifMatch });
  return { op: 'patch', version: r.data.version ?? r.version ?? flight.ifMatch + 1, replayed: r.replayed };
}
