// The floor: a bare loadPyodide() + runPython() in a module worker, nothing of ours.
const indexURL = new URL("../pyodide/", self.location.href).href;
const started = performance.now();
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL });
pyodide.runPython("1 + 1");
self.postMessage(performance.now() - started);
