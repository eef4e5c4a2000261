import { messageTemplateDecider, messageTemplateNamesDecider, type MessageTemplateEvent, type MessageTemplateNameEvent } from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const templates = deciderSpec(messageTemplateDecider);
const names = deciderSpec(messageTemplateNamesDecider);
const templateId = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';
const other = '6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f';

const created: MessageTemplateEvent = { type: 'MessageTemplateCreated', data: { templateId, body: 'Olá #{contato}' } };
const deleted: MessageTemplateEvent = { type: 'MessageTemplateDeleted', data: { templateId } };
const claimed = (id: string, name: string, extra: object = {}): MessageTemplateNameEvent => ({ type: 'MessageTemplateNameClaimed', data: { templateId: id, name, ...extra } });

describe('message template decider (CAL4)', () => {
  it('creates a template with its body trimmed', () => {
    templates.given([]).when({ type: 'CreateMessageTemplate', templateId, body: '  Olá #{contato}\n' }).then([created]);
  });

  it.each([
    ['blank', '  \n '],
    ['over 4000 characters', 'x'.repeat(4001)],
    ['with an unknown placeholder', 'Olá #{nome}'],
  ])('refuses a body %s, naming body', (_case, body) => {
    templates.given([]).when({ type: 'CreateMessageTemplate', templateId, body }).thenThrows({ kind: 'invalid', field: 'body' });
    templates.given([created]).when({ type: 'ChangeMessageTemplateBody', templateId, body }).thenThrows({ kind: 'invalid', field: 'body' });
  });

  it('takes a body of exactly 4000 characters', () => {
    const body = 'x'.repeat(4000);
    templates.given([]).when({ type: 'CreateMessageTemplate', templateId, body }).then([{ type: 'MessageTemplateCreated', data: { templateId, body } }]);
  });

  it('refuses to create it twice', () => {
    templates.given([created]).when({ type: 'CreateMessageTemplate', templateId, body: 'Oi' }).thenThrows({ kind: 'conflict', code: 'message_template_exists' });
  });

  it('changes the body; the same body appends nothing', () => {
    templates.given([created]).when({ type: 'ChangeMessageTemplateBody', templateId, body: 'Oi #{cliente}' }).then([{ type: 'MessageTemplateBodyChanged', data: { templateId, body: 'Oi #{cliente}' } }]);
    templates.given([created]).when({ type: 'ChangeMessageTemplateBody', templateId, body: ' Olá #{contato} ' }).then([]);
  });

  it('deletes it once; a deleted or unknown template is not found for a change or a delete', () => {
    templates.given([created]).when({ type: 'DeleteMessageTemplate', templateId }).then([deleted]);
    templates.given([created, deleted]).when({ type: 'DeleteMessageTemplate', templateId }).thenThrows({ kind: 'not_found', code: 'message_template_not_found' });
    templates.given([created, deleted]).when({ type: 'ChangeMessageTemplateBody', templateId, body: 'Oi' }).thenThrows({ kind: 'not_found' });
    templates.given([]).when({ type: 'DeleteMessageTemplate', templateId }).thenThrows({ kind: 'not_found' });
  });

  it('abandons a creation that never happened, and only such one', () => {
    const abandon = { type: 'AbandonMessageTemplateCreation' as const, templateId, takenOverBy: other };
    templates.given([]).when(abandon).then([{ type: 'MessageTemplateCreationAbandoned', data: { templateId, takenOverBy: other } }]);
    templates.given([created]).when(abandon).thenThrows({ kind: 'conflict', code: 'message_template_exists' });
    const abandoned: MessageTemplateEvent = { type: 'MessageTemplateCreationAbandoned', data: { templateId, takenOverBy: other } };
    templates.given([abandoned]).when({ type: 'CreateMessageTemplate', templateId, body: 'Oi' }).thenThrows({ kind: 'conflict' });
  });
});

describe('message template names (CAL4)', () => {
  const claim = (id: string, name: string, takeOverFrom?: string) => ({ type: 'ClaimMessageTemplateName' as const, templateId: id, name, ...(takeOverFrom ? { takeOverFrom } : {}) });

  it('claims a free name, trimmed', () => {
    names.given([]).when(claim(templateId, '  Boas-vindas ')).then([claimed(templateId, 'Boas-vindas')]);
  });

  it.each([
    ['blank', '   '],
    ['over 128 characters', 'n'.repeat(129)],
  ])('refuses a name %s, naming name', (_case, name) => {
    names.given([]).when(claim(templateId, name)).thenThrows({ kind: 'invalid', field: 'name' });
  });

  it('refuses a name another template holds, ignoring case and surrounding spaces (409)', () => {
    names.given([claimed(other, 'Boas-vindas')]).when(claim(templateId, ' BOAS-VINDAS')).thenThrows({ kind: 'conflict', code: 'message_template_name_taken' });
  });

  it('renames: the old name is free again in the same event; the same name appends nothing; a change of case is a rename', () => {
    names.given([claimed(templateId, 'Boas-vindas')]).when(claim(templateId, 'Abertura')).then([claimed(templateId, 'Abertura', { previousName: 'Boas-vindas' })]);
    names.given([claimed(templateId, 'Boas-vindas'), claimed(templateId, 'Abertura', { previousName: 'Boas-vindas' })]).when(claim(other, 'boas-vindas')).then([claimed(other, 'boas-vindas')]);
    names.given([claimed(templateId, 'Boas-vindas')]).when(claim(templateId, 'Boas-vindas')).then([]);
    names.given([claimed(templateId, 'Boas-vindas')]).when(claim(templateId, 'Boas-Vindas')).then([claimed(templateId, 'Boas-Vindas', { previousName: 'Boas-vindas' })]);
  });

  it('releases a deleted template’s name, once', () => {
    const released: MessageTemplateNameEvent = { type: 'MessageTemplateNameReleased', data: { templateId, name: 'Retorno' } };
    names.given([claimed(templateId, 'Retorno')]).when({ type: 'ReleaseMessageTemplateName', templateId }).then([released]);
    names.given([claimed(templateId, 'Retorno'), released]).when({ type: 'ReleaseMessageTemplateName', templateId }).then([]);
    names.given([claimed(templateId, 'Retorno'), released]).when(claim(other, 'RETORNO')).then([claimed(other, 'RETORNO')]);
  });

  it('hands a name over only from the holder the caller names', () => {
    const third = '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a';
    names.given([claimed(other, 'Retorno')]).when(claim(templateId, 'Retorno', third)).thenThrows({ kind: 'conflict' });
    names.given([claimed(other, 'Retorno')]).when(claim(templateId, 'Retorno', other)).then([claimed(templateId, 'Retorno', { takenOverFrom: other })]);
    // The holder that lost it no longer holds a name: releasing it appends nothing.
    names.given([claimed(other, 'Retorno'), claimed(templateId, 'Retorno', { takenOverFrom: other })]).when({ type: 'ReleaseMessageTemplateName', templateId: other }).then([]);
  });
});
