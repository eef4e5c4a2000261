import type { CommandContext } from '../commands/command-context';
import type { ChangeMarkerDto, CreateMarkerDto } from './marker.dto';

export class CreateMarkerCommand {
  constructor(readonly body: CreateMarkerDto, readonly context: CommandContext) {}
}

export class ChangeMarkerCommand {
  constructor(readonly markerId: string, readonly body: ChangeMarkerDto, readonly context: CommandContext) {}
}

export class DeleteMarkerCommand {
  constructor(readonly markerId: string, readonly context: CommandContext) {}
}

export class SetCustomerMarkerCommand {
  constructor(readonly customerId: string, readonly markerId: string, readonly context: CommandContext) {}
}

export class ClearCustomerMarkerCommand {
  constructor(readonly customerId: string, readonly context: CommandContext) {}
}
