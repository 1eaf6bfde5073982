/** The software version stored with every run so it can be reproduced. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const SOFTWARE_VERSION: string = (require('../package.json') as { version: string }).version;
