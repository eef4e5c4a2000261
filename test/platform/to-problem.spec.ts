import { BadRequestException, HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { BadRequestProblem, ConflictProblem } from '../../apps/api/src/platform';
import { toProblem } from '../../apps/api/src/platform/problems/to-problem';

describe('toProblem', () => {
  it('keeps the problem a ProblemException carries', () => {
    expect(toProblem(new ConflictProblem('Changed meanwhile.', { type: 'urn:x:stale' }))).toEqual({
      problem: { type: 'urn:x:stale', title: 'Conflict', status: 409, detail: 'Changed meanwhile.' },
      headers: {},
      unexpected: false,
    });
    expect(toProblem(new BadRequestProblem('email', 'email must be an email')).problem).toEqual({
      type: 'urn:trilha:problem:invalid-input',
      title: 'Bad Request',
      status: 400,
      detail: 'email must be an email',
      errors: [{ field: 'email', message: 'email must be an email' }],
    });
  });

  it('describes Nest’s built-in exceptions with their message', () => {
    expect(toProblem(new NotFoundException('No customer 7')).problem).toEqual({
      type: 'urn:trilha:problem:not-found', title: 'Not Found', status: 404, detail: 'No customer 7',
    });
    expect(toProblem(new BadRequestException(['a is bad', 'b is bad'])).problem.detail).toBe('a is bad; b is bad');
    expect(toProblem(new HttpException('Too many', 429)).problem).toEqual({
      type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'Too many',
    });
  });

  it('hides the detail of server errors and flags them as unexpected', () => {
    const { problem, unexpected } = toProblem(new ServiceUnavailableException('pool exhausted at db-3'));
    expect(problem.status).toBe(503);
    expect(problem.detail).not.toContain('db-3');
    expect(unexpected).toBe(true);
    const unknown = toProblem(new TypeError('x is undefined'));
    expect(unknown.problem).toEqual(expect.objectContaining({ status: 500, title: 'Internal Server Error' }));
    expect(unknown.problem.detail).not.toContain('undefined');
    expect(unknown.unexpected).toBe(true);
  });

  it('recognises Fastify body errors by their code', () => {
    const tooLarge = Object.assign(new RangeError('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toProblem(tooLarge).problem).toEqual(expect.objectContaining({ status: 413, type: 'urn:trilha:problem:payload-too-large' }));
    const badJson = Object.assign(new Error('Body is not valid JSON'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 });
    expect(toProblem(badJson).problem.errors).toEqual([{ field: 'body', message: 'must be valid JSON' }]);
  });

  it('treats a body parser SyntaxError as malformed JSON', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400 });
    expect(toProblem(syntax).problem).toEqual(expect.objectContaining({ status: 400, type: 'urn:trilha:problem:malformed-json' }));
    expect(toProblem(new SyntaxError('bug in our code')).problem.status).toBe(500);
  });
});
