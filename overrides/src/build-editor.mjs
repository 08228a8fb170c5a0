// Bundle the code editor (overrides/src/editor.js) into build/editor/editor.js.
//
// CodeMirror's style-mod writes its styles into a <style> element in the document, which the
// site's Content-Security-Policy (style-src 'self') refuses. It already knows how to use a
// constructed stylesheet (document.adoptedStyleSheets), which the policy allows, but only
// inside shadow roots; this build lets it do so for the document too. If a new style-mod
// changes that line, the build stops here rather than ship an editor without styles.
import { readFile } from "node:fs/promises";
import * as esbuild from "esbuild";

const SHADOW_ROOTS_ONLY = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet)";
const ANY_ROOT = "if (root.adoptedStyleSheets && win.CSSStyleSheet)";

/** @type {import("esbuild").Plugin} */
const constructedStyles = {
  name: "constructed-styles",
  setup(build) {
    build.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes(SHADOW_ROOTS_ONLY)) {
        throw new Error(`${args.path}: the line to adapt is gone; see overrides/src/build-editor.mjs`);
      }
      return { contents: source.replace(SHADOW_ROOTS_ONLY, ANY_ROOT), loader: "js" };
    });
  },
};

await esbuild.build({
  entryPoints: ["overrides/src/editor.js"],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  outfile: "build/editor/editor.js",
  plugins: [constructedStyles],
  logLevel: "warning",
});
