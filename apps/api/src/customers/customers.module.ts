import { Module } from '@nestjs/common';
import { AddCommentHandler } from './add-comment.handler';
import { AddNoteHandler } from './add-note.handler';
import { ChangeRatingHandler } from './change-rating.handler';
import { CustomerNotesController } from './customer-notes.controller';
import { CustomerPortfolioController } from './customer-portfolio.controller';
import { PORTFOLIO_EXCEPTION_HANDLERS } from './portfolio-exception-handlers';
import { CustomerRatingController } from './customer-rating.controller';
import { GetCustomerNotesHandler } from './get-customer-notes.query';
import { ApplyScheduledLeadStatusChangeHandler } from './apply-scheduled-lead-status-change.handler';
import { CancelScheduledLeadStatusChangeHandler } from './cancel-scheduled-lead-status-change.handler';
import { ChangeLeadStatusHandler } from './change-lead-status.handler';
import { CustomerLeadStatusController } from './customer-lead-status.controller';
import { ScheduleLeadStatusChangeHandler } from './schedule-lead-status-change.handler';
import { CustomerErasureController } from './customer-erasure.controller';
import { DeleteCustomerHandler } from './customer-erasure.handler';
import { ChangeMomentHandler } from './change-moment.handler';
import { ChangeObjectiveHandler } from './change-objective.handler';
import { ChangeProductOfInterestHandler } from './change-product-of-interest.handler';
import { ChangeTemperatureHandler } from './change-temperature.handler';
import { CustomerChangesController } from './customer-changes.controller';
import { CustomerEngagementController } from './customer-engagement.controller';
import { CustomerProposalsController } from './customer-proposals.controller';
import { CustomerStatusController } from './customer-status.controller';
import { CustomersController } from './customers.controller';
import { EditCustomerDataHandler } from './edit-customer-data.handler';
import { GetCustomerChangesHandler } from './get-customer-changes.query';
import { GetCustomerHandler } from './get-customer.query';
import { InformDisinterestHandler } from './inform-disinterest.handler';
import { MarkProposalAsSaleHandler } from './mark-proposal-as-sale.handler';
import { RegisterCustomerHandler } from './register-customer.handler';
import { RegisterProposalHandler } from './register-proposal.handler';
import { RevertTemperatureHandler } from './revert-temperature.handler';

@Module({
  controllers: [CustomersController, CustomerStatusController, CustomerProposalsController, CustomerEngagementController, CustomerChangesController, CustomerErasureController, CustomerLeadStatusController, CustomerRatingController, CustomerNotesController, CustomerPortfolioController],
  providers: [
    RegisterCustomerHandler,
    EditCustomerDataHandler,
    ChangeTemperatureHandler,
    RevertTemperatureHandler,
    ChangeObjectiveHandler,
    ChangeMomentHandler,
    ChangeProductOfInterestHandler,
    RegisterProposalHandler,
    MarkProposalAsSaleHandler,
    InformDisinterestHandler,
    AddCommentHandler,
    DeleteCustomerHandler,
    GetCustomerHandler,
    GetCustomerChangesHandler,
    ChangeLeadStatusHandler,
    ScheduleLeadStatusChangeHandler,
    CancelScheduledLeadStatusChangeHandler,
    ApplyScheduledLeadStatusChangeHandler,
    ChangeRatingHandler,
    AddNoteHandler,
    GetCustomerNotesHandler,
    ...PORTFOLIO_EXCEPTION_HANDLERS,
  ],
})
export class CustomersModule {}
