import type { ProjectionDefinition } from '@trilha/projection';
import { calendarProjection } from './calendar';
import { auditChangesProjection } from './audit-changes';
import { customerDetailProjection } from './customer-detail';
import { customerNotesProjection } from './customer-notes';
import { customerContactsProjection } from './customer-contacts';
import { journeyProgressProjection } from './journey-progress';
import { leadStatusSchedulesProjection } from './lead-status-schedules';
import { messageTemplatesProjection } from './message-templates';
import { walletBoardProjection } from './wallet-board';
import { timelineProjection } from './timeline';

/** Every read model the projector runs. */
export const ALL_PROJECTIONS: ProjectionDefinition[] = [customerDetailProjection, walletBoardProjection, calendarProjection, auditChangesProjection, timelineProjection, journeyProgressProjection, leadStatusSchedulesProjection, customerNotesProjection, customerContactsProjection, messageTemplatesProjection];
