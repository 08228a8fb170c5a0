// Compile therapon_check's modules to bytecode with Pyodide's own Python, under Node, for the
// wheel the browser loads: the browser's Python then imports them without compiling each one
// first, which was most of the package's import on the first Check. The files are
// checked-hash .pyc files (PEP 552): Python compares each one with its source as it imports it,
// so a stale one is never run, only ignored.
// Usage: node bytecode.mjs <pyodide-dir> <package-dir> <out-dir>   (therapon/bytecode.py runs it)
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, packageDir, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {}, stderr: () => {} });
const names = (await readdir(packageDir)).filter((name) => name.endsWith(".py")).sort();
pyodide.FS.mkdirTree("/bytecode/src");
for (const name of names) pyodide.FS.writeFile(`/bytecode/src/${name}`, await readFile(path.join(packageDir, name)));
const made = JSON.parse(pyodide.runPython(`
import json, py_compile, sys
tag = sys.implementation.cache_tag
made = {}
for name in ${JSON.stringify(names)}:
    target = f"/bytecode/out/{name[:-3]}.{tag}.pyc"
    py_compile.compile(f"/bytecode/src/{name}", cfile=target, dfile=name, doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    made[name] = target
json.dumps({"python": ".".join(map(str, sys.version_info[:2])), "cache_tag": tag, "files": made})
`));
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
// Each module's .pyc, with the sha256 of the source it was compiled from: the wheel takes a
// .pyc only beside that very source, so a stale one does not even cost its bytes.
const modules = {};
for (const [name, target] of Object.entries(made.files)) {
  await writeFile(path.join(outDir, path.basename(target)), pyodide.FS.readFile(target));
  const source = await readFile(path.join(packageDir, name));
  modules[name] = { pyc: path.basename(target), sha256: createHash("sha256").update(source).digest("hex") };
}
await writeFile(path.join(outDir, "manifest.json"),
  JSON.stringify({ python: made.python, cache_tag: made.cache_tag, modules }, null, 1) + "\n");
