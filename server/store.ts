/**
 * The embedded API's store: accounts, their calendars and events, real-time scheduling links and
 * the webhook outbox in `DIR/store.json`, and short-lived element tokens in memory.
 *
 * Contract: the file is only ever replaced by renaming a fully written, fsynced temp file from
 * the same directory over it, one write at a time, so a crash mid-write leaves the previous
 * version intact; temp files left by a crash are ignored and removed on open. Instants are ISO
 * strings in the file and UTC epoch ms in memory. On first open the store is seeded with the demo
 * people and their busy time for [today - 7 days, today + 90 days] (UTC days), and the seeded
 * range is extended forward whenever it is opened on a later day. One process at a time has a
 * directory open: `DIR/store.lock` holds its id from `open` to `close`; another live process
 * gets `StoreInUseError`, and a lock whose process is gone is taken over.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AvailabilityQuery, CalendarSource, Interval, IsoInstant } from '../src/core/types.js';
import { DEMO_PEOPLE, demoEvents } from '../src/data/demo-calendars.js';

/** A person whose calendars the API answers for. */
export interface StoredAccount {
  sub: string;
  name: string;
  email: string;
  tzid: string;
}

/** A calendar of an account. */
export interface StoredCalendar {
  id: string;
  sub: string;
  name: string;
  tzid: string;
}

/** Someone invited to an event; an attendee with a `sub` is busy for it like the owner. */
export interface StoredAttendee {
  sub?: string;
  /** The attendee's calendar the invitation sits in (used when a query names `calendar_ids`). */
  calendar_id?: string;
  name?: string;
  email?: string;
}

/** A busy event in a calendar. */
export interface StoredEvent {
  id: string;
  calendar_id: string;
  start: IsoInstant;
  end: IsoInstant;
  summary: string;
  /** `demo` for seeded busy time, `rts` for a booking made through a scheduling link. */
  source: string;
  /** The organiser's own id for the event (bookings). */
  event_id?: string;
  description?: string | null;
  location?: string | null;
  /** Zone the event was created in (bookings). */
  tzid?: string;
  attendees?: StoredAttendee[];
  /** The scheduling link that booked it. */
  rts_id?: string;
}

/** Whether a recipient field is asked for, and whether it must be filled. */
export type RtsFieldRule = 'required' | 'optional' | 'off';

/** What a recipient gave when booking. */
export interface RtsRecipient {
  name?: string;
  email?: string;
  note?: string;
}

/** The booking of a completed link. */
export interface StoredRtsBooking {
  start: IsoInstant;
  end: IsoInstant;
  participants: { sub: string }[];
  recipient: RtsRecipient;
  booked_at: IsoInstant;
  /** Ids of the events written to the target calendars. */
  stored_event_ids: string[];
}

/** A real-time scheduling (booking) link. */
export interface StoredRtsLink {
  /** `sch_...`. */
  id: string;
  /** The recipient's credential (`rts_...`): the only thing the link's URL carries. */
  token: string;
  /** The booking page's URL, `{public origin}/rts/#token={token}`. */
  url: string;
  created_at: IsoInstant;
  /** `expired` is never stored: it follows from the clock. */
  status: 'open' | 'completed' | 'disabled';
  event: {
    event_id: string;
    summary: string;
    description: string | null;
    location: string | null;
    tzid: string;
  };
  /** The availability query in its wire form (`toApiQuery` of the validated query). */
  availability: AvailabilityQuery;
  target_calendars: { sub: string; calendar_id: string }[];
  callback_urls: {
    completed_url?: string;
    no_times_suitable_url?: string;
    no_times_displayed_url?: string;
  };
  redirect_urls: { completed_url?: string };
  minimum_notice_minutes: number;
  event_creation: 'default' | 'single';
  /** The organiser's zone, shown to the recipient. */
  tzid: string;
  fields: { name: RtsFieldRule; email: RtsFieldRule; note: RtsFieldRule };
  organizer: { name: string; tzid: string };
  display_message: string | null;
  booking: StoredRtsBooking | null;
  /** Callback types already queued once (`no_times_suitable`, `no_times_displayed`). */
  signals_sent: string[];
}

/** One webhook in the outbox: its exact body is kept so every retry sends the same bytes. */
export interface StoredDelivery {
  /** `whk_...`; also in the body and the `X-Webhook-Id` header, for de-duplication. */
  id: string;
  link_id: string;
  type: 'completed' | 'no_times_suitable' | 'no_times_displayed';
  url: string;
  /** The raw JSON body, signed as is. */
  body: string;
  created_at: IsoInstant;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: IsoInstant;
  last_attempt_at?: IsoInstant;
  last_error?: string;
  delivered_at?: IsoInstant;
}

/** The file's contents; new collections (bookings, webhook outbox) are added as new keys. */
export interface StoreData {
  version: 1;
  client_secret: string;
  /** UTC range the demo events were generated for. */
  seeded: { start: IsoInstant; end: IsoInstant };
  accounts: StoredAccount[];
  calendars: StoredCalendar[];
  events: StoredEvent[];
  /** Absent in files written before scheduling links existed. */
  rts_links?: StoredRtsLink[];
  /** Webhooks waiting for delivery, and delivered or abandoned ones for a week. */
  outbox?: StoredDelivery[];
}

/** An element token: subs and an origin it may be used for, until it expires. */
export interface ElementToken {
  token: string;
  permissions: string[];
  subs: string[];
  origin: string;
  /** UTC epoch ms. */
  expiresAt: number;
}

/** Where and how a store keeps its data. */
export interface StoreOptions {
  /** Directory holding `store.json`; ignored with `memory`. */
  dir?: string;
  /** Keep everything in memory (tests). */
  memory?: boolean;
  /** Clock, UTC epoch ms. */
  now?: () => number;
}

const DAY = 86_400_000;
/** Expired tokens are remembered this long so their users hear "expired", not "invalid". */
const EXPIRED_TOKEN_MEMORY = DAY;
/** Delivered or abandoned webhooks are dropped from the outbox this long after they settle. */
const SETTLED_DELIVERY_MEMORY = 7 * DAY;
const FILE = 'store.json';
const TEMP = /^store\.json\..+\.tmp$/;
/** Names the process that has the directory open: two writers would replace each other's file. */
const LOCK = 'store.lock';

/** Another live process has the data directory open. */
export class StoreInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `the data directory ${dir} is in use by process ${pid} (another npm start or npm run serve); stop that one, or give this one another directory (--data DIR) or --memory`,
    );
    this.name = 'StoreInUseError';
  }
}

/** Whether a process with this id is running (one we may not signal is running too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `dir` for this process by creating its lock file with this process's id; a lock left by
 * a process that is gone (or by this one) is taken over. Throws `StoreInUseError` when a live
 * process holds it. Returns the lock's path.
 */
async function lockDir(dir: string): Promise<string> {
  const path = join(dir, LOCK);
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new StoreInUseError(dir, holder);
    }
    await rm(path, { force: true });
  }
}

/** Per-sub busy index: events sorted by start, with the longest event to bound searches. */
interface BusyIndex {
  starts: number[];
  ends: number[];
  calendarIds: string[];
  longest: number;
}

function isoOf(ms: number): IsoInstant {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function digestOf(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The range demo events should cover when opened at `now`. */
function seedRangeAt(now: number): Interval {
  const today = Math.floor(now / DAY) * DAY;
  return { start: today - 7 * DAY, end: today + 91 * DAY };
}

/** Seeded demo events of every account whose start falls in `range`. */
function demoEventsIn(accounts: readonly StoredAccount[], range: Interval): StoredEvent[] {
  return accounts.flatMap(({ sub }) =>
    demoEvents(sub, range)
      .filter((e) => e.start >= range.start && e.start < range.end)
      .map((e) => ({
        id: `evt_${e.calendarId.replace(/^cal_/, '')}_${e.start.toString(36)}`,
        calendar_id: e.calendarId,
        start: isoOf(e.start),
        end: isoOf(e.end),
        summary: e.summary,
        source: 'demo',
      })),
  );
}

function freshData(now: number): StoreData {
  const range = seedRangeAt(now);
  const accounts = DEMO_PEOPLE.map(({ sub, name, email, tzid }) => ({ sub, name, email, tzid }));
  return {
    version: 1,
    client_secret: `demo_client_secret_${randomBytes(24).toString('base64url')}`,
    seeded: { start: isoOf(range.start), end: isoOf(range.end) },
    accounts,
    calendars: DEMO_PEOPLE.flatMap((p) =>
      p.calendars.map((c) => ({ id: c.id, sub: p.sub, name: c.name, tzid: p.tzid })),
    ),
    events: demoEventsIn(accounts, range),
    rts_links: [],
    outbox: [],
  };
}

function checkedData(text: string, path: string): StoreData {
  let data: Partial<StoreData>;
  try {
    data = JSON.parse(text) as Partial<StoreData>;
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); move it aside`);
  }
  const valid =
    data.version === 1 &&
    typeof data.client_secret === 'string' &&
    typeof data.seeded?.end === 'string' &&
    Array.isArray(data.accounts) &&
    Array.isArray(data.calendars) &&
    Array.isArray(data.events) &&
    (data.rts_links === undefined || Array.isArray(data.rts_links)) &&
    (data.outbox === undefined || Array.isArray(data.outbox));
  if (!valid) throw new Error(`${path} is not a version 1 store; move it aside`);
  data.rts_links ??= [];
  data.outbox ??= [];
  return data as StoreData;
}

/** Calendars, events and element tokens behind the embedded API. */
export class Store {
  private readonly tokens = new Map<string, ElementToken>();
  private readonly busyIndexes = new Map<string, BusyIndex>();
  private readonly accountsBySub: Map<string, StoredAccount>;
  private readonly linksById = new Map<string, StoredRtsLink>();
  private readonly linksByToken = new Map<string, StoredRtsLink>();
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(
    private readonly data: StoreData,
    /** Absent for an in-memory store. */
    private readonly path: string | undefined,
    /** Clock, UTC epoch ms. */
    readonly now: () => number,
    /** The directory's lock file, for a store on disk. */
    private readonly lock?: string,
  ) {
    this.accountsBySub = new Map(data.accounts.map((a) => [a.sub, a]));
    for (const link of this.links) this.indexLink(link);
  }

  private get links(): StoredRtsLink[] {
    return (this.data.rts_links ??= []);
  }

  private get outbox(): StoredDelivery[] {
    return (this.data.outbox ??= []);
  }

  private indexLink(link: StoredRtsLink): void {
    this.linksById.set(link.id, link);
    this.linksByToken.set(link.token, link);
  }

  /** Opens (or creates and seeds) the store, extending the demo events to the current day. */
  static async open(options: StoreOptions = {}): Promise<Store> {
    const now = options.now ?? Date.now;
    if (options.memory) return new Store(freshData(now()), undefined, now);
    const dir = options.dir ?? '.data';
    const path = join(dir, FILE);
    await mkdir(dir, { recursive: true });
    const lock = await lockDir(dir);
    try {
      const leftovers = (await readdir(dir)).filter((name) => TEMP.test(name));
      await Promise.all(leftovers.map((name) => rm(join(dir, name), { force: true })));
      let text: string | undefined;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const store = new Store(
        text === undefined ? freshData(now()) : checkedData(text, path),
        path,
        now,
        lock,
      );
      const wanted = seedRangeAt(now());
      const seededEnd = Date.parse(store.data.seeded.end);
      const settledBefore = now() - SETTLED_DELIVERY_MEMORY;
      const outbox = store.outbox;
      const kept = outbox.filter(
        (d) =>
          d.status === 'pending' ||
          Date.parse(d.delivered_at ?? d.last_attempt_at ?? d.created_at) > settledBefore,
      );
      const pruned = kept.length < outbox.length;
      if (pruned) store.data.outbox = kept;
      if (seededEnd < wanted.end) {
        store.data.seeded.end = isoOf(wanted.end);
        store.data.events.push(
          ...demoEventsIn(store.data.accounts, { start: seededEnd, end: wanted.end }),
        );
        store.busyIndexes.clear();
      }
      if (text === undefined || seededEnd < wanted.end || pruned) await store.persist();
      return store;
    } catch (error) {
      await rm(lock, { force: true });
      throw error;
    }
  }

  /** The application's client secret. */
  get clientSecret(): string {
    return this.data.client_secret;
  }

  /** Whether `candidate` is the client secret (compared in constant time). */
  isClientSecret(candidate: string): boolean {
    return timingSafeEqual(digestOf(candidate), digestOf(this.data.client_secret));
  }

  /** The UTC range demo events have been generated for. */
  get seeded(): Interval {
    return { start: Date.parse(this.data.seeded.start), end: Date.parse(this.data.seeded.end) };
  }

  /** Every account, in seed order. */
  accounts(): readonly StoredAccount[] {
    return this.data.accounts;
  }

  /** The account of `sub`, if there is one. */
  account(sub: string): StoredAccount | undefined {
    return this.accountsBySub.get(sub);
  }

  /** Calendars of `sub`. */
  calendarsOf(sub: string): StoredCalendar[] {
    return this.data.calendars.filter((c) => c.sub === sub);
  }

  /** Events of one calendar, in stored order. */
  eventsOf(calendarId: string): StoredEvent[] {
    return this.data.events.filter((e) => e.calendar_id === calendarId);
  }

  /** Adds events to their calendars and saves; throws on an unknown calendar. */
  async addEvents(events: readonly StoredEvent[]): Promise<void> {
    this.insertEvents(events);
    await this.persist();
  }

  /**
   * Adds events to their calendars in memory, to be saved with `save()` together with other
   * changes (so they reach the file in one write); throws on an unknown calendar.
   */
  insertEvents(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (!this.data.calendars.some((c) => c.id === event.calendar_id)) {
        throw new Error(`no calendar ${event.calendar_id}`);
      }
    }
    for (const event of events) {
      const calendar = this.data.calendars.find((c) => c.id === event.calendar_id)!;
      this.busyIndexes.delete(calendar.sub);
      for (const attendee of event.attendees ?? []) {
        if (attendee.sub) this.busyIndexes.delete(attendee.sub);
      }
    }
    this.data.events.push(...events);
  }

  /** Every scheduling link, oldest first. */
  rtsLinks(): readonly StoredRtsLink[] {
    return this.links;
  }

  /** The scheduling link `id`, if there is one. */
  rtsLink(id: string): StoredRtsLink | undefined {
    return this.linksById.get(id);
  }

  /** The scheduling link whose recipient token is `token`, if there is one. */
  rtsLinkByToken(token: string): StoredRtsLink | undefined {
    return this.linksByToken.get(token);
  }

  /** Adds a scheduling link in memory; `save()` writes it. */
  insertRtsLink(link: StoredRtsLink): void {
    if (this.linksById.has(link.id)) throw new Error(`link ${link.id} exists`);
    this.links.push(link);
    this.indexLink(link);
  }

  /** The outbox: pending, delivered and abandoned webhooks, oldest first. */
  deliveries(): readonly StoredDelivery[] {
    return this.outbox;
  }

  /** Queues webhooks in memory; `save()` writes them. */
  insertDeliveries(deliveries: readonly StoredDelivery[]): void {
    this.outbox.push(...deliveries);
  }

  /**
   * Writes every change made so far (including objects returned by this store and changed in
   * place) in one atomic replacement of the file; resolves once it is on disk.
   */
  save(): Promise<void> {
    return this.persist();
  }

  /** Busy time from stored events, for the availability engine. */
  calendarSource(): CalendarSource {
    return {
      busy: (sub, calendarIds, window) => this.busyOf(sub, calendarIds, window),
      status: () => 'active',
    };
  }

  private busyOf(sub: string, calendarIds: readonly string[] | undefined, window: Interval) {
    const index = this.busyIndexOf(sub);
    const wanted = calendarIds && new Set(calendarIds);
    const from = window.start - index.longest;
    let low = 0;
    let high = index.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (index.starts[mid] < from) low = mid + 1;
      else high = mid;
    }
    const busy: Interval[] = [];
    for (let i = low; i < index.starts.length && index.starts[i] < window.end; i++) {
      if (index.ends[i] <= window.start) continue;
      if (wanted && !wanted.has(index.calendarIds[i])) continue;
      busy.push({ start: index.starts[i], end: index.ends[i] });
    }
    return busy;
  }

  private busyIndexOf(sub: string): BusyIndex {
    let index = this.busyIndexes.get(sub);
    if (index) return index;
    const own = new Set(this.calendarsOf(sub).map((c) => c.id));
    const events: { start: number; end: number; id: string }[] = [];
    for (const e of this.data.events) {
      let calendarId: string | undefined;
      if (own.has(e.calendar_id)) calendarId = e.calendar_id;
      else {
        // An invitation makes its attendee busy, in the calendar it was sent to.
        const invited = e.attendees?.find((a) => a.sub === sub);
        if (invited) calendarId = invited.calendar_id ?? '';
      }
      if (calendarId === undefined) continue;
      events.push({ start: Date.parse(e.start), end: Date.parse(e.end), id: calendarId });
    }
    events.sort((a, b) => a.start - b.start);
    index = {
      starts: events.map((e) => e.start),
      ends: events.map((e) => e.end),
      calendarIds: events.map((e) => e.id),
      longest: events.reduce((max, e) => Math.max(max, e.end - e.start), 0),
    };
    this.busyIndexes.set(sub, index);
    return index;
  }

  /** Mints an element token for `subs` and `origin`, valid for `ttlSeconds`. */
  issueElementToken(grant: {
    permissions: string[];
    subs: string[];
    origin: string;
    ttlSeconds: number;
  }): ElementToken {
    const now = this.now();
    for (const [key, token] of this.tokens) {
      if (token.expiresAt + EXPIRED_TOKEN_MEMORY < now) this.tokens.delete(key);
    }
    const token: ElementToken = {
      token: `et_${randomBytes(24).toString('base64url')}`,
      permissions: [...grant.permissions],
      subs: [...grant.subs],
      origin: grant.origin,
      expiresAt: now + grant.ttlSeconds * 1000,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  /** The element token named `token`, expired or not, if it was issued recently. */
  elementToken(token: string): ElementToken | undefined {
    return this.tokens.get(token);
  }

  /** Whether some recently issued element token is for `origin` (CORS is granted to it). */
  isTokenOrigin(origin: string): boolean {
    for (const token of this.tokens.values()) if (token.origin === origin) return true;
    return false;
  }

  /** Resolves once every change so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  /** Writes what is pending and gives the data directory up for another process. */
  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    if (!this.lock) return;
    const holder = await readFile(this.lock, 'utf8').catch(() => '');
    if (holder.trim() === String(process.pid)) await rm(this.lock, { force: true });
  }

  private persist(): Promise<void> {
    if (!this.path) return Promise.resolve();
    this.dirty = true;
    // One write at a time; writes queued behind another collapse into one of the latest state.
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => (this.dirty ? this.writeFile() : undefined));
    return this.writing;
  }

  private async writeFile(): Promise<void> {
    const path = this.path as string;
    this.dirty = false;
    const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const file = await open(temp, 'w');
    try {
      await file.writeFile(JSON.stringify(this.data));
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temp, { force: true });
      throw error;
    }
    await file.close();
    await rename(temp, path);
    // Make the rename itself durable; not every platform can fsync a directory.
    const dir = await open(join(path, '..'), 'r').catch(() => undefined);
    await dir?.sync().catch(() => undefined);
    await dir?.close();
  }
}
