import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { placeholdersIn } from '@trilha/domain';
import { parsePosition } from '@trilha/event-store';
import { MESSAGE_TEMPLATES, MESSAGE_TEMPLATES_COLLECTION, MESSAGE_TEMPLATES_SORT, type MessageTemplateDocument } from '@trilha/projections/message-templates';
import { UnsupportedQueryError } from '@trilha/read-store';
import { DEFAULT_PAGE_SIZE } from '../customers/changes-page.query';
import { BadRequestProblem } from '../platform';
import { ReadModels } from '../read-models/read-models';
import type { MessageTemplatesPageDto } from './message-template.dto';

export class ListMessageTemplatesQuery {
  constructor(readonly page: { limit?: number; cursor?: string; minPosition?: string }) {}
}

/** CAL4: a page of the saved templates, by name. */
@QueryHandler(ListMessageTemplatesQuery)
export class ListMessageTemplatesHandler implements IQueryHandler<ListMessageTemplatesQuery, MessageTemplatesPageDto> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ page }: ListMessageTemplatesQuery): Promise<MessageTemplatesPageDto> {
    const position = page.minPosition ? parsePosition(page.minPosition) : undefined;
    if (position) await this.readModels.waitFor(MESSAGE_TEMPLATES, position);
    const templates = await this.readModels.collection<MessageTemplateDocument>(MESSAGE_TEMPLATES, MESSAGE_TEMPLATES_COLLECTION);
    try {
      const found = await templates.findPage({ live: true }, { sort: { ...MESSAGE_TEMPLATES_SORT }, limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
      const items = found.items.map(({ _id, name = '', body = '', createdAt = '', updatedAt = '' }) => ({ id: _id, name, body, placeholders: placeholdersIn(body), createdAt, updatedAt }));
      return { items, nextCursor: found.nextCursor };
    } catch (error) {
      if (error instanceof UnsupportedQueryError && page.cursor !== undefined) throw new BadRequestProblem('cursor', 'cursor must be the nextCursor of an earlier page');
      throw error;
    }
  }
}
