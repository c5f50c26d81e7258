/**
 * Storybook configuration: web components on Vite, stories under `stories/`, autodocs, the
 * accessibility panel.
 *
 * Storybook merges the project's `vite.config.ts`; the embedded API plugin is dropped here
 * because stories never need a server (they answer from the local demo engine or from
 * transports that fail on purpose), so the static build behaves like the dev server.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { PluginOption } from 'vite';

/** Plugins of `vite.config.ts` that have no place in Storybook. */
const DROPPED_PLUGINS = new Set(['scheduling-elements-api', 'vite:dts', 'dts']);

/** `plugins` without the dropped ones, nested arrays included. */
function keptPlugins(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flatMap((plugin): PluginOption[] => {
    if (Array.isArray(plugin)) return [keptPlugins(plugin)];
    if (
      plugin &&
      typeof plugin === 'object' &&
      'name' in plugin &&
      DROPPED_PLUGINS.has(plugin.name)
    )
      return [];
    return [plugin];
  });
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    return {
      ...viteConfig,
      plugins: keptPlugins(viteConfig.plugins),
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        // One copy of Lit for the stories and the elements, or Lit warns of several versions.
        include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js'],
      },
    };
  },
};

export default config;
