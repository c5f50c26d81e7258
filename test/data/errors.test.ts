import { expect } from '@open-wc/testing';
import {
  SchedulingError,
  abortError,
  errorDetail,
  errorFromResponse,
  isAbortError,
} from '../../src/data/errors.js';

describe('errorFromResponse', () => {
  const kinds: [number, string][] = [
    [400, 'invalid_query'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [410, 'gone'],
    [422, 'invalid_query'],
    [429, 'rate_limited'],
    [500, 'server'],
    [503, 'server'],
    [418, 'bad_response'],
    [302, 'bad_response'],
  ];
  for (const [status, kind] of kinds) {
    it(`maps ${status} to ${kind}`, () => {
      const error = errorFromResponse(status, undefined);
      expect(error).to.be.instanceOf(SchedulingError);
      expect(error.kind).to.equal(kind);
      expect(error.status).to.equal(status);
      expect(error.message).to.match(new RegExp(`^HTTP ${status}: `));
    });
  }

  it('carries 422 field errors and summarises them in the message', () => {
    const errors = {
      'query_periods[0].end': [{ key: 'errors.after_start', description: 'must be after start' }],
      required_duration: [{ key: 'errors.required', description: 'required' }],
    };
    const error = errorFromResponse(422, { errors });
    expect(error.errors).to.deep.equal(errors);
    expect(error.message).to.equal(
      'HTTP 422: the API rejected the request: query_periods[0].end: must be after start (and 1 more)',
    );
  });

  it('ignores an error body that is not in the API shape', () => {
    expect(errorFromResponse(422, { errors: 'nope' }).errors).to.equal(undefined);
    expect(errorFromResponse(422, { errors: { a: [{ description: 'no key' }] } }).errors).to.equal(
      undefined,
    );
    expect(errorFromResponse(500, '<html>').errors).to.equal(undefined);
  });

  it('carries the wait a 429 asks for', () => {
    const error = errorFromResponse(429, undefined, 7);
    expect(error.retryAfter).to.equal(7);
    expect(error.message).to.equal('HTTP 429: too many requests; retry after 7 s');
  });
});

describe('SchedulingError details', () => {
  it('has the plain-object form events carry', () => {
    const errors = { max_results: [{ key: 'errors.range', description: 'too large' }] };
    const error = new SchedulingError('invalid_query', 'bad', {
      status: 422,
      errors,
      retryAfter: 1,
    });
    expect(error.toDetail()).to.deep.equal({
      kind: 'invalid_query',
      status: 422,
      message: 'bad',
      errors,
    });
    expect(new SchedulingError('network', 'down').toDetail()).to.deep.equal({
      kind: 'network',
      message: 'down',
    });
    expect(error.name).to.equal('SchedulingError');
  });

  it('turns untyped failures into details of a fallback kind', () => {
    expect(errorDetail(new TypeError('boom'))).to.deep.equal({ kind: 'server', message: 'boom' });
    expect(errorDetail('text', 'config')).to.deep.equal({ kind: 'config', message: 'text' });
  });

  it('tells aborts apart from failures', () => {
    expect(isAbortError(abortError())).to.equal(true);
    expect(abortError()).to.be.instanceOf(DOMException);
    expect(isAbortError(new SchedulingError('network', 'x'))).to.equal(false);
    expect(isAbortError(null)).to.equal(false);
  });
});
