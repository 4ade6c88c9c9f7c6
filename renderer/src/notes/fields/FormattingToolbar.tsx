import { type Editor, useEditorState } from '@tiptap/react';
import { isMac, modLabel } from '../../shortcuts';
import './formattingToolbar.css';

type Tool = {
  label: string;
  /** What the tooltip shows as the keyboard way to do the same. */
  keys: string;
  glyph: string;
  /** Whether it is on at the cursor (bold text, inside a list); null for actions. */
  active: boolean | null;
  enabled: boolean;
  run: () => void;
};

/**
 * Bold, italic, the two lists, undo and redo above a rich-text box while it is being
 * typed in. The buttons are for the mouse: they are not tab stops (Tab must go on to the
 * next field) and each tooltip names its shortcut, which does the same from the keyboard.
 * Pressing a button keeps the cursor in the box. Only this toolbar re-renders when the
 * formatting at the cursor changes; the editor itself never does while typing.
 */
export function FormattingToolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const mod = modLabel();
  const shift = isMac() ? '⇧' : 'Shift+';
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    {
      label: 'Bold',
      keys: `${mod}B`,
      glyph: 'B',
      active: state.bold,
      enabled: true,
      run: () => chain().toggleBold().run(),
    },
    {
      label: 'Italic',
      keys: `${mod}I`,
      glyph: 'I',
      active: state.italic,
      enabled: true,
      run: () => chain().toggleItalic().run(),
    },
    {
      label: 'Bulleted list',
      keys: `${mod}${shift}8, or "- " at the start of a line`,
      glyph: '•',
      active: state.bulletList,
      enabled: true,
      run: () => chain().toggleBulletList().run(),
    },
    {
      label: 'Numbered list',
      keys: `${mod}${shift}7, or "1. " at the start of a line`,
      // Drawn by CSS: a visible "1." that is not in the name fails axe (label-content-name-mismatch).
      glyph: '',
      active: state.orderedList,
      enabled: true,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      label: 'Undo',
      keys: `${mod}Z`,
      glyph: '↶',
      active: null,
      enabled: state.canUndo,
      run: () => chain().undo().run(),
    },
    {
      label: 'Redo',
      keys: isMac() ? `${mod}${shift}Z` : `${mod}Y`,
      glyph: '↷',
      active: null,
      enabled: state.canRedo,
      run: () => chain().redo().run(),
    },
  ];
  return (
    <div className="format-toolbar" role="toolbar" aria-label="Formatting">
      {tools.map((tool) => (
        <button
          key={tool.label}
          type="button"
          tabIndex={-1}
          className={`format-button format-${tool.label.toLowerCase().replaceAll(' ', '-')}`}
          title={`${tool.label} (${tool.keys})`}
          aria-label={tool.label}
          aria-pressed={tool.active ?? undefined}
          disabled={!tool.enabled}
          // Keep the cursor (and the selection) in the box the button formats.
          onMouseDown={(event) => event.preventDefault()}
          onClick={tool.run}
        >
          <span aria-hidden="true">{tool.glyph}</span>
        </button>
      ))}
    </div>
  );
}
