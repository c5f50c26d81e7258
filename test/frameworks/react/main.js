/**
 * A React 19 app using the elements two ways: the tags themselves (React 19 sets properties
 * that exist on the element and listens to `on<event-name>` props), and the `@lit/react`
 * components from `scheduling-elements/react` (the way for React 18). It shows what the
 * elements report, so a test can see a selection reach the app.
 */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'scheduling-elements/slot-picker';
import 'scheduling-elements/availability-viewer';
import { SlotPicker } from 'scheduling-elements/react';

function App() {
  const [tagPick, setTagPick] = useState('');
  const [wrapperPick, setWrapperPick] = useState('');
  const [week, setWeek] = useState('');
  return h(
    'main',
    null,
    h('slot-picker', {
      id: 'tag-picker',
      demo: true,
      mode: 'no_confirm',
      tzid: 'Europe/London',
      'onslot-selected': (event) => setTagPick(event.detail.slot.start),
    }),
    h('output', { id: 'tag-picked' }, tagPick),
    h(SlotPicker, {
      id: 'wrapper-picker',
      demo: true,
      mode: 'no_confirm',
      tzid: 'Europe/London',
      onSlotSelected: (event) => setWrapperPick(event.detail.slot.start),
    }),
    h('output', { id: 'wrapper-picked' }, wrapperPick),
    h('availability-viewer', {
      demo: true,
      days: 3,
      tzid: 'Europe/London',
      'onweek-change': (event) => setWeek(event.detail.firstDay),
    }),
    h('output', { id: 'week' }, week),
  );
}

createRoot(document.getElementById('app')).render(h(App));
