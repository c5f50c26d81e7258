/**
 * A Vue 3 app using the elements through render functions: props that exist on the element
 * are set as properties, `onSlotSelected` listens to `slot-selected`. It shows what the elements
 * report, so a test can see a selection reach the app.
 */
import { createApp, defineComponent, h, ref } from 'vue';
import 'scheduling-elements/slot-picker';
import 'scheduling-elements/availability-viewer';

const App = defineComponent(() => {
  const picked = ref('');
  const week = ref('');
  return () =>
    h('main', [
      h('slot-picker', {
        id: 'tag-picker',
        demo: true,
        mode: 'no_confirm',
        tzid: 'Europe/London',
        onSlotSelected: (event) => (picked.value = event.detail.slot.start),
      }),
      h('output', { id: 'tag-picked' }, picked.value),
      h('availability-viewer', {
        demo: true,
        days: 3,
        tzid: 'Europe/London',
        onWeekChange: (event) => (week.value = event.detail.firstDay),
      }),
      h('output', { id: 'week' }, week.value),
    ]);
});

createApp(App).mount('#app');
