// Messages whose params no handler can read (null, a number, a document request without a
// document) are answered with InvalidParams before anything dereferences them: the library's own
// wrappers read `params.workDoneToken`, so a null answered −32603 "Cannot read properties of null".
// A bad request is re-addressed to one method that says what was wrong; a bad document
// notification (`didOpen` with no document) is dropped.
import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy } from 'vscode-languageserver/node';

const INVALID_PARAMS_METHOD = 'aiPolicyClaims/$invalidParams';
/** Document requests that also need a cursor position. */
const POSITIONED = new Set(['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion', 'textDocument/documentHighlight']);
/** Requests that take no params. */
const WITHOUT_PARAMS = new Set(['shutdown', 'aiPolicyClaims/indexStatus', 'aiPolicyClaims/reindex']);

/** What is wrong with a message's params, or undefined when a handler can read them. */
export function paramsProblem(method: string, params: unknown): string | undefined {
  if (WITHOUT_PARAMS.has(method)) return undefined;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return 'params must be an object';
  if (method.startsWith('textDocument/') && typeof (params as { textDocument?: { uri?: unknown } }).textDocument?.uri !== 'string') {
    return 'params.textDocument.uri must be a string';
  }
  const position = (params as { position?: { line?: unknown; character?: unknown } | null }).position;
  if (POSITIONED.has(method) && !(Number.isInteger(position?.line) && Number.isInteger(position?.character))) {
    return 'params.position must be {line, character} (whole numbers)';
  }
  return undefined;
}

export function guardParams(): MessageStrategy {
  return {
    handleMessage(message, next) {
      if (Message.isRequest(message)) {
        const problem = paramsProblem(message.method, message.params);
        if (problem) return next({ ...message, method: INVALID_PARAMS_METHOD, params: { method: message.method, problem } } as Message);
      } else if (Message.isNotification(message) && message.method.startsWith('textDocument/') && paramsProblem(message.method, message.params)) {
        return;
      }
      next(message);
    },
  };
}

/** The handler bad requests are re-addressed to. */
export function answerInvalidParams(connection: Connection): void {
  connection.onRequest(INVALID_PARAMS_METHOD, (p: { method: string; problem: string }) => {
    throw new ResponseError(ErrorCodes.InvalidParams, `${p.method}: ${p.problem}`);
  });
}
