import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml } from 'lit';
import { nextFocusedCell, type GridKeyPress } from '../../src/controllers/grid-keys.js';
import { RovingGridController } from '../../src/controllers/roving-grid.js';

describe('grid keys: next focused cell', () => {
  const shape = { columns: 7, rows: 32, hasPrev: true, hasNext: true };
  const first = { ...shape, hasPrev: false };
  const last = { ...shape, hasNext: false };
  const cases: [
    string,
    { column: number; row: number },
    GridKeyPress,
    typeof shape,
    string | undefined,
    boolean?,
  ][] = [
    ['down a row', { column: 2, row: 5 }, { key: 'ArrowDown' }, shape, '2,6,0'],
    ['up a row', { column: 2, row: 5 }, { key: 'ArrowUp' }, shape, '2,4,0'],
    ['up stops at the first row', { column: 2, row: 0 }, { key: 'ArrowUp' }, shape, '2,0,0'],
    ['down stops at the last row', { column: 2, row: 31 }, { key: 'ArrowDown' }, shape, '2,31,0'],
    ['right a day', { column: 2, row: 5 }, { key: 'ArrowRight' }, shape, '3,5,0'],
    ['left a day', { column: 2, row: 5 }, { key: 'ArrowLeft' }, shape, '1,5,0'],
    [
      'right past the last day: next week',
      { column: 6, row: 5 },
      { key: 'ArrowRight' },
      shape,
      '0,5,1',
    ],
    [
      'left past the first day: previous week',
      { column: 0, row: 5 },
      { key: 'ArrowLeft' },
      shape,
      '6,5,-1',
    ],
    ['left at the first week stays', { column: 0, row: 5 }, { key: 'ArrowLeft' }, first, '0,5,0'],
    ['right at the last week stays', { column: 6, row: 5 }, { key: 'ArrowRight' }, last, '6,5,0'],
    ['Home: first day of the row', { column: 4, row: 5 }, { key: 'Home' }, shape, '0,5,0'],
    ['End: last day of the row', { column: 1, row: 5 }, { key: 'End' }, shape, '6,5,0'],
    [
      'Ctrl+Home: first cell',
      { column: 4, row: 5 },
      { key: 'Home', ctrlKey: true },
      shape,
      '0,0,0',
    ],
    ['Ctrl+End: last cell', { column: 1, row: 5 }, { key: 'End', ctrlKey: true }, shape, '6,31,0'],
    ['PageDown: same cell next week', { column: 3, row: 5 }, { key: 'PageDown' }, shape, '3,5,1'],
    ['PageUp: same cell previous week', { column: 3, row: 5 }, { key: 'PageUp' }, shape, '3,5,-1'],
    ['PageUp at the first week stays', { column: 3, row: 5 }, { key: 'PageUp' }, first, '3,5,0'],
    ['PageDown at the last week stays', { column: 3, row: 5 }, { key: 'PageDown' }, last, '3,5,0'],
    ['out-of-range start is clamped', { column: 9, row: 40 }, { key: 'ArrowUp' }, shape, '6,30,0'],
    ['other keys are not handled', { column: 3, row: 5 }, { key: 'a' }, shape, undefined],
    [
      'Shift+Down extends',
      { column: 3, row: 5 },
      { key: 'ArrowDown', shiftKey: true },
      shape,
      '3,6,0,extend',
      true,
    ],
    [
      'Shift+Right at the edge extends no further',
      { column: 6, row: 5 },
      { key: 'ArrowRight', shiftKey: true },
      shape,
      '6,5,0,extend',
      true,
    ],
    [
      'Shift without range extension just moves',
      { column: 3, row: 5 },
      { key: 'ArrowDown', shiftKey: true },
      shape,
      '3,6,0',
    ],
  ];
  for (const [name, from, press, grid, expected, extendWithShift] of cases) {
    it(name, () => {
      const move = nextFocusedCell(from, press, grid, {
        extendWithShift: extendWithShift ?? false,
      });
      const text = move && `${move.column},${move.row},${move.page}${move.extend ? ',extend' : ''}`;
      expect(text).to.equal(expected);
    });
  }

  it('handles nothing on an empty grid', () => {
    const move = nextFocusedCell(
      { column: 0, row: 0 },
      { key: 'ArrowDown' },
      { ...shape, rows: 0 },
    );
    expect(move).to.equal(undefined);
  });
});

class RovingTestGrid extends LitElement {
  readonly roving = new RovingGridController(this, {
    cellAt: ({ column, row }) =>
      this.renderRoot.querySelector<HTMLElement>(`[data-cell="${column},${row}"]`),
    positionOf: (element) => {
      const [column, row] = (element.getAttribute('data-cell') ?? '').split(',').map(Number);
      return column === undefined || row === undefined || Number.isNaN(row)
        ? undefined
        : { column, row };
    },
  });

  override render() {
    return litHtml`${[0, 1, 2].map(
      (row) =>
        litHtml`<div>${[0, 1, 2].map(
          (column) =>
            litHtml`<button data-cell="${column},${row}" tabindex=${this.roving.tabIndexOf({ column, row })}
              @keydown=${(e: KeyboardEvent) => {
                const move = nextFocusedCell(this.roving.position, e, {
                  columns: 3,
                  rows: 3,
                  hasPrev: false,
                  hasNext: false,
                });
                if (move) this.roving.moveTo(move, true);
              }}>${column},${row}</button>`,
        )}</div>`,
    )}`;
  }
}
customElements.define('roving-test-grid', RovingTestGrid);

describe('roving grid controller', () => {
  it('keeps one tab stop and moves focus with the arrows', async () => {
    const el = await fixture<RovingTestGrid>(html`<roving-test-grid></roving-test-grid>`);
    const stops = () => el.shadowRoot!.querySelectorAll('[tabindex="0"]');
    expect(stops()).to.have.length(1);
    el.shadowRoot!.querySelector<HTMLElement>('[data-cell="0,0"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-cell')).to.equal('1,1');
    expect(stops()).to.have.length(1);
    expect(stops()[0]!.getAttribute('data-cell')).to.equal('1,1');
  });

  it('never pulls focus into the grid on a re-render after the user left it', async () => {
    const wrapper = await fixture(
      html`<div><roving-test-grid></roving-test-grid><input aria-label="outside" /></div>`,
    );
    const el = wrapper.querySelector<RovingTestGrid>('roving-test-grid')!;
    el.shadowRoot!.querySelector<HTMLElement>('[data-cell="0,0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    const input = wrapper.querySelector('input')!;
    input.focus();
    el.requestUpdate();
    await el.updateComplete;
    expect(document.activeElement).to.equal(input);
  });

  it('a click makes the clicked cell the tab stop without keyboard focus moves', async () => {
    const el = await fixture<RovingTestGrid>(html`<roving-test-grid></roving-test-grid>`);
    el.shadowRoot!.querySelector<HTMLElement>('[data-cell="2,1"]')!.focus();
    el.requestUpdate();
    await el.updateComplete;
    expect(el.roving.position).to.deep.equal({ column: 2, row: 1 });
    expect(el.roving.tabIndexOf({ column: 2, row: 1 })).to.equal(0);
  });
});
