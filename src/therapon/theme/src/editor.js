// @ts-check
/**
 * The code editor: CodeMirror 6 with Python highlighting, bundled by esbuild into
 * assets/therapon/editor.js and loaded only on pages that have a code exercise.
 * Tab indents; press Escape, then Tab, to move focus out of the editor.
 */
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, drawSelection, highlightActiveLine, highlightActiveLineGutter,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  HighlightStyle, syntaxHighlighting, indentOnInput, bracketMatching, indentUnit,
} from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { tags } from "@lezer/highlight";

// Colours come from Material's own code variables, so light and dark palettes both work.
const materialHighlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.definitionKeyword], color: "var(--md-code-hl-keyword-color)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--md-code-hl-string-color)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--md-code-hl-number-color)" },
  { tag: tags.comment, color: "var(--md-code-hl-comment-color)", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))], color: "var(--md-code-hl-function-color)" },
  { tag: [tags.className, tags.definition(tags.className)], color: "var(--md-code-hl-name-color)" },
  { tag: [tags.operator, tags.punctuation], color: "var(--md-code-hl-punctuation-color)" },
]);

/**
 * Replace a textarea with an editor that keeps the same text and label.
 * @param {HTMLTextAreaElement} textarea
 * @param {{onChange: () => void, labelId: string}} options
 */
export function createEditor(textarea, { onChange, labelId }) {
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        indentUnit.of("    "),
        python(),
        syntaxHighlighting(materialHighlight),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          "aria-labelledby": labelId,
          "aria-describedby": textarea.getAttribute("aria-describedby") || "",
          "aria-multiline": "true",
        }),
        EditorView.updateListener.of((update) => { if (update.docChanged) onChange(); }),
      ],
    }),
  });
  // A learner already typing in the plain box keeps the caret where it was.
  const typing = document.activeElement === textarea;
  if (typing) view.dispatch({ selection: { anchor: textarea.selectionStart, head: textarea.selectionEnd } });
  textarea.hidden = true;
  textarea.after(view.dom);
  if (typing) view.focus();
  const label = document.getElementById(labelId);
  const focusEditor = () => view.focus();
  label?.addEventListener("click", focusEditor);
  return {
    getValue: () => view.state.doc.toString(),
    setValue: (/** @type {string} */ text) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: focusEditor,
    destroy: () => {
      label?.removeEventListener("click", focusEditor);
      view.destroy();
    },
  };
}
