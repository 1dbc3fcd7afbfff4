// Method names of the exchange bundles. Plain strings, no imports: the preload uses them.
export const EXCHANGE_METHODS = [
  'exchange.identity',
  'exchange.setupIdentity',
  'exchange.export',
  'exchange.preview',
  'exchange.getPreview',
  'exchange.apply',
  'exchange.senders',
] as const;
