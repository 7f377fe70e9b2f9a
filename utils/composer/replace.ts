import { rangeFor, type TextMap } from './text-map';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Replaces text[start, end) through the editor's own input path, so Draft.js, Quill and ProseMirror
 * update their models, the caret lands after the fix and undo works as the site's own: select the
 * range, wait one task (Draft.js applies an edit where its own selection was), then insertText.
 * A synthetic paste is the fallback for editors that ignore insertText.
 */
export async function replaceRange(map: TextMap, start: number, end: number, replacement: string): Promise<boolean> {
  const { editor } = map;
  const before = map.text;
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    editor.focus();
    editor.setSelectionRange(start, end);
    await nextTask();
    if (!editor.ownerDocument.execCommand('insertText', false, replacement)) {
      editor.setRangeText(replacement, start, end, 'end');
      editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: replacement }));
    }
    return editor.value !== before;
  }
  const range = rangeFor(map, start, end);
  if (!range) return false;
  editor.focus();
  const selection = editor.ownerDocument.getSelection();
  if (!selection) return false;
  selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  await nextTask();
  // execCommand fires the trusted beforeinput and input events the editor frameworks listen to.
  if (editor.ownerDocument.execCommand('insertText', false, replacement)) return true;
  const data = new DataTransfer();
  data.setData('text/plain', replacement);
  return !editor.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
}
