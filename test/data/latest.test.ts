import { expect } from '@open-wc/testing';
import { isAbortError } from '../../src/data/errors.js';
import { LatestRequest } from '../../src/data/latest.js';
import { deferred, tracked } from './fakes.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LatestRequest', () => {
  it('aborts the superseded run and delivers only the latest answer', async () => {
    const latest = new LatestRequest<string>();
    const signals: AbortSignal[] = [];
    const first = deferred<string>();
    const older = tracked(
      latest.run((signal) => {
        signals.push(signal);
        return first.promise;
      }),
    );
    const newer = tracked(
      latest.run((signal) => {
        signals.push(signal);
        return Promise.resolve('new');
      }),
    );
    expect(latest.pending).to.equal(true);
    first.resolve('old');
    await tick();
    expect(signals.map((s) => s.aborted)).to.deep.equal([true, false]);
    expect(isAbortError(older.error)).to.equal(true);
    expect(newer.value).to.equal('new');
    expect(latest.pending).to.equal(false);
  });

  it('aborts the current run on abort()', async () => {
    const latest = new LatestRequest<number>();
    let seen: AbortSignal | undefined;
    const run = tracked(
      latest.run((signal) => {
        seen = signal;
        return new Promise<number>(() => undefined);
      }),
    );
    latest.abort();
    await tick();
    expect(seen?.aborted).to.equal(true);
    expect(isAbortError(run.error)).to.equal(true);
  });

  it('passes on failures of the latest run, including synchronous throws', async () => {
    const latest = new LatestRequest<number>();
    const thrown = tracked(
      latest.run(() => {
        throw new RangeError('bad input');
      }),
    );
    await tick();
    expect(thrown.error).to.be.instanceOf(RangeError);
    const rejected = tracked(latest.run(() => Promise.reject(new TypeError('down'))));
    await tick();
    expect(rejected.error).to.be.instanceOf(TypeError);
  });
});
