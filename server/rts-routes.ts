/**
 * Routes of real-time scheduling: the organiser's (client secret) and the recipient's (link
 * token only).
 *
 * Contract. Organiser: `POST /v1/real_time_scheduling` creates a link (200 with
 * `{real_time_scheduling: {real_time_scheduling_id, url}}`, 422 field errors);
 * `GET /v1/real_time_scheduling/{id}` and `POST /v1/real_time_scheduling/{id}/disable`
 * (`{display_message?}`) answer the organiser's view (404 unknown id; 409 disabling a completed
 * link). Recipient (`Authorization: Bearer <link token>`, CORS for any origin): `GET /v1/rts/link`,
 * `POST /v1/rts/slots`, `POST /v1/rts/bookings` (201; 409 taken, with fresh `available_slots`;
 * 410 completed, disabled or expired, with the link's public view; 422 fields),
 * `POST /v1/rts/no_times_suitable` and `POST /v1/rts/no_times_displayed` (202; each callback at
 * most once per link). Bookings and disabling run one at a time under one lock, so the
 * availability check and the write that follows it cannot interleave with another booking.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiAvailableSlot, ApiFieldErrors, Interval } from '../src/core/types.js';
import {
  addFieldError,
  ApiError,
  fieldError,
  isRecord,
  JsonReply,
  type Credential,
  type Route,
} from './http.js';
import {
  bookingViewOf,
  eventViewOf,
  freeSlotOf,
  instantOf,
  isoOf,
  organiserViewOf,
  publicViewOf,
  queryOf,
  recipientOf,
  rtsLinkOf,
  slotsOf,
  statusOf,
} from './rts-links.js';
import type { WebhookOutbox } from './rts-outbox.js';
import type { Store, StoredAttendee, StoredEvent, StoredRtsLink } from './store.js';

const MINUTE = 60_000;
const MAX_DISPLAY_MESSAGE = 500;

/** What the routes need from the API. */
export interface RtsDeps {
  store: Store;
  now: () => number;
  outbox: WebhookOutbox;
  /** The origin link URLs start with, for a request (a configured one, or the request's). */
  publicOriginFor(req: IncomingMessage): string;
}

/** Runs tasks one at a time, in order. */
export class Lock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` once every earlier task has settled. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The link of a link-token caller. */
function linkOf(credential: Credential): StoredRtsLink {
  if (credential.kind !== 'link') throw new Error('route needs a link token');
  return credential.link;
}

/** Throws 410 with the link's public view unless it is open at `now`. */
function ensureOpen(link: StoredRtsLink, now: number): void {
  const status = statusOf(link, now);
  if (status === 'open') return;
  const description = {
    completed: 'this link has been used: the time below was booked',
    disabled: link.display_message ?? 'the organiser has disabled this link',
    expired: 'this link has expired: every time it offered has passed',
  }[status];
  throw new ApiError(
    410,
    { link: [{ key: `errors.link_${status}`, description }] },
    {},
    { link: publicViewOf(link, now) },
  );
}

/** An optional `[start, end)` from a slots body; throws 422. */
function narrowingOf(body: unknown): Partial<Interval> {
  if (body === undefined || body === null) return {};
  if (!isRecord(body)) {
    throw fieldError(422, 'body', 'errors.invalid_type', 'the body must be a JSON object');
  }
  const errors: ApiFieldErrors = {};
  const range: Partial<Interval> = {};
  for (const key of ['start', 'end'] as const) {
    if (body[key] === undefined || body[key] === null) continue;
    const ms = instantOf(body[key]);
    if (ms === undefined) {
      const description = 'must be an ISO 8601 instant with Z or an offset';
      addFieldError(errors, key, 'errors.invalid_instant', description);
    } else range[key] = ms;
  }
  if (range.start !== undefined && range.end !== undefined && range.end <= range.start) {
    addFieldError(errors, 'end', 'errors.end_before_start', 'must be after start');
  }
  if (Object.keys(errors).length) throw new ApiError(422, errors);
  return range;
}

/** Validates a create body and stores the new link; answers the creation response. */
export async function createRtsLink(store: Store, body: unknown, at: number, origin: string) {
  const link = rtsLinkOf(body, store, at, origin);
  store.insertRtsLink(link);
  await store.save();
  return { real_time_scheduling: { real_time_scheduling_id: link.id, url: link.url } };
}

/** The organiser's routes and the recipient's, over `deps`. */
export function rtsRoutes(deps: RtsDeps): Route[] {
  const { store, now, outbox } = deps;
  const lock = new Lock();
  /** Links whose winning booking is being stored (completed in memory, not yet answered). */
  const committing = new Set<string>();

  function organiserLink(id: string): StoredRtsLink {
    const link = store.rtsLink(id);
    if (!link) {
      throw fieldError(404, 'real_time_scheduling_id', 'errors.not_found', `no link ${id}`);
    }
    return link;
  }

  /** The 409 for a slot that is not (or no longer) free, with the link's fresh slots. */
  function taken(link: StoredRtsLink, at: number): ApiError {
    return new ApiError(
      409,
      {
        slot: [
          {
            key: 'errors.slot_unavailable',
            description: 'this time is no longer available; choose another',
          },
        ],
      },
      {},
      { available_slots: slotsOf(link, store, at) },
    );
  }

  /**
   * The 409 for a booking that raced another on the same link and lost: no fresh slots (the
   * link is used up) and the link's public view, which says what was booked.
   */
  function lostRace(link: StoredRtsLink, at: number): ApiError {
    return new ApiError(
      409,
      {
        slot: [
          {
            key: 'errors.slot_unavailable',
            description: 'another booking on this link was made a moment earlier',
          },
        ],
      },
      {},
      { available_slots: [], link: publicViewOf(link, at) },
    );
  }

  /** The events a booking writes: one per target calendar, or one with attendees (`single`). */
  function eventsFor(link: StoredRtsLink, slot: Interval, recipientAttendee: StoredAttendee[]) {
    const base = {
      start: isoOf(slot.start),
      end: isoOf(slot.end),
      summary: link.event.summary,
      description: link.event.description,
      location: link.event.location,
      tzid: link.event.tzid,
      source: 'rts',
      event_id: link.event.event_id,
      rts_id: link.id,
    };
    const suffix = link.id.replace(/^sch_/, '');
    const targets = link.target_calendars;
    if (link.event_creation === 'single') {
      const attendees = targets.slice(1).map(({ sub, calendar_id }) => {
        const account = store.account(sub);
        return { sub, calendar_id, name: account?.name, email: account?.email };
      });
      return [
        {
          ...base,
          id: `evt_rts_${suffix}_0`,
          calendar_id: targets[0].calendar_id,
          attendees: [...attendees, ...recipientAttendee],
        },
      ] satisfies StoredEvent[];
    }
    return targets.map(({ calendar_id }, i) => ({
      ...base,
      id: `evt_rts_${suffix}_${i}`,
      calendar_id,
      attendees: [...recipientAttendee],
    })) satisfies StoredEvent[];
  }

  async function book(link: StoredRtsLink, body: unknown) {
    // While a winning booking is being stored the link is not completed yet for anyone: this
    // request waits for the lock and hears it lost the race (409), never a 410 before the
    // winner's 201.
    if (!committing.has(link.id)) ensureOpen(link, now());
    if (!isRecord(body)) {
      throw fieldError(422, 'body', 'errors.invalid_type', 'the body must be a JSON object');
    }
    const errors: ApiFieldErrors = {};
    const duration = queryOf(link).requiredDuration;
    let slot: Interval | undefined;
    if (!isRecord(body.slot)) {
      addFieldError(errors, 'slot', 'errors.required', 'required: {"start", "end"}');
    } else {
      const start = instantOf(body.slot.start);
      const end = instantOf(body.slot.end);
      const description = 'must be an ISO 8601 instant with Z or an offset';
      if (start === undefined)
        addFieldError(errors, 'slot.start', 'errors.invalid_instant', description);
      if (end === undefined)
        addFieldError(errors, 'slot.end', 'errors.invalid_instant', description);
      if (start !== undefined && end !== undefined) {
        if (end - start !== duration * MINUTE) {
          const says = `must last ${duration} minutes, as the link's event does`;
          addFieldError(errors, 'slot', 'errors.slot_duration', says);
        } else slot = { start, end };
      }
    }
    const recipient = recipientOf(link, body.recipient, errors);
    if (Object.keys(errors).length) throw new ApiError(422, errors);
    const chosen = slot!;

    return lock.run(async () => {
      const at = now();
      // Open when this request arrived: a booking completed since then won the race.
      if (statusOf(link, at) === 'completed') throw lostRace(link, at);
      ensureOpen(link, at);
      const free: ApiAvailableSlot | undefined = freeSlotOf(link, store, at, chosen);
      if (!free) throw taken(link, at);
      const { name, email } = recipient;
      const events = eventsFor(link, chosen, name || email ? [{ name, email }] : []);
      store.insertEvents(events);
      link.status = 'completed';
      link.booking = {
        start: isoOf(chosen.start),
        end: isoOf(chosen.end),
        participants: free.participants.map(({ sub }) => ({ sub })),
        recipient,
        booked_at: isoOf(at),
        stored_event_ids: events.map((e) => e.id),
      };
      const url = link.callback_urls.completed_url;
      if (url) {
        outbox.enqueue(link.id, 'completed', url, {
          real_time_scheduling: { real_time_scheduling_id: link.id },
          event: eventViewOf(link),
          participants: link.booking.participants.map((p) => ({ ...p })),
          target_calendars: link.target_calendars.map((t) => ({ ...t })),
          recipient: { ...recipient },
        });
      }
      committing.add(link.id);
      try {
        await store.save();
      } finally {
        committing.delete(link.id);
      }
      outbox.kick();
      return new JsonReply(201, { booking: bookingViewOf(link) });
    });
  }

  function signal(type: 'no_times_suitable' | 'no_times_displayed') {
    return async ({ credential }: { credential: Credential }) => {
      const link = linkOf(credential);
      ensureOpen(link, now());
      if (link.signals_sent.includes(type)) return new JsonReply(202, { callback: 'already_sent' });
      const url = link.callback_urls[`${type}_url`];
      link.signals_sent.push(type);
      if (url) {
        outbox.enqueue(link.id, type, url, {
          real_time_scheduling: { real_time_scheduling_id: link.id },
          event: eventViewOf(link),
        });
      }
      await store.save();
      outbox.kick();
      return new JsonReply(202, { callback: url ? 'queued' : 'none' });
    };
  }

  return [
    {
      method: 'POST',
      path: '/v1/real_time_scheduling',
      auth: 'client_secret',
      handle: ({ body, req }) => createRtsLink(store, body, now(), deps.publicOriginFor(req)),
    },
    {
      method: 'GET',
      path: '/v1/real_time_scheduling/:id',
      auth: 'client_secret',
      handle: ({ params }) => {
        const link = organiserLink(params.id);
        return organiserViewOf(link, now(), link.url);
      },
    },
    {
      method: 'POST',
      path: '/v1/real_time_scheduling/:id/disable',
      auth: 'client_secret',
      body: 'optional',
      handle: ({ params, body }) => {
        const link = organiserLink(params.id);
        if (!isRecord(body)) {
          throw fieldError(422, 'body', 'errors.invalid_type', 'the body must be a JSON object');
        }
        const message = body.display_message;
        if (
          message !== undefined &&
          message !== null &&
          (typeof message !== 'string' || message.length > MAX_DISPLAY_MESSAGE)
        ) {
          const description = `must be a string of at most ${MAX_DISPLAY_MESSAGE} characters`;
          throw fieldError(422, 'display_message', 'errors.invalid', description);
        }
        return lock.run(async () => {
          if (link.status === 'completed') {
            const description = 'the link has been booked; it can no longer be disabled';
            throw fieldError(409, 'real_time_scheduling_id', 'errors.link_completed', description);
          }
          link.status = 'disabled';
          link.display_message =
            typeof message === 'string' && message.trim() ? message.trim() : null;
          await store.save();
          return organiserViewOf(link, now(), link.url);
        });
      },
    },
    {
      method: 'GET',
      path: '/v1/rts/link',
      auth: 'link',
      cors: 'any',
      handle: ({ credential }) => ({ link: publicViewOf(linkOf(credential), now()) }),
    },
    {
      method: 'POST',
      path: '/v1/rts/slots',
      auth: 'link',
      cors: 'any',
      body: 'optional',
      handle: ({ credential, body }) => {
        const link = linkOf(credential);
        const at = now();
        ensureOpen(link, at);
        return { available_slots: slotsOf(link, store, at, narrowingOf(body)) };
      },
    },
    {
      method: 'POST',
      path: '/v1/rts/bookings',
      auth: 'link',
      cors: 'any',
      handle: ({ credential, body }) => book(linkOf(credential), body),
    },
    {
      method: 'POST',
      path: '/v1/rts/no_times_suitable',
      auth: 'link',
      cors: 'any',
      body: 'optional',
      handle: signal('no_times_suitable'),
    },
    {
      method: 'POST',
      path: '/v1/rts/no_times_displayed',
      auth: 'link',
      cors: 'any',
      body: 'optional',
      handle: signal('no_times_displayed'),
    },
  ];
}
