/**
 * `<se-time-zone-select>`: a searchable zone chooser following the WAI-ARIA combobox pattern
 * (an editable input that filters a listbox popup, `aria-activedescendant` for the active
 * option). Side-effect free: registration lives in the elements' `define` modules.
 *
 * Contract: `value` is an IANA id; focusing the field selects its text, so typing starts a search; choosing an option (Enter or click) fires a non-composed
 * `zone-change` event with `{zone}` and closes the list; Escape closes without choosing and
 * stops there, so a host's own Escape handling does not also run.
 */
import {
  LitElement,
  css,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { isValidZone, offsetLabel } from '../../core/time.js';
import { baseStyles } from './styles.js';
import { matchingZoneOptions, zoneLabel, zoneOptions, type ZoneOption } from './time-zones.js';

/** Detail of `zone-change`. */
export interface ZoneChangeDetail {
  zone: string;
}

/**
 * A searchable list of time zones, current zone first, with offsets.
 * @fires zone-change - a zone was chosen; detail `{zone}`
 * @csspart input - the search field
 * @csspart listbox - the popup list
 * @csspart option - each zone in the list
 */
export class TimeZoneSelect extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: relative;
        background: transparent;
      }
      label {
        display: block;
        font-size: 0.875em;
        color: var(--_muted);
      }
      input {
        width: 100%;
        min-height: 2.5rem;
        padding: 0 var(--_space);
        font: inherit;
        color: inherit;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      [role='listbox'] {
        position: absolute;
        z-index: 1;
        inset-inline: 0;
        max-height: 16rem;
        overflow-y: auto;
        margin: 2px 0 0;
        padding: 0;
        list-style: none;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      [role='option'] {
        padding: calc(var(--_space) * 0.5) var(--_space);
        cursor: pointer;
      }
      [role='option'].active {
        background: var(--_surface);
        outline: 2px solid var(--_focus);
        outline-offset: -2px;
      }
      [role='option'][aria-selected='true'] {
        font-weight: 600;
      }
    `,
  ];

  /** The reactive properties, declared without decorators. */
  static override properties: PropertyDeclarations = {
    value: {},
    label: {},
    placeholder: {},
    now: { type: Number },
    open: { state: true, attribute: false },
    search: { state: true, attribute: false },
    active: { state: true, attribute: false },
  };

  /** The chosen zone's IANA id. */
  value = 'UTC';
  /** The field's visible label ("Time zone"). */
  label = 'Time zone';
  /** The field's placeholder ("Search time zones"). */
  placeholder = '';
  /** The instant offsets are shown for (UTC epoch ms); the current time by default. */
  now: number | undefined;

  private open = false;
  private search = '';
  private active = 0;

  /** The search field, once rendered. */
  private get input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }

  private options: readonly ZoneOption[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (this.open && (changed.has('search') || changed.has('open') || changed.has('value'))) {
      this.options = matchingZoneOptions(
        zoneOptions(this.value, this.now ?? Date.now()),
        this.search,
      );
      if (this.active >= this.options.length) this.active = Math.max(0, this.options.length - 1);
    }
  }

  protected override updated(): void {
    if (this.open) {
      this.renderRoot.querySelector('[role="option"].active')?.scrollIntoView({ block: 'nearest' });
    }
  }

  protected override render(): TemplateResult {
    const active = this.open ? this.options[this.active] : undefined;
    const shown = isValidZone(this.value)
      ? zoneLabel(this.value, offsetLabel(this.now ?? Date.now(), this.value))
      : this.value;
    return html`<label for="input">${this.label}</label>
      <input
        id="input"
        part="input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-controls="listbox"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-activedescendant=${active ? `zone-${this.active}` : nothing}
        placeholder=${this.placeholder}
        .value=${this.open ? this.search : shown}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
        @click=${this.openList}
        @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
        @blur=${this.close}
      />
      <ul id="listbox" role="listbox" part="listbox" aria-label=${this.label} ?hidden=${!this.open}>
        ${
          this.open
            ? this.options.map(
                (o, i) =>
                  html`<li
                    id="zone-${i}"
                    role="option"
                    part="option"
                    class=${i === this.active ? 'active' : ''}
                    aria-selected=${o.id === this.value ? 'true' : 'false'}
                    @mousedown=${(e: Event) => e.preventDefault()}
                    @click=${() => this.choose(o.id)}
                  >
                    ${o.label}
                  </li>`,
              )
            : nothing
        }
      </ul>`;
  }

  private openList(): void {
    if (this.open) return;
    this.search = '';
    this.open = true;
    this.active = 0;
  }

  private close(): void {
    this.open = false;
  }

  private onInput(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    this.open = true;
    this.active = 0;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const last = this.options.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        if (!this.open) this.openList();
        else this.active = Math.min(last, this.active + 1);
        break;
      case 'ArrowUp':
        if (!this.open) this.openList();
        else this.active = Math.max(0, this.active - 1);
        break;
      case 'PageDown':
        if (!this.open) return;
        this.active = Math.min(last, this.active + 10);
        break;
      case 'PageUp':
        if (!this.open) return;
        this.active = Math.max(0, this.active - 10);
        break;
      case 'Enter': {
        const option = this.open ? this.options[this.active] : undefined;
        if (!option) return;
        this.choose(option.id);
        break;
      }
      case 'Escape':
        if (!this.open) return;
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  private choose(zone: string): void {
    this.open = false;
    this.search = '';
    if (zone !== this.value) {
      this.value = zone;
      this.dispatchEvent(new CustomEvent<ZoneChangeDetail>('zone-change', { detail: { zone } }));
    }
    this.input?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'se-time-zone-select': TimeZoneSelect;
  }
  interface HTMLElementEventMap {
    'zone-change': CustomEvent<ZoneChangeDetail>;
  }
}
