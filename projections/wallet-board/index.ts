export * from './documents';
export * from './wallet-board.projection';
export * from './board-view';
