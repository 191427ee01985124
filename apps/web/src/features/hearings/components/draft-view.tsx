import type { JSONContent } from '@aftalerum/editor';
import { Fragment, ReactNode } from 'react';
import { DraftBlockInfo, isSectionKind, SECTION_KIND_NAMES } from '../lib/draft';

export interface DraftViewProps {
  doc: JSONContent;
  /** The commentable blocks by id (from draftBlocks). */
  blocks: Map<string, DraftBlockInfo>;
  /** Accessible name of the draft. */
  label: string;
  /** Shown beside a block: a button, a count. */
  renderAside?: (block: DraftBlockInfo) => ReactNode;
  /** Shown under a block: comment fields, comments. */
  renderAfter?: (block: DraftBlockInfo) => ReactNode;
  /** Extra class names of a block (the heat map's tint). */
  blockClass?: (block: DraftBlockInfo) => string | undefined;
}

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Inline content (text with marks, hard breaks) as React elements. */
function inline(nodes: JSONContent[] | undefined): ReactNode {
  return (nodes ?? []).map((node, index) => {
    if (node.type === 'hardBreak') return <br key={index} />;
    if (node.type !== 'text') return <Fragment key={index}>{inline(node.content)}</Fragment>;
    let element: ReactNode = node.text ?? '';
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') element = <strong>{element}</strong>;
      else if (mark.type === 'italic') element = <em>{element}</em>;
      else if (mark.type === 'underline') element = <u>{element}</u>;
      else if (mark.type === 'strike') element = <s>{element}</s>;
      else if (mark.type === 'code') element = <code>{element}</code>;
      else if (mark.type === 'link') {
        const href = String(mark.attrs?.href ?? '');
        if (SAFE_LINK.test(href)) {
          element = (
            <a href={href} rel="noopener noreferrer" target="_blank">
              {element}
            </a>
          );
        }
      }
    }
    return <Fragment key={index}>{element}</Fragment>;
  });
}

/**
 * The hearing draft (a frozen version's ProseMirror JSON) rendered read-only, each paragraph
 * and heading in its own block so that a comment button, a count or comment fields can sit by it.
 * Headings of the draft start at <h2> (the page has the <h1>).
 */
export function DraftView({ doc, blocks, label, renderAside, renderAfter, blockClass }: DraftViewProps) {
  const render = (node: JSONContent, key: number | string): ReactNode => {
    const id = typeof node.attrs?.blockId === 'string' ? node.attrs.blockId : null;
    const info = id ? blocks.get(id) : undefined;
    switch (node.type) {
      case 'section': {
        const kind = isSectionKind(node.attrs?.kind) ? node.attrs.kind : 'OTHER';
        const first = node.content?.[0];
        const headingId = typeof first?.attrs?.blockId === 'string' ? `overskrift-${first.attrs.blockId}` : undefined;
        return (
          <section key={key} className="hd-section" data-kind={kind} aria-labelledby={headingId}>
            {kind !== 'OTHER' && <p className="hd-section__kind">{SECTION_KIND_NAMES[kind]}</p>}
            {(node.content ?? []).map(render)}
          </section>
        );
      }
      case 'heading':
      case 'paragraph': {
        const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)) + 1);
        const Tag = node.type === 'heading' ? (`h${level}` as 'h2') : 'p';
        const element = (
          <Tag id={node.type === 'heading' && id ? `overskrift-${id}` : undefined} className={node.type === 'heading' ? `hd-heading hd-heading--${level}` : undefined}>
            {inline(node.content)}
          </Tag>
        );
        if (!info) return <Fragment key={key}>{element}</Fragment>;
        const aside = renderAside?.(info);
        return (
          <div key={key} className={['hd-block', `hd-block--${node.type}`, blockClass?.(info)].filter(Boolean).join(' ')} id={`blok-${info.blockId}`}>
            <div className="hd-block__row">
              <div className="hd-block__text" data-quote-block={info.blockId}>
                {element}
              </div>
              {aside && <div className="hd-block__aside">{aside}</div>}
            </div>
            {renderAfter?.(info)}
          </div>
        );
      }
      case 'bulletList':
        return <ul key={key}>{(node.content ?? []).map(render)}</ul>;
      case 'orderedList':
        return (
          <ol key={key} start={typeof node.attrs?.start === 'number' ? node.attrs.start : undefined}>
            {(node.content ?? []).map(render)}
          </ol>
        );
      case 'listItem':
        return <li key={key}>{(node.content ?? []).map(render)}</li>;
      case 'blockquote':
        return <blockquote key={key}>{(node.content ?? []).map(render)}</blockquote>;
      case 'codeBlock':
        return (
          <pre key={key}>
            <code>{inline(node.content)}</code>
          </pre>
        );
      case 'horizontalRule':
        return <hr key={key} />;
      case 'table':
        return (
          <div key={key} className="hd-table">
            <table>
              <tbody>{(node.content ?? []).map(render)}</tbody>
            </table>
          </div>
        );
      case 'tableRow':
        return <tr key={key}>{(node.content ?? []).map(render)}</tr>;
      case 'tableHeader':
        return (
          <th key={key} scope="col">
            {(node.content ?? []).map(render)}
          </th>
        );
      case 'tableCell':
        return <td key={key}>{(node.content ?? []).map(render)}</td>;
      case 'text':
        return <Fragment key={key}>{inline([node])}</Fragment>;
      default:
        return <Fragment key={key}>{(node.content ?? []).map(render)}</Fragment>;
    }
  };

  return (
    <article className="hd-draft" aria-label={label}>
      {(doc.content ?? []).map(render)}
    </article>
  );
}
