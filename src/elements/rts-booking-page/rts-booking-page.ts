/**
 * `<rts-booking-page token>`: the recipient's side of a booking link. Loads the link's public
 * view, offers its free times as a month calendar and a time list in the recipient's zone, asks
 * for the fields the link wants, books, and shows the result.
 *
 * Contract: side-effect free (registration is `define.ts`). Requests go through `.client` when
 * injected, else an `RtsClient` for (`api-base` or the page's origin, `token`); the token only
 * ever travels in the `Authorization` header. Every failure shows a specific view and fires
 * `scheduling-error` (with its `callback` notification); nothing typed into the form is lost on
 * any failure, a conflict included. After a booking whose response names a `redirect_url`, the
 * page fires the cancelable `booking-redirect` and, unless it was cancelled, calls `navigate`
 * (`location.assign` by default).
 */
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../../core/ics.js';
import type { ApiAvailableSlot } from '../../core/types.js';
import { SchedulingError, errorDetail, isAbortError } from '../../data/errors.js';
import type { SchedulingErrorDetail } from '../../data/errors.js';
import {
  RtsClient,
  RtsConflictError,
  RtsLinkClosedError,
  type RtsApi,
  type RtsBooking,
  type RtsFieldName,
  type RtsLink,
} from '../../data/rts.js';
import {
  formatCount,
  formattersFor,
  labelled,
  rangeAcrossClockChange,
  type Formatters,
  type Strings,
} from '../../i18n/index.js';
import { addMessages } from '../../i18n/strings.js';
import { rtsCatalogue } from '../../i18n/strings-rts.js';
import { BookingConfirmedEvent } from '../shared/events.js';
import { MonthCalendarController } from '../shared/month-calendar-controller.js';
import {
  findTime,
  pickerDays,
  slotName,
  timeLabel,
  weekStartOf,
  type PickerDay,
  type PickerTime,
} from '../shared/picker-model.js';
import { SchedulingElement } from '../shared/scheduling-element.js';
import { backButton, confirmView, headingView, timeListView } from '../shared/step-views.js';
import { stepStyles } from '../shared/step-styles.js';
import { baseStyles } from '../shared/styles.js';
import { configErrorView, errorView, skeletonView, zoneLine } from '../shared/templates.js';
import {
  closedLinkHeading,
  closedLinkView,
  conflictView,
  fieldsView,
  headerView,
  linkStateView,
  pageHeadingView,
  successView,
  type FieldModel,
} from './rts-booking-page-views.js';
import {
  FIELD_MAX_LENGTH,
  FIELD_NAMES,
  RecipientFormController,
  serverFieldProblems,
  type FieldProblem,
} from './recipient-form.js';
import { calendarEventOf, IcsFileController } from './booked-event.js';
import { rtsBookingPageStyles } from './rts-booking-page.styles.js';
import { BookingRedirectEvent } from './rts-events.js';

/** What the page as a whole shows. */
type Phase =
  'loading' | 'flow' | 'closed' | 'load-error' | 'invalid-link' | 'missing-token' | 'config';

/** Where the recipient is in the booking flow. */
type Step = 'day' | 'time' | 'confirm' | 'success' | 'declined';

/** Where focus goes after the next render. */
type FocusTarget = 'heading' | 'calendar' | 'time' | 'field' | 'retry';

const SKELETON_ROWS = 5;

/** Whether `url` is an absolute `http:` or `https:` URL, the only kinds the page navigates to. */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The recipient's booking page for a real-time scheduling link.
 * @summary Booking link page: day → time → details → booked, with calendar links.
 * @fires booking-confirmed - a time was booked; detail `{booking}`
 * @fires booking-redirect - cancelable; about to leave for the booking's `redirect_url`; detail `{url, booking}`
 * @fires scheduling-error - missing or unknown token, closed link, conflict, rejected fields, network or server failure
 * @fires scheduling-warning - unsupported locale or unknown translation key
 * @csspart base - the whole page · @csspart header - summary, organiser, duration · @csspart title - the summary
 * @csspart heading - each step's heading · @csspart calendar - the month grid · @csspart calendar-day - a date
 * @csspart time-list - the times of a day · @csspart time - a time button
 * @csspart form - the details form · @csspart field - a field · @csspart field-error - its inline error
 * @csspart summary - the chosen time · @csspart confirm-button - Book · @csspart back-button - Back
 * @csspart none-suitable-button - "None of these times work" · @csspart conflict - the time was just taken
 * @csspart success - the booked view · @csspart booked-time - the booked time · @csspart ics-link - the calendar file
 * @csspart google-link - Google Calendar · @csspart outlook-link - Outlook.com
 * @csspart link-state - a completed, disabled, expired or invalid link · @csspart organizer-message - the organiser's message
 * @csspart skeleton - loading placeholder · @csspart error - failure · @csspart retry-button - Retry
 * @csspart zone - the "Times in …" line · @csspart organizer-zone - the organiser's zone · @csspart zone-select - the zone switcher
 * @cssprop --se-color-accent - primary buttons and the chosen day
 * @cssprop --se-color-surface - buttons and state panels
 * @cssprop --se-color-error - inline errors
 * @cssprop --se-space - spacing unit
 */
export class RtsBookingPage extends SchedulingElement {
  static override styles = [baseStyles, stepStyles, rtsBookingPageStyles];

  static {
    // The page's own messages (`rts.*`) join the string lookup when the class is defined.
    addMessages(rtsCatalogue);
  }

  /** The reactive properties (with those of `SchedulingElement`), declared without decorators. */
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    navigate: { attribute: false },
    phase: { state: true, attribute: false },
    step: { state: true, attribute: false },
    link: { state: true, attribute: false },
    slots: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    actionError: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    conflict: { state: true, attribute: false },
    booking: { state: true, attribute: false },
    dayKeyShown: { state: true, attribute: false },
    pending: { state: true, attribute: false },
    redirecting: { state: true, attribute: false },
  };

  /** The API client; injected for tests or custom hosts, else built from `api-base` and `token`. */
  client: RtsApi | undefined;
  /** How the page leaves for a booking's redirect URL; `location.assign` by default. */
  navigate: (url: string) => void = (url) => globalThis.location.assign(url);

  protected readonly notificationName = 'Booking Page';

  private phase: Phase = 'loading';
  private step: Step = 'day';
  private link: RtsLink | undefined;
  private slots: readonly ApiAvailableSlot[] = [];
  private loadError: SchedulingErrorDetail | undefined;
  private actionError: SchedulingErrorDetail | undefined;
  private busy = false;
  private conflict = false;
  private booking: RtsBooking | undefined;
  private dayKeyShown: string | undefined;
  private pending: PickerTime | undefined;
  private redirecting = false;

  private readonly timeFocus = new RovingFocusController(this, () => this.itemsOf('.time'));
  private readonly monthCalendar = new MonthCalendarController(this, (key) => this.chooseDay(key));
  private days: PickerDay[] = [];
  private dayLabels = new Map<string, string>();
  private daysFor: { slots?: readonly ApiAvailableSlot[]; zone?: string } = {};
  private labelsFor: { days?: PickerDay[]; strings?: Strings; formatters?: Formatters } = {};
  private weekStart = 1;
  private focusTarget: FocusTarget | undefined;
  private requests: AbortController | undefined;
  private noTimesReported = false;
  private retryAction: (() => void) | undefined;
  private readonly icsFile = new IcsFileController(this);
  private readonly form = new RecipientFormController(this, () => this.link?.fields);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.requests?.abort();
    this.requests = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect aborted the load: start again.
    if (this.hasUpdated && !this.requests && this.phase === 'loading') void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      changed.has('token') ||
      changed.has('apiBase') ||
      changed.has('client') ||
      (changed.has('tzid') && this.phase === 'config')
    ) {
      void this.load();
    }
    if (this.daysFor.slots !== this.slots || this.daysFor.zone !== this.zone) {
      this.days = pickerDays(this.slots, this.zone);
      this.daysFor = { slots: this.slots, zone: this.zone };
      this.keepValidChoice();
    }
    const labels = this.labelsFor;
    const s = this.strings;
    if (
      s &&
      (labels.days !== this.days || labels.strings !== s || labels.formatters !== this.formatters)
    ) {
      this.weekStart = weekStartOf(this.formatLocale);
      this.dayLabels = new Map(
        this.days.map((d) => [
          d.key,
          `${this.formatters.date(d.times[0]!.start)}, ${formatCount(s, 'slots', d.times.length)}`,
        ]),
      );
      this.labelsFor = { days: this.days, strings: s, formatters: this.formatters };
    }
  }

  protected override updated(): void {
    const target = this.focusTarget;
    if (!target) return;
    this.focusTarget = undefined;
    if (target === 'heading') {
      this.renderRoot.querySelector<HTMLElement>('.page-heading, h2')?.focus();
    } else if (target === 'time') this.timeFocus.focusActive();
    else if (target === 'calendar') this.monthCalendar.focus();
    else if (target === 'retry') {
      // The failed action's button was disabled while busy, so focus fell to the page.
      this.renderRoot
        .querySelector<HTMLElement>('[part~="retry-button"], .page-heading, h2')
        ?.focus();
    } else this.firstInvalidField()?.focus();
  }

  /** Loads the link and its times again, keeping what was typed. */
  protected reload(): void {
    void this.load();
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const loading = this.phase === 'loading';
    return html`<section
      part="base"
      class="page"
      lang=${s?.locale ?? 'en'}
      aria-busy=${loading || this.busy ? 'true' : 'false'}
      @keydown=${this.onKeyDown}
    >
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${s && this.link ? headerView(s, this.headerModel(this.link)) : nothing}
      ${s ? this.content() : skeletonView(undefined, SKELETON_ROWS)} ${this.zoneControls()}
    </section>`;
  }

  private content(): TemplateResult {
    const s = this.strings!;
    switch (this.phase) {
      case 'loading':
        return skeletonView(s, SKELETON_ROWS);
      case 'config':
        return configErrorView(s, this.configProblems);
      case 'missing-token':
        return linkStateView(
          'missing-token',
          s.t('rts.missing_token_heading'),
          s.t('rts.missing_token_text'),
          undefined,
          undefined,
          true,
        );
      case 'invalid-link':
        return linkStateView(
          'invalid-link',
          s.t('rts.invalid_link_heading'),
          s.t('rts.invalid_link_text'),
          undefined,
          undefined,
          true,
        );
      case 'load-error': {
        const heading = s.t('rts.error_heading');
        return html`${this.link ? headingView(heading) : pageHeadingView(heading)}${errorView(
          s,
          this.loadError!,
          () => this.reload(),
        )}`;
      }
      case 'closed': {
        const booked = this.link!.booking;
        const time = booked
          ? this.timeIn(this.formatters, Date.parse(booked.start), Date.parse(booked.end))
          : undefined;
        return closedLinkView(s, this.link!, time);
      }
      case 'flow':
        return this.flowView();
    }
  }

  private flowView(): TemplateResult {
    const s = this.strings!;
    const error = this.actionError
      ? errorView(s, this.actionError, () => this.retryAction?.())
      : nothing;
    if (this.step === 'success' && this.booking) return this.success(this.booking);
    if (this.step === 'declined') {
      return html`${headingView(s.t('rts.none_suitable_heading'))}
        <p class="state" part="declined">${s.t('rts.none_suitable_text')}</p>`;
    }
    const conflict = this.conflict ? conflictView(s) : nothing;
    if (this.days.length === 0) {
      return html`${conflict}${headingView(s.t('common.no_times'))}
        <p class="state" part="empty">${s.t('rts.no_times_text')}</p>`;
    }
    const day = this.days.find((d) => d.key === this.dayKeyShown);
    if (this.step === 'confirm' && this.pending) {
      return html`${error}${this.confirmStep(this.pending)}`;
    }
    const noneSuitable = html`<button
      type="button"
      class="none-suitable"
      part="none-suitable-button"
      ?disabled=${this.busy}
      @click=${this.declineAll}
    >
      ${s.t('rts.none_suitable')}
    </button>`;
    if (this.step === 'time' && day) {
      const f = this.formatters;
      const times = day.times.map((time) => ({
        label: timeLabel(f, time),
        name: slotName(f, time),
        selected: this.pending === time,
      }));
      return html`${conflict}${error}${headingView(s.t('common.select_time'))}
        <p class="day-label">${f.date(day.times[0]!.start)}</p>
        ${timeListView(times, this.timeFocus.tabIndexFor, this.timeFocus.onKeyDown, (i) =>
          this.chooseTime(day.times[i]!, i),
        )}
        <div class="actions">${backButton(s.t('common.back'), this.back)} ${noneSuitable}</div>`;
    }
    return html`${conflict}${error}${headingView(s.t('common.select_day'))}${this.calendar()}
      <div class="actions">${noneSuitable}</div>`;
  }

  private confirmStep(time: PickerTime): TemplateResult {
    const s = this.strings!;
    const link = this.link!;
    const labels: Record<RtsFieldName, string> = {
      name: s.t('rts.field_name'),
      email: s.t('rts.field_email'),
      note: s.t('rts.field_note'),
    };
    const fields: FieldModel[] = [];
    for (const name of FIELD_NAMES) {
      const rule = link.fields[name];
      if (rule === 'off') continue;
      fields.push({
        name,
        rule,
        label: labels[name],
        value: this.form.values[name],
        error: this.shownError(name),
      });
    }
    return confirmView(
      {
        heading: s.t('rts.confirm_heading'),
        confirm: this.busy ? s.t('rts.booking') : s.t('rts.book'),
        back: s.t('common.back'),
        locale: s.locale,
      },
      slotName(this.formatters, time),
      this.back,
      this.submit,
      {
        busy: this.busy,
        fields: fieldsView(s, fields, this.onFieldInput, this.onFieldBlur),
      },
    );
  }

  private success(booking: RtsBooking): TemplateResult {
    const s = this.strings!;
    const start = Date.parse(booking.start);
    const end = Date.parse(booking.end);
    const event = calendarEventOf(booking, this.link);
    return successView(s, {
      yourTime: this.timeIn(this.formatters, start, end),
      organizer: booking.organizer.name,
      organizerTime: this.timeIn(
        formattersFor(this.formatLocale, booking.organizer.tzid),
        start,
        end,
      ),
      icsUrl: this.icsFile.urlFor(booking, this.link),
      icsName: 'booking.ics',
      googleUrl: googleCalendarUrl(event),
      outlookUrl: outlookCalendarUrl(event),
      redirecting: this.redirecting,
    });
  }

  private calendar(): TemplateResult {
    return this.monthCalendar.view({
      strings: this.strings!,
      formatters: this.formatters,
      zone: this.zone,
      weekStart: this.weekStart,
      selectedDay: this.dayKeyShown,
      dayLabels: this.dayLabels,
    });
  }

  /** The zone line, the organiser's zone and the zone switcher, while times are on screen. */
  private zoneControls(): TemplateResult | typeof nothing {
    const s = this.strings;
    const link = this.link;
    if (!s || !link || this.phase !== 'flow') return nothing;
    const at = this.booking
      ? Date.parse(this.booking.start)
      : (this.pending?.start ?? this.days[0]?.times[0]?.start ?? Date.now());
    const organizerZone = link.organizer.tzid;
    return html`${zoneLine(s, this.formatters, at)}
      <p class="zone-line" part="organizer-zone">
        ${s.t('rts.organizer_zone', {
          zone: organizerZone,
          offset: formattersFor(this.formatLocale, organizerZone).zoneOffset(at),
        })}
      </p>
      <se-time-zone-select
        part="zone-select"
        .value=${this.zone}
        label=${s.t('rts.your_time_zone')}
        placeholder=${s.t('common.search_time_zones')}
        @zone-change=${(e: CustomEvent<{ zone: string }>) => (this.tzid = e.detail.zone)}
      ></se-time-zone-select>`;
  }

  private headerModel(link: RtsLink): Parameters<typeof headerView>[1] {
    const duration = new Intl.NumberFormat(this.formatLocale, {
      style: 'unit',
      unit: 'minute',
      unitDisplay: 'long',
    }).format(link.duration_minutes);
    return {
      summary: link.summary,
      organizer: link.organizer.name,
      duration,
      location: link.location,
      description: link.description,
    };
  }

  /** Full date, time range, zone and offset in `f`'s zone (an offset at each end across a clock change). */
  private timeIn(f: Formatters, start: number, end: number): string {
    const across = rangeAcrossClockChange(f, start, end);
    return across === undefined
      ? `${f.date(start)}, ${f.timeRange(start, end)} (${f.zone}, ${f.zoneOffset(start)})`
      : `${f.date(start)}, ${across} (${f.zone})`;
  }

  /** The client requests go through. */
  private activeClient(): RtsApi {
    return (
      this.client ??
      new RtsClient({
        apiBase: this.apiBase.trim() || globalThis.location?.origin || '',
        token: this.token.trim(),
      })
    );
  }

  /** A fresh abort signal for the page's next requests, cancelling any before. */
  private freshSignal(): AbortSignal {
    this.requests?.abort();
    this.requests = new AbortController();
    return this.requests.signal;
  }

  /** Loads the link's view and, when open, its times; `reportClosed` false when a 410 was just reported. */
  private async load(reportClosed = true): Promise<void> {
    if (!this.client && this.token.trim() === '') {
      this.requests?.abort();
      this.requests = undefined;
      this.phase = 'missing-token';
      this.link = undefined;
      this.setConfigProblem('token', 'the booking link has no token.');
      return;
    }
    // An injected client does not use `token` or `api-base`: their problems do not apply.
    if (this.client) {
      this.setConfigProblem('token', undefined);
      this.setConfigProblem('api-base', undefined);
    }
    if (this.configProblems.length > 0) {
      // A bad zone, API base or token: show which, and ask nothing.
      this.requests?.abort();
      this.requests = undefined;
      this.phase = 'config';
      this.link = undefined;
      return;
    }
    const signal = this.freshSignal();
    const client = this.activeClient();
    if (this.phase !== 'flow') this.phase = 'loading';
    try {
      const link = await client.link({ signal });
      if (link.status !== 'open') {
        this.showClosed(link, reportClosed);
        return;
      }
      const slots = await client.slots({}, { signal });
      this.link = link;
      this.slots = slots;
      this.phase = 'flow';
      this.loadError = undefined;
      if (slots.length === 0) this.reportNoTimes();
    } catch (error) {
      if (isAbortError(error)) return;
      this.onLoadFailure(error);
    }
  }

  /** Tells the organiser, once per page, that the open link is showing no times. */
  private reportNoTimes(): void {
    if (this.noTimesReported) return;
    this.noTimesReported = true;
    // Not tied to a request signal: a later reload must not cancel the one report.
    this.activeClient()
      .noTimesDisplayed()
      .catch((error: unknown) => this.fireError(errorDetail(error)));
  }

  private onLoadFailure(error: unknown): void {
    const detail = errorDetail(error);
    this.fireError(detail);
    if (error instanceof RtsLinkClosedError && error.link) {
      this.showClosed(error.link, false);
    } else if (detail.kind === 'auth' || detail.kind === 'not_found') {
      if (this.phase === 'flow') this.focusTarget = 'heading';
      this.phase = 'invalid-link';
      this.link = undefined;
    } else {
      this.loadError = detail;
      this.phase = 'load-error';
      this.announce(this.strings?.t('rts.error_heading') ?? detail.message);
    }
  }

  /** Shows a link that cannot be booked; focus moves there only when it interrupts the flow. */
  private showClosed(link: RtsLink, report = true): void {
    if (this.phase === 'flow') {
      this.focusTarget = 'heading';
      // Replaces what the status region said last (such as "Booking…").
      this.announce(closedLinkHeading(this.strings!, link));
    }
    this.link = link;
    this.phase = 'closed';
    // A 410 was already reported as the failure it is; a link found closed on load is reported here.
    if (report) this.fireError({ kind: 'gone', message: `The booking link is ${link.status}.` });
  }

  private chooseDay(key: string): void {
    const day = this.days.find((d) => d.key === key);
    if (!day) return;
    this.dayKeyShown = key;
    this.monthCalendar.setFocusDay(key);
    this.step = 'time';
    this.actionError = undefined;
    const pendingIndex = this.pending ? day.times.indexOf(this.pending) : -1;
    this.timeFocus.setActive(Math.max(0, pendingIndex));
    this.focusTarget = 'heading';
    this.announce(
      labelled(
        this.strings!.locale,
        this.strings!.t('common.select_time'),
        this.formatters.date(day.times[0]!.start),
      ),
    );
  }

  private chooseTime(time: PickerTime, index: number): void {
    this.timeFocus.setActive(index);
    this.pending = time;
    this.step = 'confirm';
    this.conflict = false;
    this.actionError = undefined;
    this.focusTarget = 'heading';
    this.announce(
      labelled(
        this.strings!.locale,
        this.strings!.t('rts.confirm_heading'),
        slotName(this.formatters, time),
      ),
    );
  }

  private readonly back = (): void => {
    const s = this.strings!;
    if (this.busy) return;
    this.actionError = undefined;
    if (this.step === 'time') {
      this.step = 'day';
      this.focusTarget = 'calendar';
      this.announce(s.t('common.select_day'));
    } else if (this.step === 'confirm') {
      this.step = 'time';
      this.focusTarget = 'time';
      this.announce(s.t('common.select_time'));
    }
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.phase !== 'flow' || (this.step !== 'time' && this.step !== 'confirm')) return;
    event.preventDefault();
    this.back();
  };

  private itemsOf(selector: string): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(selector)];
  }

  private firstInvalidField(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
  }

  /** A field's problem in the visitor's words. */
  private problemText(name: RtsFieldName, problem: FieldProblem): string {
    const s = this.strings!;
    switch (problem) {
      case 'required':
        return s.t(`rts.${name}_required`);
      case 'too_long':
        return s.t('rts.field_too_long', {
          max: new Intl.NumberFormat(this.formatLocale).format(FIELD_MAX_LENGTH[name]),
        });
      case 'email':
        return s.t('rts.email_invalid');
      case 'rejected':
        return s.t('rts.field_rejected');
    }
  }

  /** The error shown under a field: once it was left, or after a submit attempt. */
  private shownError(name: RtsFieldName): string | undefined {
    const problem = this.form.shownProblem(name);
    return problem && this.problemText(name, problem);
  }

  private readonly onFieldInput = (name: RtsFieldName, value: string): void =>
    this.form.input(name, value);

  private readonly onFieldBlur = (name: RtsFieldName): void => {
    // Chromium also blurs a focused field that a step change removes: not a visit to record.
    if (this.step === 'confirm') this.form.leave(name);
  };

  private readonly submit = (): void => {
    const time = this.pending;
    if (!time || this.busy) return;
    if (!this.form.submit()) {
      this.focusTarget = 'field';
      this.announce(this.strings!.t('rts.fix_fields'));
      return;
    }
    void this.book(time);
  };

  private async book(time: PickerTime): Promise<void> {
    const s = this.strings!;
    const signal = this.freshSignal();
    this.busy = true;
    this.actionError = undefined;
    this.retryAction = undefined;
    this.announce(s.t('rts.booking'));
    try {
      const booking = await this.activeClient().book(
        {
          slot: { start: time.slot.start, end: time.slot.end },
          recipient: this.form.recipient(),
        },
        { signal },
      );
      this.booking = booking;
      this.step = 'success';
      this.focusTarget = 'heading';
      this.announce(
        labelled(
          s.locale,
          s.t('rts.success_heading'),
          this.timeIn(this.formatters, time.start, time.end),
        ),
      );
      this.fireEvent(new BookingConfirmedEvent({ booking }), {
        notification: { type: 'booking_confirmed', booking },
      });
      await this.redirectAfter(booking);
    } catch (error) {
      if (isAbortError(error)) return;
      this.onBookingFailure(error);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Leaves for the booking's `redirect_url` once the success view is shown, unless a
   * `booking-redirect` listener cancels; a URL that is not `http(s)` is reported, never visited.
   */
  private async redirectAfter(booking: RtsBooking): Promise<void> {
    const url = booking.redirect_url;
    if (url === null || url.trim() === '') return;
    if (!isWebUrl(url)) {
      this.fireError({
        kind: 'bad_response',
        message: 'The booking response named a redirect_url that is not an http(s) URL.',
      });
      return;
    }
    this.redirecting = true;
    await this.updateComplete;
    if (this.dispatchEvent(new BookingRedirectEvent({ url, booking }))) this.navigate(url);
    else this.redirecting = false;
  }

  private onBookingFailure(error: unknown): void {
    const s = this.strings!;
    const detail = errorDetail(error);
    this.fireError(detail);
    if (error instanceof RtsConflictError && error.link && error.link.status !== 'open') {
      // Another booking on this very link won: it is used up, so say what was booked.
      this.showClosed(error.link, false);
      return;
    }
    if (error instanceof RtsConflictError) {
      this.slots = error.availableSlots;
      this.conflict = true;
      if (error.availableSlots.length === 0) this.reportNoTimes();
      this.pending = undefined;
      this.step = 'day';
      // The fresh times are laid out in willUpdate; stay on the day if it still has times.
      const days = pickerDays(error.availableSlots, this.zone);
      const sameDay = days.find((d) => d.key === this.dayKeyShown);
      if (sameDay) this.step = 'time';
      this.timeFocus.setActive(0);
      this.focusTarget = 'heading';
      this.announce(`${s.t('rts.conflict_heading')}. ${s.t('rts.conflict_text')}`);
      return;
    }
    if (error instanceof RtsLinkClosedError) {
      if (error.link) this.showClosed(error.link, false);
      else void this.load(false);
      return;
    }
    const problems = serverFieldProblems(
      error instanceof SchedulingError ? error.errors : undefined,
    );
    if (detail.kind === 'invalid_query' && Object.keys(problems).length > 0) {
      this.form.reject(problems);
      this.focusTarget = 'field';
      this.announce(s.t('rts.fix_fields'));
      return;
    }
    if (detail.kind === 'auth') {
      this.phase = 'invalid-link';
      this.focusTarget = 'heading';
      return;
    }
    this.actionError = detail;
    this.retryAction = () => this.submit();
    this.focusTarget = 'retry';
    this.announce(s.t(`errors.${detail.kind}`));
  }

  private readonly declineAll = async (): Promise<void> => {
    const s = this.strings!;
    const signal = this.freshSignal();
    this.busy = true;
    this.actionError = undefined;
    try {
      await this.activeClient().noTimesSuitable({ signal });
      this.step = 'declined';
      this.focusTarget = 'heading';
      this.announce(s.t('rts.none_suitable_heading'));
    } catch (error) {
      if (isAbortError(error)) return;
      const detail = errorDetail(error);
      this.fireError(detail);
      if (error instanceof RtsLinkClosedError && error.link) {
        this.showClosed(error.link, false);
        return;
      }
      this.actionError = detail;
      this.retryAction = () => void this.declineAll();
      this.focusTarget = 'retry';
      this.announce(s.t(`errors.${detail.kind}`));
    } finally {
      this.busy = false;
    }
  };

  /** Drops a chosen day or time the current times no longer hold; keeps the shown month valid. */
  private keepValidChoice(): void {
    const found = this.pending && findTime(this.days, this.pending.start, this.pending.end);
    this.pending = found ? found.time : undefined;
    if (found) this.dayKeyShown = found.day.key;
    else if (this.step === 'confirm') this.step = 'time';
    if (!this.days.some((d) => d.key === this.dayKeyShown)) {
      this.dayKeyShown = undefined;
      if (this.step === 'time' || this.step === 'confirm') this.step = 'day';
    }
    this.monthCalendar.setDays(this.days, this.dayKeyShown);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rts-booking-page': RtsBookingPage;
  }
}
