/** A small leveled logger; one line per event, to stderr so stdout stays for the sign-in link. */
export type LogLevel = 'silent' | 'error' | 'info' | 'debug';
const ORDER: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

export interface Logger {
  error(message: string, detail?: unknown): void;
  info(message: string): void;
  debug(message: string): void;
}

export function createLogger(level: LogLevel): Logger {
  const on = (l: LogLevel) => ORDER[l] <= ORDER[level];
  return {
    error: (message, detail) => {
      if (on('error')) console.error(`[accord] ${message}`, ...(detail === undefined ? [] : [detail]));
    },
    info: (message) => {
      if (on('info')) console.error(`[accord] ${message}`);
    },
    debug: (message) => {
      if (on('debug')) console.error(`[accord] ${message}`);
    },
  };
}
