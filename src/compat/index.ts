/**
 * The options-object API of the reference UI Elements, over our custom elements:
 * `SchedulingElements.AvailabilityViewer(options)` and `SchedulingElements.SlotPicker(options)`
 * create the element, set the mapped properties, mount it into `target_id`, and return an
 * instance with `refresh()`, `update(partial)`, `navigate.next()/prev()` and `destroy()`.
 *
 * Contract: nothing here throws. An unknown or ignored option becomes a `warning` notification
 * (and a `scheduling-warning` event on the element); an invalid one (no target, a wrong type)
 * becomes a configuration error the element shows, with its `error` notification and
 * `scheduling-error` event. `update()` sets properties on the same element in place (never a
 * remount), so a selection that is still valid stays selected.
 */
import '../elements/availability-viewer/define.js';
import '../elements/slot-picker/define.js';
import type { AvailabilityViewer as ViewerElement } from '../elements/availability-viewer/availability-viewer.js';
import { SchedulingWarningEvent } from '../elements/shared/events.js';
import type { Notification } from '../elements/shared/notifications.js';
import type { SchedulingElement } from '../elements/shared/scheduling-element.js';
import type { SlotPicker as PickerElement } from '../elements/slot-picker/slot-picker.js';
import {
  isPlainObject,
  mergedOptions,
  optionChanges,
  type AvailabilityViewerOptions,
  type ElementKind,
  type SlotPickerOptions,
} from './options.js';

export type {
  AvailabilityViewerConfig,
  AvailabilityViewerOptions,
  CommonOptions,
  ReferenceStyles,
  ReferenceTranslations,
  SlotPickerConfig,
  SlotPickerOptions,
} from './options.js';

/** What `AvailabilityViewer(options)` and `SlotPicker(options)` return. */
export interface ElementInstance<E extends HTMLElement, O> {
  /** The element itself, for properties and events beyond the options. */
  readonly element: E;
  /** Asks for fresh data, keeping what is shown until it arrives. */
  refresh(): void;
  /** Applies changed options to the same element; a still-valid selection is kept. */
  update(options: O): void;
  /** Week paging (the viewer); the picker has no pages and returns false. */
  readonly navigate: { next(): boolean; prev(): boolean };
  /** Removes the element from the page; later calls do nothing. */
  destroy(): void;
}

/** The instance of an Availability Viewer. */
export type AvailabilityViewerInstance = ElementInstance<ViewerElement, AvailabilityViewerOptions>;
/** The instance of a Slot Picker. */
export type SlotPickerInstance = ElementInstance<PickerElement, SlotPickerOptions>;

const NAMES: Record<ElementKind, string> = {
  'availability-viewer': 'Availability Viewer',
  'slot-picker': 'Slot Picker',
};

const REDERIVE = Symbol('re-derive');

/** Creates, configures and mounts an element of `kind` from reference options. */
function mount<E extends SchedulingElement, O extends object>(
  kind: ElementKind,
  input: unknown,
): ElementInstance<E, O> {
  const element = document.createElement(kind) as unknown as E;
  const ownProblems = new Set<string>();
  let options: Record<string, unknown> = {};
  let destroyed = false;

  const warn = (message: string) => {
    element.dispatchEvent(new SchedulingWarningEvent({ message }));
    const notification: Notification = {
      notification: { type: 'warning', element: NAMES[kind], message },
    };
    try {
      element.callback?.(notification);
    } catch (error) {
      console.error(`${NAMES[kind]}: the callback threw`, error);
    }
  };

  const report = (option: string, reason: string | undefined) => {
    if (reason === undefined && !ownProblems.has(option)) return;
    if (reason === undefined) ownProblems.delete(option);
    else ownProblems.add(option);
    element.setOptionProblem(option, reason);
    // An update with `query` marked changed (from a value it never had) makes the element
    // re-derive what it shows, also when the problem cleared was the only change.
    element.requestUpdate('query', REDERIVE);
  };

  const apply = (partial: Record<string, unknown>) => {
    const changes = optionChanges(kind, partial);
    const target = element as unknown as Record<string, unknown>;
    for (const [property, value] of changes.properties) target[property] = value;
    for (const [name, value] of changes.cssProperties) element.style.setProperty(name, value);
    // An option checked more than once (its type, then its value) is fine only if every check is.
    const verdicts = new Map<string, string | undefined>();
    for (const [option, reason] of changes.problems)
      verdicts.set(option, verdicts.get(option) ?? reason);
    for (const [option, reason] of verdicts) if (reason !== undefined) report(option, reason);
    if (changes.target !== undefined) {
      const host =
        typeof changes.target === 'string'
          ? document.getElementById(changes.target)
          : changes.target;
      if (host) {
        host.append(element);
        report('target_id', undefined);
      } else {
        report('target_id', `no element with id "${String(changes.target)}" is in the page`);
      }
    }
    for (const [option, reason] of verdicts)
      if (reason === undefined && option !== 'target_id') report(option, undefined);
    for (const message of changes.warnings) warn(message);
  };

  if (isPlainObject(input)) {
    options = input;
    apply(input);
    if (input.target_id === undefined)
      report('target_id', 'required: the id of the element to show it in');
  } else {
    report('target_id', 'required: the options must be an object with a target_id');
  }

  return {
    element,
    refresh: () => {
      if (!destroyed) element.refresh();
    },
    update: (partial: O) => {
      if (destroyed) return;
      if (!isPlainObject(partial)) return warn('update() expects an object of options; ignored.');
      options = mergedOptions(options, partial);
      apply(partial);
    },
    navigate: {
      next: () =>
        !destroyed &&
        kind === 'availability-viewer' &&
        (element as unknown as ViewerElement).next(),
      prev: () =>
        !destroyed &&
        kind === 'availability-viewer' &&
        (element as unknown as ViewerElement).prev(),
    },
    destroy: () => {
      destroyed = true;
      // Answers still on their way find no callback: nothing reaches the app after destroy().
      element.callback = undefined;
      element.remove();
    },
  };
}

/**
 * Shows an `<availability-viewer>` in `options.target_id`, configured by the reference's
 * options. Never throws: problems arrive through `callback` and in the element.
 */
export function AvailabilityViewer(options: AvailabilityViewerOptions): AvailabilityViewerInstance {
  return mount<ViewerElement, AvailabilityViewerOptions>('availability-viewer', options);
}

/**
 * Shows a `<slot-picker>` in `options.target_id`, configured by the reference's options.
 * Never throws: problems arrive through `callback` and in the element.
 */
export function SlotPicker(options: SlotPickerOptions): SlotPickerInstance {
  return mount<PickerElement, SlotPickerOptions>('slot-picker', options);
}

/** The compatible global: `SchedulingElements.AvailabilityViewer(options)`, `.SlotPicker(options)`. */
export const SchedulingElements: {
  AvailabilityViewer: typeof AvailabilityViewer;
  SlotPicker: typeof SlotPicker;
} = { AvailabilityViewer, SlotPicker };
