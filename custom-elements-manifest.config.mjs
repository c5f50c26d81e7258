/**
 * Settings for `cem analyze` (run by `npm run build`): the manifest `dist/custom-elements.json`
 * from the elements' JSDoc (`@summary @fires @csspart @cssprop`).
 *
 * The elements register through `defineElement(tag, Class)` (so a second copy never throws),
 * which the analyzer does not know; the plugin below records each such call as a
 * `custom-element-definition`, so every element class gets its tag name. A second plugin drops
 * what the analyzer infers from the helper itself (`customElements.define(tag, constructor)`, a
 * definition named `tag`) and from events dispatched through a variable (no name), and splits
 * compact JSDoc lines that hold several `@csspart` entries separated by ` · `.
 */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [defineElementCalls(), tidyDeclarations()],
};

/** Records `defineElement('tag', Class)` calls as custom element definitions. */
function defineElementCalls() {
  return {
    name: 'scheduling-elements: defineElement calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (node.kind !== ts.SyntaxKind.CallExpression) return;
      if (node.expression?.getText?.() !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (tag?.kind !== ts.SyntaxKind.StringLiteral || klass?.kind !== ts.SyntaxKind.Identifier)
        return;
      const name = klass.getText();
      const imported = context.imports?.find((entry) => entry.name === name);
      const module = imported
        ? new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.replace(/^\//, '')
        : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name, module: module.replace(/\.js$/, '.ts') },
        },
      ];
    },
  };
}

/** Removes inferred noise and splits `a - x · @csspart b - y` part lines. */
function tidyDeclarations() {
  return {
    name: 'scheduling-elements: tidy declarations',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        module.exports = module.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || entry.name.includes('-'),
        );
        for (const declaration of module.declarations ?? []) {
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.name);
          if (declaration.cssParts)
            declaration.cssParts = declaration.cssParts.flatMap(splitCompact);
        }
      }
    },
  };
}

/** `{name: 'a', description: 'x · @csspart b - y'}` as two entries. */
function splitCompact(part) {
  const [first, ...rest] = (part.description ?? '').split(/\s*·\s*@csspart\s+/);
  return [
    { ...part, description: first },
    ...rest.map((text) => {
      const [, name, description] = /^(\S+)\s*(?:-\s*)?(.*)$/s.exec(text) ?? [];
      return { name, description };
    }),
  ];
}
