import { Controller, Get } from '@nestjs/common';
import { Public } from '../../../apps/api/src/platform';

/** A controller public as a whole. */
@Public()
@Controller('open')
export class OpenController {
  @Get()
  hello() {
    return { hello: 'world' };
  }
}
