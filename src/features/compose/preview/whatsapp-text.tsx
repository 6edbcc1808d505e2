import { Fragment, useMemo, type ReactNode } from 'react';
import {
  parseWhatsAppFormatting,
  type WhatsAppBlock,
  type WhatsAppLine,
} from '../../../lib/whatsapp-format';

function renderLine(line: WhatsAppLine): ReactNode {
  return line.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'bold':
        return <strong key={index}>{renderLine(node.children)}</strong>;
      case 'italic':
        return <em key={index}>{renderLine(node.children)}</em>;
      case 'strike':
        return <s key={index}>{renderLine(node.children)}</s>;
      case 'code':
        return (
          <code key={index} className="rounded bg-black/5 px-1 font-mono text-[0.9em]">
            {node.text}
          </code>
        );
      case 'mono':
        return (
          <span key={index} className="font-mono">
            {node.text}
          </span>
        );
    }
  });
}

function renderLines(lines: WhatsAppLine[]): ReactNode {
  return lines.map((line, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {renderLine(line)}
    </Fragment>
  ));
}

function renderBlock(block: WhatsAppBlock, index: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={index}>{renderLines(block.lines)}</p>;
    case 'quote':
      return (
        <blockquote key={index} className="border-l-4 border-emerald-700/40 pl-2 text-slate-700">
          {renderLines(block.lines)}
        </blockquote>
      );
    case 'bullet-list':
      return (
        <ul key={index} className="list-disc pl-5">
          {block.items.map((item, i) => (
            <li key={i}>{renderLine(item)}</li>
          ))}
        </ul>
      );
    case 'numbered-list':
      return (
        <ol key={index} className="list-decimal pl-6">
          {block.items.map((item, i) => (
            <li key={i} value={item.number}>
              {renderLine(item.content)}
            </li>
          ))}
        </ol>
      );
    case 'mono':
      return (
        <pre key={index} className="font-mono text-[0.9em] whitespace-pre-wrap">
          {block.text}
        </pre>
      );
  }
}

/** WhatsApp text as the apps format it, built from elements: the text is never parsed as HTML. */
export function WhatsAppText({ text }: { text: string }) {
  const blocks = useMemo(() => parseWhatsAppFormatting(text), [text]);
  return <div className="space-y-1 whitespace-pre-wrap">{blocks.map(renderBlock)}</div>;
}
