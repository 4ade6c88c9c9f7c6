import { domId, named, useEditor } from '../../templates/editorParts';
import { rowLimits } from './fieldList';

export type RowToolsProps = {
  itemKey: string;
  /** What one item is called in the buttons' names: "section", "field", "column"… */
  noun: string;
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** Why the last item cannot be removed, for a list that needs at least one. */
  keepLast?: string | undefined;
};

/** Move up, move down and remove: the same three buttons on every item of every list. */
export function RowTools({ itemKey, noun, name, index, count, onMove, onRemove, keepLast }: RowToolsProps) {
  const { focusLater } = useEditor();
  const { canMoveUp, canMoveDown, canRemove } = rowLimits(index, count, keepLast ? 1 : 0);
  const up = domId(itemKey, 'up');
  const down = domId(itemKey, 'down');
  // The button moves with its item and keeps the focus; at the end it is disabled, so the other one takes it.
  const moves = [
    { delta: -1, word: 'up', arrow: '↑', id: up, other: down, enabled: canMoveUp },
    { delta: 1, word: 'down', arrow: '↓', id: down, other: up, enabled: canMoveDown },
  ] as const;
  return (
    <div className="tpl-tools">
      {moves.map((move) => (
        <button
          key={move.word}
          type="button"
          id={move.id}
          className="tpl-icon"
          disabled={!move.enabled}
          aria-label={`Move ${noun} ${named(name, noun)} ${move.word}`}
          title={`Move ${move.word}`}
          onClick={() => {
            onMove(move.delta);
            focusLater([move.id, move.other]);
          }}
        >
          <span aria-hidden="true">{move.arrow}</span>
        </button>
      ))}
      <button
        type="button"
        className="tpl-remove"
        disabled={!canRemove}
        aria-label={`Remove ${noun} ${named(name, noun)}`}
        title={canRemove ? undefined : keepLast}
        onClick={onRemove}
      >
        Remove
      </button>
    </div>
  );
}
