import { Global, Module } from '@nestjs/common';
import { ACCESS_POLICY } from '../platform/auth/access-policy';
import { MatrixAccessPolicy } from './matrix-access-policy';
import { Portfolio } from './portfolio';
import { PortfolioReadModel } from './portfolio-read-model';

/**
 * The app's authorization: the role × route matrix and the broker's portfolio, enforced by the
 * platform's AccessGuard through ACCESS_POLICY; PortfolioReadModel for the queries that list customers.
 */
@Global()
@Module({
  providers: [Portfolio, PortfolioReadModel, MatrixAccessPolicy, { provide: ACCESS_POLICY, useExisting: MatrixAccessPolicy }],
  exports: [ACCESS_POLICY, Portfolio, PortfolioReadModel],
})
export class AuthorizationModule {}
