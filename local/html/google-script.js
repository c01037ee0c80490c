// google.script.run and google.script.host for pages served by the local Apps Script runtime.
// Faithful to https://developers.google.com/apps-script/guides/html/reference/run and
// https://developers.google.com/apps-script/guides/html/communication :
// - every runner method returns a NEW runner, so handlers set for one call do not leak to the next;
// - each public server function (config.functions: top-level, not ending in '_') is a method; it
//   returns undefined and calls back asynchronously; any other name is undefined, so calling it
//   throws a TypeError in the page, as in Apps Script (private functions "can't be seen by
//   google.script.run", https://developers.google.com/apps-script/guides/html/communication#private_functions);
// - legal arguments are primitives, and objects/arrays made of them (a form element only as the
//   only argument); a Date, a function, a DOM node or a circular reference fails with Google's
//   "Failed due to illegal value in property: …"; undefined inside arrays becomes null;
// - at most 10 calls are in flight; later calls wait for a free slot;
// - the failure handler receives an Error carrying the server's message.
(() => {
  const config = window.__OKR_SANDBOX__ || {};
  // Without a list (a page served by another tool) every name is tried on the server.
  const known = Array.isArray(config.functions) ? config.functions : null;
  const MAX_IN_FLIGHT = 10;
  let inFlight = 0;
  const waiting = [];

  function isNode(v) {
    return typeof Node !== 'undefined' && v instanceof Node;
  }

  function illegalPath(value, path, seen) {
    if (value === null || value === undefined) return null;
    const t = typeof value;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t !== 'object') return path;
    if (Object.prototype.toString.call(value) === '[object Date]' || isNode(value)) return path;
    if (seen.indexOf(value) >= 0) return path;
    seen.push(value);
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const bad = illegalPath(value[keys[i]], keys[i], seen);
      if (bad !== null) return bad;
    }
    seen.pop();
    return null;
  }

  function formToObject(form) {
    const out = {};
    for (let i = 0; i < form.elements.length; i++) {
      const el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      out[el.name] = el.value;
    }
    return out;
  }

  function pump() {
    while (inFlight < MAX_IN_FLIGHT && waiting.length) {
      inFlight++;
      send(waiting.shift());
    }
  }

  function send(call) {
    const done = () => {
      inFlight--;
      pump();
    };
    fetch(config.base + '/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn: call.name, args: call.args, as: config.as }),
    })
      .then((res) => res.json())
      .then(
        (reply) => {
          done();
          if (reply.ok) {
            if (call.success) call.success(reply.result, call.userObject);
          } else {
            const err = new Error(reply.error?.message || 'Server error');
            if (reply.error?.name) err.name = reply.error.name;
            if (call.failure) call.failure(err, call.userObject);
            else console.error(err);
          }
        },
        (e) => {
          done();
          const err = new Error('NetworkError: Connection failure due to HTTP 0');
          if (call.failure) call.failure(err, call.userObject);
          else console.error(err, e);
        },
      );
  }

  function runner(success, failure, userObject) {
    const base = {
      withSuccessHandler: (f) => runner(f, failure, userObject),
      withFailureHandler: (f) => runner(success, f, userObject),
      withUserObject: (o) => runner(success, failure, o),
    };
    return new Proxy(base, {
      get: (target, name) => {
        if (Object.hasOwn(target, name)) return target[name];
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (known && known.indexOf(name) < 0) return undefined;
        return (...callArgs) => {
          let args = callArgs;
          if (
            args.length === 1 &&
            typeof HTMLFormElement !== 'undefined' &&
            args[0] instanceof HTMLFormElement
          ) {
            args = [formToObject(args[0])];
          }
          for (let i = 0; i < args.length; i++) {
            const bad = illegalPath(args[i], String(i), []);
            if (bad !== null) throw new Error('Failed due to illegal value in property: ' + bad);
          }
          // A copy: the server never sees (or changes) the client's objects; undefined in arrays → null.
          const copied = JSON.parse(JSON.stringify(args, (_k, v) => (v === undefined ? null : v)));
          waiting.push({
            name: name,
            args: copied,
            success: success,
            failure: failure,
            userObject: userObject,
          });
          pump();
          return undefined;
        };
      },
    });
  }

  function notifyParent(action, value) {
    try {
      if (window.parent && window.parent !== window) {
        window.parent.postMessage({ source: 'okr-sandbox-host', action: action, value: value }, '*');
      }
    } catch (_e) {
      /* cross-origin parents just miss the message */
    }
  }

  const hostState = { closed: false, width: null, height: null, focused: false };
  window.google = window.google || {};
  window.google.script = window.google.script || {};
  window.google.script.run = runner(null, null, undefined);
  // https://developers.google.com/apps-script/guides/html/reference/host
  window.google.script.host = {
    origin: config.origin || '',
    close: () => {
      hostState.closed = true;
      notifyParent('close');
    },
    setHeight: (h) => {
      hostState.height = h;
      notifyParent('setHeight', h);
    },
    setWidth: (w) => {
      hostState.width = w;
      notifyParent('setWidth', w);
    },
    editor: {
      focus: () => {
        hostState.focused = true;
        notifyParent('focusEditor');
      },
    },
  };
  window.__okrSandboxHost__ = hostState;
})();
