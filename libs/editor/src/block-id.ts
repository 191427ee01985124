/** The attribute that carries every block's stable id. */
export const BLOCK_ID_ATTRIBUTE = 'blockId';
