import type { ProjectionDefinition } from '@trilha/projection';
import { customerDetailProjection } from './customer-detail';

/** Every read model the projector runs. */
export const ALL_PROJECTIONS: ProjectionDefinition[] = [customerDetailProjection];
