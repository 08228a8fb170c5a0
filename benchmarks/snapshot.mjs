// The stretch goal of issue 6: would a memory snapshot, made at build time with our package
// already imported, make the worker ready sooner than a normal start? Measured in Node.
// The package is unpacked with zipfile, because a snapshot cannot hold the JavaScript
// references that loadPackage leaves behind ("Unexpected hiwire entry").
// Usage: node benchmarks/snapshot.mjs <site-dir> [runs]   (prints JSON)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [siteDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const dir = path.resolve(siteDir, "pyodide") + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quiet = { indexURL: dir, stdout: () => {}, stderr: () => {} };
const lock = JSON.parse(await readFile(path.join(dir, "pyodide-lock.json"), "utf8"));
const wheel = await readFile(path.join(dir, lock.packages["therapon-check"].file_name));

// The snapshot, made once, as the build would make it.
const maker = await loadPyodide({ ...quiet, _makeSnapshot: true });
maker.FS.writeFile("/tmp/wheel.zip", new Uint8Array(wheel));
maker.runPython("import sys, zipfile; zipfile.ZipFile('/tmp/wheel.zip').extractall('/tmp/w'); "
  + "sys.path.insert(0, '/tmp/w'); import therapon_check.checking");
const snapshot = maker.makeMemorySnapshot();

async function timed(start) {
  const t = performance.now();
  const py = await start();
  py.runPython("import therapon_check.checking");
  return performance.now() - t;
}

const normal = [];
const restored = [];
for (let i = 0; i < runs; i++) {
  normal.push(await timed(() => loadPyodide({ ...quiet, packages: ["therapon-check"] })));
  restored.push(await timed(() => loadPyodide({ ...quiet, _loadSnapshot: snapshot })));
}
console.log(JSON.stringify({
  runs,
  normal_start_ms: Math.round(median(normal)),
  snapshot_start_ms: Math.round(median(restored)),
  snapshot_bytes: snapshot.byteLength,
  snapshot_gzip_bytes: gzipSync(snapshot).byteLength,
  stdlib_zip_bytes: (await readFile(path.join(dir, "python_stdlib.zip"))).byteLength,
}, null, 2));
