// Bundle the browser code with esbuild: `npm run build:assets` (make does it for you, and the
// MkDocs hook does it again when a source is newer than the bundle).
//
// - build/therapon/: the page and worker scripts from src/therapon/theme/assets/therapon/, bundled and
//   minified, with the progress page's parts split off so they load only there. transfer.js
//   and turns.js are entries too, so the browser tests can import them on their own. The
//   Python worker is one file with no imports.
// - build/therapon-preload.json: main.js and the chunks it imports, for modulepreload hints.
// - build/editor/editor.js: CodeMirror, loaded only on pages with a code exercise.
//
// CodeMirror's style-mod writes its styles into a <style> element in the document, which the
// site's Content-Security-Policy (style-src 'self') refuses. It already knows how to use a
// constructed stylesheet (document.adoptedStyleSheets), which the policy allows, but only
// inside shadow roots; this build lets it do so for the document too. If a new style-mod
// changes that line, the build stops here rather than ship an editor without styles.
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import * as esbuild from "esbuild";
import { PYTHON_WORKER } from "../assets/therapon/contract.js";

const SCRIPTS = "src/therapon/theme/assets/therapon";
const ENTRIES = ["main.js", "python-early.js", "transfer.js", "turns.js"];
const SHADOW_ROOTS_ONLY = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet)";
const ANY_ROOT = "if (root.adoptedStyleSheets && win.CSSStyleSheet)";

/** @type {import("esbuild").Plugin} */
const constructedStyles = {
  name: "constructed-styles",
  setup(build) {
    build.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes(SHADOW_ROOTS_ONLY)) {
        throw new Error(`${args.path}: the line to adapt is gone; see src/therapon/theme/src/build.mjs`);
      }
      return { contents: source.replace(SHADOW_ROOTS_ONLY, ANY_ROOT), loader: "js" };
    });
  },
};

const common = { bundle: true, format: "esm", minify: true, logLevel: "warning" };

/**
 * main.js and every file it imports statically, for <link rel="modulepreload"> in each page:
 * the browser then fetches them together instead of discovering them one import at a time.
 * @param {import("esbuild").Metafile} metafile
 */
function mainGraph(metafile) {
  const found = new Set();
  const visit = (/** @type {string} */ path) => {
    if (found.has(path)) return;
    found.add(path);
    for (const imported of metafile.outputs[path].imports) {
      if (imported.kind === "import-statement") visit(imported.path);
    }
  };
  visit("build/therapon/main.js");
  return [...found].map((path) => basename(path));
}

await rm("build/therapon", { recursive: true, force: true });
const [scripts] = await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ENTRIES.map((name) => `${SCRIPTS}/${name}`),
    outdir: "build/therapon",
    splitting: true,
    // Chunks sit beside main.js: config.js finds the site root from its own URL.
    chunkNames: "[name]-[hash]",
    target: "es2022",
    metafile: true,
  }),
  // The worker in one file of its own, sharing no chunk with the page: it starts while the
  // page still loads its own scripts, and each import it had to discover first was one more
  // round trip before Pyodide was even asked for (60 to 250 ms on a busy first load).
  esbuild.build({
    ...common,
    entryPoints: [`${SCRIPTS}/${PYTHON_WORKER}`],
    outfile: `build/therapon/${PYTHON_WORKER}`,
    target: "es2022",
  }),
  esbuild.build({
    ...common,
    entryPoints: ["src/therapon/theme/src/editor.js"],
    outfile: "build/editor/editor.js",
    target: "es2020",
    plugins: [constructedStyles],
  }),
]);
await writeFile("build/therapon-preload.json", JSON.stringify(mainGraph(scripts.metafile)) + "\n");
