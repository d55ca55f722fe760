/**
 * Reduces the errors Lightning hands a component (wire errors, Apex AuraHandledException
 * bodies, UI API field errors, plain Errors, arrays of any of these) to readable strings, so
 * every panel shows the same kind of message instead of "[object Object]".
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  return list
    .filter((error) => !!error)
    .flatMap((error) => messagesOf(error))
    .filter((message) => !!message);
}

function messagesOf(error) {
  if (typeof error === 'string') {
    return [error];
  }
  const body = error.body;
  if (Array.isArray(body)) {
    return body.map((entry) => entry.message);
  }
  if (body && body.output) {
    const pageErrors = (body.output.errors || []).map((entry) => entry.message);
    const fieldErrors = Object.values(body.output.fieldErrors || {})
      .flat()
      .map((entry) => entry.message);
    if (pageErrors.length || fieldErrors.length) {
      return [...pageErrors, ...fieldErrors];
    }
  }
  if (body && typeof body.message === 'string') {
    return [body.message];
  }
  if (typeof error.message === 'string') {
    return [error.message];
  }
  return [error.statusText];
}
