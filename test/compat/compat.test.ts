/**
 * The options-object API as an app that used the reference calls it:
 * `SchedulingElements.SlotPicker({...})` / `.AvailabilityViewer({...})` with the reference's
 * option names, its notifications through `callback`, and the returned instance.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { SchedulingElements } from '../../src/index.js';
import type { Notification } from '../../src/elements/shared/notifications.js';
import { SlotPickerObject } from '../elements/slot-picker-object.js';
import { ViewerObject } from '../elements/availability-viewer-object.js';

type Received = Notification['notification'] & Record<string, unknown>;

/** A target in the page, and a callback that records what it receives. */
function setup(id = 'target'): {
  target: HTMLElement;
  received: Received[];
  callback: (n: Notification) => void;
} {
  const target = document.createElement('div');
  target.id = id;
  target.style.width = '900px';
  document.body.append(target);
  const received: Received[] = [];
  return { target, received, callback: (n) => received.push(n.notification as Received) };
}

const ofType = (received: Received[], type: string) => received.filter((n) => n.type === type);

const demoQuery = (days = 3) => {
  const start = new Date(Date.UTC(2026, 11, 1, 0, 0));
  return {
    participants: [
      { members: [{ sub: 'acc_demo_ada' }, { sub: 'acc_demo_dagny' }], required: 'all' as const },
    ],
    required_duration: { minutes: 30 },
    query_periods: Array.from({ length: days }, (_, i) => ({
      start: new Date(start.getTime() + i * 86_400_000 + 8 * 3_600_000)
        .toISOString()
        .replace('.000', ''),
      end: new Date(start.getTime() + i * 86_400_000 + 18 * 3_600_000)
        .toISOString()
        .replace('.000', ''),
    })),
  };
};

afterEach(() => {
  for (const el of document.querySelectorAll('#target, #other')) el.remove();
});

describe('SchedulingElements.SlotPicker(options)', () => {
  it('mounts into target_id with the mapped options and reports selections through callback', async () => {
    const { target, received, callback } = setup();
    const instance = SchedulingElements.SlotPicker({
      element_token: 'et_demo',
      target_id: 'target',
      demo: true,
      availability_query: demoQuery(),
      tzid: 'Europe/Berlin',
      locale: 'en',
      config: { mode: 'no_confirm', layout: 'list' },
      callback,
    });
    expect(instance.element.parentElement).to.equal(target);
    expect(instance.element.localName).to.equal('slot-picker');
    expect(instance.element.token).to.equal('et_demo');
    expect(instance.element.tzid).to.equal('Europe/Berlin');
    expect(instance.element.mode).to.equal('no_confirm');
    const picker = new SlotPickerObject(instance.element);
    await picker.settled();
    await picker.clickDayAt(0);
    await picker.clickTimeAt(0);
    const [selected] = ofType(received, 'slot_selected');
    expect(selected, 'slot_selected notification').to.not.equal(undefined);
    expect((selected!.slot as { start: string }).start).to.match(/^2026-12-01T\d\d:\d\d:00Z$/);
    expect(ofType(received, 'error')).to.deep.equal([]);
    expect(ofType(received, 'warning')).to.deep.equal([]);
  });

  it('accepts the target element itself', async () => {
    const { target } = setup();
    const instance = SchedulingElements.SlotPicker({ target_id: target, demo: true });
    expect(instance.element.parentElement).to.equal(target);
  });

  it('update() sets properties on the same element and keeps a still-valid selection', async () => {
    const { target, received, callback } = setup();
    const instance = SchedulingElements.SlotPicker({
      target_id: 'target',
      demo: true,
      availability_query: demoQuery(),
      tzid: 'Europe/London',
      config: { mode: 'no_confirm' },
      callback,
    });
    const element = instance.element;
    const picker = new SlotPickerObject(element);
    await picker.settled();
    await picker.clickDayAt(0);
    await picker.clickTimeAt(1);
    const chosen = element.selectedSlot;
    expect(chosen).to.not.equal(undefined);
    instance.update({ locale: 'de', tzid: 'Asia/Tokyo' });
    await element.updateComplete;
    await picker.settled();
    expect(target.querySelector('slot-picker')).to.equal(element);
    expect(element.locale).to.equal('de');
    expect(element.tzid).to.equal('Asia/Tokyo');
    expect(element.selectedSlot).to.deep.equal(chosen);
    expect(ofType(received, 'error')).to.deep.equal([]);
  });

  it('maps reference translations onto our keys and warns about keys it does not know', async () => {
    const { received, callback } = setup();
    const instance = SchedulingElements.SlotPicker({
      target_id: 'target',
      demo: true,
      availability_query: demoQuery(),
      locale: 'de',
      translations: {
        de: {
          slot_picker: { select_day: 'Tag auswählen, bitte' },
          global: { no_such_key: 'x' },
        },
      },
      callback,
    });
    const picker = new SlotPickerObject(instance.element);
    await picker.settled();
    await waitUntil(
      () => picker.heading === 'Tag auswählen, bitte',
      `heading is ${picker.heading}`,
    );
    const warnings = ofType(received, 'warning').map((n) => n.message as string);
    expect(warnings.some((m) => m.includes('no_such_key'))).to.equal(true, warnings.join('; '));
  });

  it('maps styles.colors onto --se-* properties and warns about styles.prefix and unknown colours', () => {
    const { received, callback } = setup();
    const instance = SchedulingElements.SlotPicker({
      target_id: 'target',
      demo: true,
      callback,
      styles: {
        prefix: 'custom-name',
        colors: {
          buttonActive: 'rgb(1, 2, 3)',
          buttonActiveText: '#fff',
          background: '#eee',
          sparkle: 'gold',
        },
      },
    });
    const style = instance.element.style;
    expect(style.getPropertyValue('--se-color-accent')).to.equal('rgb(1, 2, 3)');
    expect(style.getPropertyValue('--se-color-accent-text')).to.equal('#fff');
    expect(style.getPropertyValue('--se-color-background')).to.equal('#eee');
    const warnings = ofType(received, 'warning').map((n) => n.message as string);
    expect(warnings.some((m) => m.includes('styles.prefix'))).to.equal(true);
    expect(warnings.some((m) => m.includes('styles.colors.sparkle'))).to.equal(true);
  });

  it('warns about unknown options and maps api_domain and data_center onto api-base', () => {
    const { received, callback } = setup();
    const a = SchedulingElements.SlotPicker({
      target_id: 'target',
      callback,
      api_domain: 'https://api.example.com',
      // @ts-expect-error: not an option of the reference either
      colour: 'red',
      config: { logs: 'info', timezone: 'UTC' } as never,
    });
    expect(a.element.apiBase).to.equal('https://api.example.com');
    const warnings = ofType(received, 'warning').map((n) => n.message as string);
    expect(warnings).to.include('Unknown option "colour" ignored.');
    expect(warnings).to.include('Unknown option "config.timezone" ignored.');
    expect(warnings.some((m) => m.includes('logs'))).to.equal(false);
    a.destroy();
    const b = SchedulingElements.SlotPicker({ target_id: 'target', data_center: 'de' });
    expect(b.element.apiBase).to.equal('https://api-de.cronofy.com');
  });

  it('reports a missing target without throwing, and mounts once update() names one', async () => {
    const { target, received, callback } = setup();
    const instance = SchedulingElements.SlotPicker({ target_id: 'nowhere', demo: true, callback });
    expect(instance.element.isConnected).to.equal(false);
    const errors = ofType(received, 'error');
    expect(errors).to.have.length(1);
    expect(errors[0]!.element).to.equal('Slot Picker');
    expect(errors[0]!.message).to.contain('target_id');
    expect(errors[0]!.message).to.contain('nowhere');
    instance.update({ target_id: 'target' });
    expect(instance.element.parentElement).to.equal(target);
    const picker = new SlotPickerObject(instance.element);
    await picker.settled();
    expect(picker.configError).to.equal('');
    expect(picker.days.length).to.be.greaterThan(0);

    const none = ofType(received, 'error').length;
    expect(() => SchedulingElements.SlotPicker(undefined as never)).not.to.throw();
    expect(() => SchedulingElements.SlotPicker({ callback } as never)).not.to.throw();
    expect(ofType(received, 'error').length).to.equal(none + 1);
  });

  it('shows a configuration error for an option of the wrong type, cleared by a valid update', async () => {
    const { received, callback } = setup();
    const instance = SchedulingElements.SlotPicker({
      target_id: 'target',
      demo: true,
      callback,
      config: { mode: 42 as never },
    });
    const picker = new SlotPickerObject(instance.element);
    await picker.settled();
    expect(picker.configError).to.contain('config.mode');
    const errors = ofType(received, 'error');
    expect(errors).to.have.length(1);
    expect(errors[0]!.message).to.contain('config.mode');
    instance.update({ config: { mode: 'no_confirm' } });
    await picker.settled();
    expect(picker.configError).to.equal('');
    expect(picker.days.length).to.be.greaterThan(0);
  });

  for (const [label, bad, good] of [
    ['locale', { locale: 5 }, { locale: 'en' }],
    ['config.interval', { config: { interval: 'x' } }, { config: { interval: 15 } }],
    ['config.mode', { config: { mode: 5 } }, { config: { mode: 'confirm' } }],
    ['tzid', { tzid: 5 }, { tzid: 'Europe/London' }],
    ['styles', { styles: 'x' }, { styles: {} }],
    ['data_center', { data_center: 'zz' }, { data_center: 'uk' }],
  ] as const) {
    it(`viewer: a bad ${label} from the start is shown until a valid update() clears it, even to the value it had`, async () => {
      const { received, callback } = setup();
      const requests: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input, init) => {
        requests.push(String(input));
        return realFetch(input, init);
      };
      try {
        const instance = SchedulingElements.AvailabilityViewer({
          target_id: 'target',
          ...(label === 'data_center' ? { element_token: 'et_x' } : { demo: true }),
          availability_query: demoQuery(),
          callback,
          ...bad,
        } as never);
        const view = new ViewerObject(instance.element);
        const configError = () =>
          instance.element.shadowRoot!.querySelector('[part~="config-error"]')?.textContent ?? '';
        await waitUntil(() => configError().includes(label), `no error naming ${label}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(configError(), 'still shown after the first render').to.include(label);
        expect(ofType(received, 'error').map((e) => e.message)).to.have.length(1);
        expect(requests, 'nothing asked while misconfigured').to.deep.equal([]);
        if (label === 'data_center') return;
        instance.update(good as never);
        await waitUntil(() => configError() === '', 'the error stays');
        await view.loaded();
        expect(view.days().length).to.be.greaterThan(0);
      } finally {
        window.fetch = realFetch;
      }
    });
  }

  it('sends nothing to the callback after destroy(), also for answers on their way', async () => {
    const { received, callback } = setup();
    const instance = SchedulingElements.AvailabilityViewer({
      target_id: 'target',
      demo: true,
      availability_query: demoQuery(),
      callback,
    });
    instance.navigate.next();
    instance.destroy();
    const before = received.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.slice(before)).to.deep.equal([]);
    expect(instance.element.isConnected).to.equal(false);
  });

  it('can be called with new, as some apps call the reference', () => {
    const { target } = setup();
    const Picker = SchedulingElements.SlotPicker as unknown as new (o: object) => {
      element: HTMLElement;
    };
    const instance = new Picker({ target_id: 'target', demo: true });
    expect(instance.element.parentElement).to.equal(target);
  });

  it('shows a configuration error when callback is not a function', async () => {
    setup();
    const instance = SchedulingElements.SlotPicker({
      target_id: 'target',
      demo: true,
      callback: 'onPick' as never,
    });
    const picker = new SlotPickerObject(instance.element);
    await picker.settled();
    expect(picker.configError).to.contain('callback');
  });

  it('destroy() removes the element; later calls do nothing', async () => {
    const { target } = setup();
    const instance = SchedulingElements.SlotPicker({ target_id: 'target', demo: true });
    instance.destroy();
    expect(target.children).to.have.length(0);
    expect(() => {
      instance.refresh();
      instance.update({ locale: 'fr' });
    }).not.to.throw();
    expect(instance.element.locale).to.equal('');
    expect(instance.navigate.next()).to.equal(false);
  });
});

describe('SchedulingElements.AvailabilityViewer(options)', () => {
  it('maps config onto the viewer and pages with navigate', async () => {
    const { target, received, callback } = setup();
    const instance = SchedulingElements.AvailabilityViewer({
      target_id: 'target',
      demo: true,
      availability_query: demoQuery(10),
      tzid: 'Europe/London',
      config: {
        mode: 'multi_select',
        start_time: '08:00',
        end_time: '18:00',
        interval: 30,
        week_start_day: 'monday',
        slot_selection: 'available',
        bounds_control: false,
        allow_expansion: true,
        max_selection_count: 3,
      },
      styles: { colors: { available: 'rgb(0, 128, 0)', unavailable: 'rgb(200, 200, 200)' } },
      callback,
    });
    const viewer = new ViewerObject(instance.element);
    expect(instance.element.parentElement).to.equal(target);
    const el = instance.element;
    expect([el.mode, el.startTime, el.endTime, el.interval, el.weekStartDay]).to.deep.equal([
      'multi_select',
      '08:00',
      '18:00',
      30,
      'monday',
    ]);
    expect([el.allowExpansion, el.boundsControl, el.maxSelectionCount]).to.deep.equal([
      true,
      false,
      3,
    ]);
    expect(el.style.getPropertyValue('--se-color-available')).to.equal('rgb(0, 128, 0)');
    await viewer.loaded();
    expect(viewer.rowKeys()[0]).to.equal('08:00');
    const first = ofType(received, 'displayed_dates_changed')[0]!;
    expect(first.firstDay).to.equal('2026-11-30');
    expect(instance.navigate.next()).to.equal(true);
    await viewer.loaded();
    const last = ofType(received, 'displayed_dates_changed').at(-1)!;
    expect(last.firstDay).to.equal('2026-12-07');
    expect(instance.navigate.prev()).to.equal(true);
    await viewer.loaded();
    expect(ofType(received, 'displayed_dates_changed').at(-1)!.firstDay).to.equal('2026-11-30');
    expect(ofType(received, 'error')).to.deep.equal([]);
  });

  /** A loaded multi-select viewer with one available cell selected. */
  async function viewerWithSelection() {
    const { target, received, callback } = setup();
    const instance = SchedulingElements.AvailabilityViewer({
      target_id: 'target',
      demo: true,
      availability_query: demoQuery(5),
      tzid: 'Europe/London',
      config: { mode: 'multi_select', start_time: '08:00', end_time: '18:00', interval: 30 },
      callback,
    });
    const viewer = new ViewerObject(instance.element);
    await viewer.loaded();
    const available = viewer.cells().filter((c) => c.classList.contains('available'));
    expect(available.length).to.be.greaterThan(0);
    await viewer.click(available[0]!);
    expect(ofType(received, 'slot_added')).to.have.length(1);
    expect(instance.element.selectedSlots).to.have.length(1);
    return { target, instance, viewer, selection: instance.element.selectedSlots };
  }

  it('update() of locale and zone keeps the selection, on the same element', async () => {
    const { target, instance, viewer, selection } = await viewerWithSelection();
    instance.update({ locale: 'fr', tzid: 'Europe/Paris' });
    await viewer.loaded();
    expect(target.querySelector('availability-viewer')).to.equal(instance.element);
    expect(instance.element.selectedSlots).to.deep.equal(selection);
    expect(viewer.cellsIn('selected').length).to.be.greaterThan(0);
  });

  it('update() of the visible hours keeps the selection, on the same element', async () => {
    const { target, instance, viewer, selection } = await viewerWithSelection();
    instance.update({ config: { start_time: '07:00' } });
    await viewer.loaded();
    expect(target.querySelector('availability-viewer')).to.equal(instance.element);
    expect(viewer.rowKeys()[0]).to.equal('07:00');
    expect(instance.element.selectedSlots).to.deep.equal(selection);
    expect(viewer.cellsIn('selected').length).to.be.greaterThan(0);
  });

  it('shows the grid once update() fixes the only problem, a callback that was not a function', async () => {
    setup();
    const instance = SchedulingElements.AvailabilityViewer({
      target_id: 'target',
      demo: true,
      callback: 42 as never,
    });
    const viewer = new ViewerObject(instance.element);
    await viewer.loaded();
    expect(viewer.part('config-error')?.textContent).to.contain('callback');
    const received: Notification[] = [];
    instance.update({ callback: (n) => received.push(n) });
    await viewer.loaded();
    expect(viewer.part('config-error')).to.equal(null);
    expect(viewer.cells().length).to.be.greaterThan(0);
  });

  it('shows a configuration error for a bad type and fires the error notification', async () => {
    const { received, callback } = setup();
    const instance = SchedulingElements.AvailabilityViewer({
      target_id: 'target',
      demo: true,
      callback,
      config: { interval: '30' as never, allow_expansion: 'yes' as never },
    });
    const viewer = new ViewerObject(instance.element);
    await viewer.loaded();
    const shown = viewer.part('config-error')?.textContent ?? '';
    expect(shown).to.contain('config.interval');
    expect(shown).to.contain('config.allow_expansion');
    expect(
      ofType(received, 'error')
        .map((n) => n.message as string)
        .join(' '),
    ).to.contain('config.interval');
    instance.update({ config: { interval: 30, allow_expansion: true } });
    await viewer.loaded();
    expect(viewer.part('config-error')).to.equal(null);
    expect(viewer.cells().length).to.be.greaterThan(0);
  });
});
