/**
 * The base every scheduling element extends: the common attributes of the design's public
 * contract and what they resolve to.
 *
 * Contract: after `willUpdate`, `activeTransport` is the injected `.transport`, else the demo
 * transport when `demo` is set, else an `HttpTransport` for (`api-base` or the page's origin,
 * `token`), rebuilt only when one of those changes (an `api-base` that is not an http(s) URL, or
 * a `token` an `Authorization` header cannot carry, becomes a configuration problem naming the
 * attribute while that transport is in use); `zone` is `tzid` or the browser's zone, under the
 * zone's current IANA name (`europe/berlin` gives `Europe/Berlin`, `Asia/Calcutta` gives
 * `Asia/Kolkata`; an invalid `tzid` becomes a configuration problem naming the attribute);
 * `formatters` format in `zone` for the resolved locale; `strings` are the resolved locale's
 * texts with `.translations` on top (undefined only until the first locale module loads, while
 * the old ones stay shown on a switch). Every failure and warning fires its DOM event and the
 * matching `callback` notification together; a throwing callback is logged, never rethrown.
 */
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { isValidZone, zoneName } from '../../core/time.js';
import { apiBaseProblem } from '../../data/api-base.js';
import type { SchedulingErrorDetail as DataErrorDetail } from '../../data/errors.js';
import { HttpTransport } from '../../data/http.js';
import { demoTransport } from '../../data/local.js';
import type { Transport } from '../../data/transport.js';
import {
  formattersFor,
  loadStrings,
  resolveLocale,
  withOverrides,
  type Formatters,
  type Strings,
  type Translations,
} from '../../i18n/index.js';
import { SchedulingErrorEvent, SchedulingWarningEvent } from './events.js';
import type { Notification, NotificationCallback } from './notifications.js';
import { baseStyles } from './styles.js';
import type { ConfigProblem } from './templates.js';

/** The zone the browser runs in. */
export function browserZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Why `tzid` cannot be used, or undefined when it names a zone. */
function zoneProblem(tzid: string): string | undefined {
  return isValidZone(tzid)
    ? undefined
    : `"${tzid}" is not an IANA time zone; use a name such as "Europe/Berlin".`;
}

/** Why `token` cannot travel in an `Authorization` header, or undefined when it can. */
function tokenProblem(token: string): string | undefined {
  // Visible ASCII only: no spaces, line breaks, control or non-ASCII characters.
  return /^[\x21-\x7e]*$/.test(token.trim())
    ? undefined
    : 'it may hold only visible ASCII characters (no spaces, line breaks or accents).';
}

/**
 * Common base of `<availability-viewer>`, `<slot-picker>` and `<rts-booking-page>`.
 * @fires scheduling-error - any failure: config, auth, query, rate limit, network, server
 * @fires scheduling-warning - an unsupported locale or an unknown translation key was ignored
 * @cssprop --se-color-accent - buttons and selection
 * @cssprop --se-color-background - the element's background
 * @cssprop --se-color-text - body text
 * @cssprop --se-color-focus - focus outlines
 */
export abstract class SchedulingElement extends LitElement {
  static override styles = [baseStyles];

  /**
   * The reactive properties, declared here rather than with decorators: the same options, and no
   * decorator code in the bundle.
   */
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    token: {},
    demo: { type: Boolean },
    locale: {},
    tzid: {},
    translations: { attribute: false },
    callback: { attribute: false },
    transport: { attribute: false },
    strings: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** URL the API lives under; the page's origin when empty. */
  apiBase = '';
  /** Element token, sent as `Authorization: Bearer`. */
  token = '';
  /** Answer from the local demo engine, with no network. */
  demo = false;
  /** `en`, `de`, `es`, `fr`, `it` or `nl`; region tags use their language; others show English. */
  locale = '';
  /** IANA zone every time is shown in; the browser's zone when empty. */
  tzid = '';
  /** Per-key text overrides, flat, nested by context, or per locale. */
  translations: Translations | undefined;
  /** Receives every notification in the `{notification: {type, ...}}` shape. */
  callback: NotificationCallback | undefined;
  /** Any object implementing `Transport`; wins over `demo` and `api-base`. */
  transport: Transport | undefined;

  /** The loaded strings of the resolved locale with overrides applied. */
  protected strings: Strings | undefined;
  /** The text the polite live region announces. */
  protected announcement = '';

  /** The zone times are shown in: `tzid` (under its current IANA name), or the browser's zone. */
  protected zone = zoneName(browserZone());
  /** The tag `Intl` formats with. */
  protected formatLocale = 'en';
  /** Date and time formatters for `formatLocale` in `zone`. */
  protected formatters: Formatters = formattersFor('en', this.zone);
  /** The transport requests go through. */
  protected activeTransport!: Transport;

  /** The element's name in `error` and `warning` notifications, e.g. `Slot Picker`. */
  protected abstract readonly notificationName: string;

  private readonly problems = new Map<string, string>();
  private reportedProblems = new Map<string, string>();
  /** Problems of options given to the compatible API, kept apart so no attribute check clears them. */
  private readonly optionProblems = new Map<string, string>();
  private stringsRequest = 0;
  private demoSource: Transport | undefined;

  /** Asks for fresh data, past any cache, keeping what is shown until it arrives. */
  refresh(): void {
    this.reload();
  }

  /** Re-requests the element's data; `refresh()` and Retry call it. */
  protected abstract reload(): void;

  /** Attributes (and options of the compatible API) that currently cannot be used, in the order they were found. */
  protected get configProblems(): ConfigProblem[] {
    return [...this.problems, ...this.optionProblems].map(([attribute, reason]) => ({
      attribute,
      reason,
    }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('transport') ||
      changed.has('demo') ||
      changed.has('apiBase') ||
      changed.has('token') ||
      !this.activeTransport
    ) {
      this.activeTransport = this.resolvedTransport();
      // Only the HTTP transport uses them; a bad one is a configuration problem, not a request.
      const http = !this.transport && !this.demo;
      this.setConfigProblem('api-base', http ? apiBaseProblem(this.apiBase) : undefined);
      this.setConfigProblem('token', http ? tokenProblem(this.token) : undefined);
    }
    if (changed.has('tzid')) {
      const tzid = this.tzid.trim();
      const problem = tzid === '' ? undefined : zoneProblem(tzid);
      this.setConfigProblem('tzid', problem);
      this.zone = zoneName(tzid === '' || problem ? browserZone() : tzid);
    }
    if (changed.has('locale') || changed.has('translations')) {
      this.loadLocale(changed.has('locale'));
    }
    if (changed.has('tzid') || changed.has('locale')) {
      this.formatters = formattersFor(this.formatLocale, this.zone);
    }
  }

  /** Records or clears the problem of `attribute`, firing `scheduling-error` once per new problem. */
  protected setConfigProblem(attribute: string, reason: string | undefined): void {
    if (reason === undefined) {
      this.problems.delete(attribute);
      this.reportedProblems.delete(attribute);
      return;
    }
    this.problems.set(attribute, reason);
    if (this.reportedProblems.get(attribute) === reason) return;
    this.reportedProblems.set(attribute, reason);
    this.fireConfigError(attribute, reason);
  }

  /**
   * Sets or clears (`undefined`) the problem of an option of the compatible API
   * (`src/compat/`), shown and reported like an attribute's; only this method clears it.
   * @internal
   */
  setOptionProblem(option: string, reason: string | undefined): void {
    if (reason === undefined) {
      if (this.optionProblems.delete(option)) this.requestUpdate();
      return;
    }
    if (this.optionProblems.get(option) === reason) return;
    this.optionProblems.set(option, reason);
    this.fireConfigError(option, reason);
    this.requestUpdate();
  }

  /** Fires the `config` failure of an attribute or option that cannot be used. */
  private fireConfigError(attribute: string, reason: string): void {
    this.fireError({
      kind: 'config',
      message: `The ${attribute} attribute is invalid: ${reason}`,
      attribute,
    });
  }

  /** Fires `scheduling-error` and the `error` notification for a failure. */
  protected fireError(detail: DataErrorDetail & { attribute?: string }): void {
    const notification: Notification = {
      notification: {
        type: 'error',
        element: this.notificationName,
        message: detail.message,
        ...(detail.errors ? { errors: detail.errors } : {}),
      },
    };
    this.fireEvent(new SchedulingErrorEvent(detail), notification);
  }

  /** Fires `scheduling-warning` and the `warning` notification. */
  protected fireWarning(message: string, attribute?: string): void {
    this.fireEvent(new SchedulingWarningEvent(attribute ? { message, attribute } : { message }), {
      notification: { type: 'warning', element: this.notificationName, message },
    });
  }

  /** Dispatches `event` and hands `notification` to `callback`. */
  protected fireEvent(event: Event, notification: Notification): void {
    this.dispatchEvent(event);
    if (!this.callback) return;
    try {
      this.callback(notification);
    } catch (error) {
      console.error(`${this.notificationName}: the callback threw`, error);
    }
  }

  /** Announces `text` in the polite live region, even when it repeats the last announcement. */
  protected announce(text: string): void {
    // A changed string is what makes screen readers speak again.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private resolvedTransport(): Transport {
    if (this.transport) return this.transport;
    if (this.demo) return (this.demoSource ??= demoTransport());
    const apiBase = this.apiBase.trim() || globalThis.location?.origin || '';
    return new HttpTransport({ apiBase, token: this.token });
  }

  private loadLocale(localeChanged: boolean): void {
    const resolved = resolveLocale(this.locale);
    if (resolved.warning && localeChanged) this.fireWarning(resolved.warning, 'locale');
    this.formatLocale = resolved.formatLocale;
    const request = ++this.stringsRequest;
    loadStrings(resolved.locale).then(
      (loaded) => {
        if (request !== this.stringsRequest) return;
        const strings = withOverrides(loaded, this.translations);
        for (const warning of strings.warnings) this.fireWarning(warning, 'translations');
        this.strings = strings;
      },
      (error: unknown) => {
        if (request !== this.stringsRequest) return;
        this.fireError({
          kind: 'network',
          message: `The ${resolved.locale} strings could not be loaded: ${String(error)}`,
        });
        if (!this.strings) {
          void loadStrings('en').then(
            (en) => (this.strings = withOverrides(en, this.translations)),
          );
        }
      },
    );
  }
}
