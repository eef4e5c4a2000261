import { journeyDecider, journeyStreamId, type JourneyOutline } from '@trilha/domain';
import type { AggregateReader } from '../commands/aggregate-reader';

/** The journey's steps, or undefined when no such journey was defined. */
export async function readJourneyOutline(reader: AggregateReader, journeyId: string): Promise<JourneyOutline | undefined> {
  const journey = await reader.state(journeyStreamId(journeyId), journeyDecider);
  return journey.exists ? { journeyId, steps: journey.steps } : undefined;
}
