import { SECTION_KIND_LABELS, SECTION_KINDS } from '@aftalerum/editor';
import type { CSSProperties } from 'react';

/**
 * CSS variables holding each section kind's Danish label, so `section[data-kind]::before`
 * in styles.css shows the labels of SECTION_KIND_LABELS without repeating them.
 */
export const SECTION_KIND_LABEL_VARIABLES = Object.fromEntries(
  SECTION_KINDS.map((kind) => [`--kind-label-${kind}`, JSON.stringify(SECTION_KIND_LABELS[kind])]),
) as CSSProperties;
