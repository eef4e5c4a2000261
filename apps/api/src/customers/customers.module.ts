import { Module } from '@nestjs/common';
import { CustomersController } from './customers.controller';
import { EditCustomerDataHandler } from './edit-customer-data.handler';
import { GetCustomerHandler } from './get-customer.query';
import { RegisterCustomerHandler } from './register-customer.handler';

@Module({
  controllers: [CustomersController],
  providers: [RegisterCustomerHandler, EditCustomerDataHandler, GetCustomerHandler],
})
export class CustomersModule {}
