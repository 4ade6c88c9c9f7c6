import Placeholder from '@tiptap/extension-placeholder';
import { EditorContent, Extension, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { memo, useEffect, useRef } from 'react';
import type { RichTextDoc } from '../../../../shared/templates/types';
import { FormattingToolbar } from './FormattingToolbar';

/**
 * In a form, Tab moves to the next field, also from inside a list (where the editor would
 * indent the item instead: an unintended change when the therapist only meant to move
 * on). Lists are indented with Ctrl/Cmd+] and outdented with Ctrl/Cmd+[ instead.
 */
const ListIndentKeys = Extension.create({
  name: 'listIndentKeys',
  addKeyboardShortcuts() {
    return {
      'Mod-]': () => this.editor.commands.sinkListItem('listItem'),
      'Mod-[': () => this.editor.commands.liftListItem('listItem'),
    };
  },
});

/** Stops a plain Tab before the editor sees it, so the browser moves focus as usual. */
function letTabLeave(event: KeyboardEvent) {
  if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) event.stopPropagation();
}

type Props = {
  /** The id of the element that names this editor (the field's label). */
  labelledBy: string;
  describedBy?: string | undefined;
  placeholder?: string | undefined;
  initial: RichTextDoc | null;
  /** Called on every content change with a getter; the document is serialised only when read. */
  onChange: (read: () => RichTextDoc | null) => void;
  /** Focus left the editor. */
  onCommit?: () => void;
  autoFocus?: boolean;
};

/**
 * One rich-text field: tiptap with StarterKit (paragraphs, bold, italic, lists, headings;
 * Ctrl/Cmd+B and +I, "- " and "1. " start lists) and the field's placeholder.
 *
 * Typing latency is the point of this component (performance-security.md §1.7):
 * - it is memoised and owns the editor, so nothing above re-renders it while typing;
 * - shouldRerenderOnTransaction: false, so keystrokes and selection changes do not
 *   re-render it either (the default re-rendered per transaction and can drop characters);
 * - onUpdate does not call getJSON(): it hands over a getter that the autosave reads when
 *   it saves (at most every second or so), never per keystroke.
 */
export const RichTextField = memo(function RichTextField({
  labelledBy,
  describedBy,
  placeholder,
  initial,
  onChange,
  onCommit,
  autoFocus,
}: Props) {
  // The latest callbacks, read by the editor's handlers (the editor is created once).
  const latest = useRef({ onChange, onCommit });
  latest.current = { onChange, onCommit };
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          // No links: nothing in a note should open a remote address, and a click on one
          // would try to navigate the window (which the shell blocks anyway).
          link: false,
          heading: { levels: [2, 3] },
        }),
        Placeholder.configure({ placeholder: placeholder ?? '' }),
        ListIndentKeys,
      ],
      content: initial ?? '',
      // The CSP forbids inline <style>; the editor's base styles are in notes.css.
      injectCSS: false,
      autofocus: autoFocus ? 'end' : false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'rich-text-input',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          spellcheck: 'true',
        },
      },
      onUpdate: ({ editor: current }) => {
        latest.current.onChange(() => (current.isEmpty ? null : (current.getJSON() as RichTextDoc)));
      },
      onBlur: () => latest.current.onCommit?.(),
    },
    [],
  );
  // Capture phase on a wrapper: runs before ProseMirror's own keydown handler on the editable.
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = wrapper.current;
    element?.addEventListener('keydown', letTabLeave, true);
    return () => element?.removeEventListener('keydown', letTabLeave, true);
  }, []);
  return (
    <div ref={wrapper} className="rich-text">
      <FormattingToolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
});
