/**
 * The demo page's organiser panel: stands in for an application that makes booking links and
 * receives their webhooks, so the whole real-time scheduling loop can be tried in one browser.
 *
 * Contract: exports nothing; when loaded, renders into `<section id="organiser-panel">` (if the
 * page has one) a form (summary, duration, demo people to include, which recipient fields to
 * ask for) that POSTs `/demo/organiser/links` (`{id, url}` back), shows the link and opens it in
 * a new tab, and polls `GET /demo/organiser/webhooks` every 2 s to list received webhooks with
 * a verified/unverified badge. Text from the server is rendered through Lit bindings only; the
 * panel's styles are an adopted stylesheet, so a strict CSP needs no `unsafe-inline`.
 */
import { css, html, nothing, render, type TemplateResult } from 'lit';
import { DEMO_PEOPLE } from '../src/data/demo-calendars.js';

type FieldRule = 'required' | 'optional' | 'off';
type FieldName = 'name' | 'email' | 'note';

/** A webhook as `GET /demo/organiser/webhooks` lists it. */
interface Webhook {
  id: string;
  received_at: string;
  type: string | null;
  verified: boolean;
  body: unknown;
}

const POLL_MS = 2000;
const DURATIONS = [15, 30, 45, 60, 90];
const FIELD_LABELS: Record<FieldName, string> = { name: 'Name', email: 'Email', note: 'Note' };

const styles = css`
  #organiser-panel {
    display: grid;
    gap: 1rem;
    grid-column: 1 / -1;
    min-width: 0;
  }
  #organiser-panel > * {
    max-width: 48rem;
  }
  #organiser-panel label {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  #organiser-panel fieldset {
    min-width: 0;
  }
  #organiser-panel .link a,
  #organiser-panel code {
    overflow-wrap: anywhere;
  }
  #organiser-panel form {
    display: grid;
    gap: 0.75rem;
  }
  #organiser-panel fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }
  #organiser-panel .problem {
    color: #b42318;
  }
  #organiser-panel .badge {
    display: inline-block;
    padding: 0 0.4rem;
    border-radius: 0.25rem;
    font-size: 0.8125em;
    font-weight: 600;
  }
  #organiser-panel .badge.verified {
    background: #d1fadf;
    color: #05603a;
  }
  #organiser-panel .badge.unverified {
    background: #fee4e2;
    color: #912018;
  }
  #organiser-panel pre {
    overflow: auto;
    max-height: 16rem;
    font-size: 0.8125em;
  }
`;

/** What the panel shows. */
const state = {
  summary: 'Intro call',
  duration: 30,
  subs: new Set<string>([DEMO_PEOPLE[0]!.sub]),
  fields: { name: 'required', email: 'required', note: 'optional' } as Record<FieldName, FieldRule>,
  creating: false,
  link: undefined as { id: string; url: string } | undefined,
  problem: '',
  webhooks: [] as Webhook[],
  webhookProblem: '',
};

/** The webhooks of a parsed body, or undefined when it is not the expected shape. */
function webhooksOf(body: unknown): Webhook[] | undefined {
  const list = (body as { webhooks?: unknown } | null)?.webhooks;
  if (!Array.isArray(list)) return undefined;
  const valid = list.every(
    (w: Partial<Webhook> | null) =>
      typeof w?.id === 'string' &&
      typeof w.received_at === 'string' &&
      typeof w.verified === 'boolean' &&
      (w.type === null || typeof w.type === 'string'),
  );
  return valid ? (list as Webhook[]) : undefined;
}

/** A one-line reason from a 422 body (`summary: required`), or the status. */
function problemOf(status: number, body: unknown): string {
  const errors = (body as { errors?: Record<string, { description?: string }[]> } | null)?.errors;
  if (errors && typeof errors === 'object') {
    const lines = Object.entries(errors).map(
      ([field, list]) => `${field}: ${list.map((e) => e.description ?? '').join(', ')}`,
    );
    if (lines.length) return lines.join('; ');
  }
  return `The demo organiser answered ${status}.`;
}

async function createLink(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  if (state.creating) return;
  if (state.subs.size === 0) {
    state.problem = 'Choose at least one person to book with.';
    update();
    return;
  }
  state.creating = true;
  state.problem = '';
  update();
  // Opened now, inside the click, so pop-up blockers allow it; pointed at the link once made.
  const tab = window.open('', '_blank');
  try {
    const response = await fetch('/demo/organiser/links', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        summary: state.summary,
        duration: state.duration,
        subs: [...state.subs],
        fields: state.fields,
      }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    const made = body as { id?: unknown; url?: unknown } | undefined;
    if (response.status !== 201 && response.status !== 200) {
      state.problem = problemOf(response.status, body);
      tab?.close();
    } else if (typeof made?.id !== 'string' || typeof made.url !== 'string') {
      state.problem = 'The demo organiser answered without a link.';
      tab?.close();
    } else {
      state.link = { id: made.id, url: made.url };
      if (tab) {
        tab.opener = null;
        tab.location.href = made.url;
      }
    }
  } catch (error) {
    tab?.close();
    state.problem = `The link could not be made: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    state.creating = false;
    update();
  }
}

async function pollWebhooks(): Promise<void> {
  try {
    const response = await fetch('/demo/organiser/webhooks', {
      headers: { Accept: 'application/json' },
    });
    const list = webhooksOf(await response.json().catch(() => undefined));
    if (!response.ok || !list) {
      state.webhookProblem = `Webhooks could not be read (HTTP ${response.status}).`;
    } else {
      state.webhooks = list;
      state.webhookProblem = '';
    }
  } catch (error) {
    state.webhookProblem = `Webhooks could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  update();
}

function toggleSub(sub: string, on: boolean): void {
  if (on) state.subs.add(sub);
  else state.subs.delete(sub);
  update();
}

function form(): TemplateResult {
  return html`<form @submit=${createLink}>
    <label
      >Summary
      <input
        name="summary"
        required
        .value=${state.summary}
        @input=${(e: Event) => (state.summary = (e.target as HTMLInputElement).value)}
    /></label>
    <label
      >Duration
      <select
        name="duration"
        @change=${(e: Event) => (state.duration = Number((e.target as HTMLSelectElement).value))}
      >
        ${DURATIONS.map(
          (m) => html`<option value=${m} ?selected=${m === state.duration}>${m} minutes</option>`,
        )}
      </select>
    </label>
    <fieldset>
      <legend>Book with (everyone chosen must be free)</legend>
      ${DEMO_PEOPLE.map(
        (p) =>
          html`<label
            ><input
              type="checkbox"
              name="subs"
              value=${p.sub}
              .checked=${state.subs.has(p.sub)}
              @change=${(e: Event) => toggleSub(p.sub, (e.target as HTMLInputElement).checked)}
            />
            ${p.name} (${p.tzid})</label
          >`,
      )}
    </fieldset>
    <fieldset>
      <legend>Ask the recipient for</legend>
      ${(Object.keys(FIELD_LABELS) as FieldName[]).map(
        (name) =>
          html`<label
            >${FIELD_LABELS[name]}
            <select
              name=${`field-${name}`}
              @change=${(e: Event) =>
                (state.fields[name] = (e.target as HTMLSelectElement).value as FieldRule)}
            >
              ${(['required', 'optional', 'off'] as const).map(
                (rule) =>
                  html`<option value=${rule} ?selected=${state.fields[name] === rule}>
                    ${rule}
                  </option>`,
              )}
            </select></label
          >`,
      )}
    </fieldset>
    <button type="submit" ?disabled=${state.creating}>
      ${state.creating ? 'Making the link…' : 'Make a booking link and open it'}
    </button>
    ${state.problem ? html`<p class="problem" role="alert">${state.problem}</p>` : nothing}
  </form>`;
}

function linkView(): TemplateResult | typeof nothing {
  const link = state.link;
  if (!link) return nothing;
  return html`<p class="link" role="status">
    Link <code>${link.id}</code>:
    <a href=${link.url} target="_blank" rel="noopener noreferrer">${link.url}</a>
  </p>`;
}

function webhooksView(): TemplateResult {
  return html`<h3>Webhooks received</h3>
    ${state.webhookProblem ? html`<p class="problem">${state.webhookProblem}</p>` : nothing}
    ${
      state.webhooks.length === 0
        ? html`<p>None yet: book a time on a link, or say none of the times work.</p>`
        : html`<ul class="webhooks">
            ${state.webhooks.map(
              (w) =>
                html`<li>
                  <span class="badge ${w.verified ? 'verified' : 'unverified'}"
                    >${w.verified ? 'verified' : 'unverified'}</span
                  >
                  <strong>${w.type ?? 'unknown type'}</strong>
                  <time datetime=${w.received_at}>${new Date(w.received_at).toLocaleString()}</time>
                  <details>
                    <summary>Body</summary>
                    <pre>${JSON.stringify(w.body, null, 2)}</pre>
                  </details>
                </li>`,
            )}
          </ul>`
    }`;
}

let container: HTMLElement | null = null;

function update(): void {
  if (!container) return;
  render(
    html`<h2>Organiser</h2>
      ${form()} ${linkView()} ${webhooksView()}`,
    container,
  );
}

container = document.getElementById('organiser-panel');
if (container) {
  if (styles.styleSheet) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles.styleSheet];
  }
  update();
  void pollWebhooks();
  setInterval(() => void pollWebhooks(), POLL_MS);
}
