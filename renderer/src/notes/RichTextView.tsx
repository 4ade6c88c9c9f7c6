import type { ReactNode } from 'react';
import type { RichTextDoc, RichTextNode } from '../../../shared/templates/types';

/**
 * Draws a stored rich-text document as plain React elements: no HTML string is ever
 * built, so nothing in a note can inject markup. Unknown nodes fall back to their text.
 */
export function RichTextView({ doc, className }: { doc: RichTextDoc | null; className?: string }) {
  const content = doc?.content ?? [];
  const hasText = content.some((node) => textOf(node).trim() !== '');
  if (!hasText) return <p className="muted">—</p>;
  return <div className={`rich-text-view${className ? ` ${className}` : ''}`}>{content.map(renderNode)}</div>;
}

function textOf(node: RichTextNode): string {
  return (node.text ?? '') + (node.content ?? []).map(textOf).join('');
}

function renderMarks(node: RichTextNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'bold':
        out = <strong>{out}</strong>;
        break;
      case 'italic':
        out = <em>{out}</em>;
        break;
      case 'underline':
        out = <u>{out}</u>;
        break;
      case 'strike':
        out = <s>{out}</s>;
        break;
      case 'code':
        out = <code>{out}</code>;
        break;
    }
  }
  return <span key={key}>{out}</span>;
}

function renderNode(node: RichTextNode, key: number): ReactNode {
  const children = (node.content ?? []).map(renderNode);
  switch (node.type) {
    case 'text':
      return renderMarks(node, key);
    case 'paragraph':
      return <p key={key}>{children.length > 0 ? children : <br />}</p>;
    case 'heading':
      return node.attrs?.level === 2 ? <h4 key={key}>{children}</h4> : <h5 key={key}>{children}</h5>;
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList': {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      return (
        <ol key={key} start={start}>
          {children}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'codeBlock':
      return (
        <pre key={key}>
          <code>{textOf(node)}</code>
        </pre>
      );
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    default:
      return <span key={key}>{textOf(node)}</span>;
  }
}
