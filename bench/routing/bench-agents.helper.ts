// The technician accounts of the contact-offers benchmark, shared by its two ways of running an
// instance (in the bench's own process, or as contact-offers.server.ts in a child): the same names
// and addresses either way, so the figures compare.
import { AccountService } from '@switchboard/core';
import type { TestApp } from '@switchboard/testing';

/** `count` technicians, "Agent 0" (bench.agent.0@cc.example) onwards, created one after the other; their ids. */
export async function createBenchAgents(app: TestApp, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      (
        await app.get(AccountService).create({
          name: `Agent ${i}`,
          email: `bench.agent.${i}@cc.example`,
          password: 'Correct-Horse-9-Battery',
          role: 'technician',
        })
      ).id,
    );
  return ids;
}
