/**
 * The local transport: availability answered by the engine over in-memory calendars, with no
 * network (the `demo` attribute, static Storybook, offline use, tests).
 *
 * Contract: same interface and same result as `HttpTransport`: the engine's response goes
 * through the same validation and normalisation; an optional latency imitates a network; an
 * aborted signal rejects with an `AbortError`; an engine failure rejects with kind `server`.
 * The engine (and, for `demoTransport`, the demo calendars) is loaded with `import()` on the
 * first request, so a page that never answers locally does not download it; a failed load
 * rejects with kind `network` and is tried again on the next request.
 */
import type * as EngineModule from '../core/engine.js';
import type { CalendarSource, NormalisedQuery } from '../core/types.js';
import { querySpanErrors } from '../core/query.js';
import type * as DemoModule from './demo-calendars.js';
import { SchedulingError, abortError, errorFromResponse } from './errors.js';
import { timerSleep, type Sleep } from './timing.js';
import type { AvailabilityResult, RequestOptions, Transport } from './transport.js';
import { availabilityResultFromBody } from './validate.js';

/** A module loaded once on first use: the module itself once loaded, else the load under way. */
function lazy<T>(load: () => Promise<T>): () => T | Promise<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return () =>
    loaded ??
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined;
        throw new SchedulingError(
          'network',
          `The local availability engine could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      },
    ));
}

const engine = lazy<typeof EngineModule>(() => import('../core/engine.js'));
const demoCalendars = lazy<typeof DemoModule>(() => import('./demo-calendars.js'));

/** Stands for the demo calendars in a `demoTransport` until their module is loaded; never read. */
const DEMO_CALENDARS: CalendarSource = { busy: () => [] };

/** Where the local transport reads busy time from, and how slow it pretends to be. */
export interface LocalTransportOptions {
  /** Members' calendars. */
  calendars: CalendarSource;
  /** Milliseconds to wait before answering, as a network would. */
  latencyMs?: number;
  /** How to wait; a real timer by default. */
  sleep?: Sleep;
}

/** A transport answered by the availability engine over a `CalendarSource`. */
export class LocalTransport implements Transport {
  private readonly calendars: CalendarSource;
  private readonly latencyMs: number;
  private readonly sleep: Sleep;

  constructor(options: LocalTransportOptions) {
    this.calendars = options.calendars;
    this.latencyMs = options.latencyMs ?? 0;
    this.sleep = options.sleep ?? timerSleep;
  }

  /** Available slots or periods for `query`, computed locally. */
  async availability(
    query: NormalisedQuery,
    { signal }: RequestOptions = {},
  ): Promise<AvailabilityResult> {
    if (this.latencyMs > 0) await this.sleep(this.latencyMs, signal);
    if (signal?.aborted) throw abortError();
    const tooLong = querySpanErrors(query);
    if (tooLong) throw errorFromResponse(422, { errors: tooLong });
    const { computeAvailability } = await engine();
    const calendars =
      this.calendars === DEMO_CALENDARS
        ? (await demoCalendars()).demoCalendarSource()
        : this.calendars;
    if (signal?.aborted) throw abortError();
    let response: unknown;
    try {
      response = computeAvailability(query, calendars);
    } catch (error) {
      if (error instanceof SchedulingError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new SchedulingError('server', `The local availability engine failed: ${reason}`, {
        cause: error,
      });
    }
    return availabilityResultFromBody(response, query);
  }
}

/** A local transport over the demo calendars: any sub gets a deterministic, realistic week. */
export function demoTransport(
  options: Omit<LocalTransportOptions, 'calendars'> = {},
): LocalTransport {
  return new LocalTransport({ ...options, calendars: DEMO_CALENDARS });
}
