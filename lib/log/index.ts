import pino, { type DestinationStream, type Logger } from "pino";

/**
 * One JSON object per line for every event the app logs. Values are serialised by JSON, so a CR/LF or
 * any other control character inside a request value is escaped and can never forge a second line.
 * Keys that may carry secrets are redacted at the top level and one level down.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      base: { service: "compliance-desk" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ["password", "*.password", "token", "*.token", "secret", "*.secret", "authorization", "*.authorization", "cookie", "*.cookie"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

export const log = createLogger();

/** A caught error as loggable fields: name, message and stack, without the object's own enumerable data. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { err: { name: error.name, message: error.message, stack: error.stack } };
  return { err: { message: String(error) } };
}
