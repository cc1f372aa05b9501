// A stand-in LMS for end-to-end tests: scorm-again provides window.API / window.API_1484_11; this page
// records every call, can make chosen calls fail, and launches the package in an iframe (as Moodle's
// "current window" display does) or a new window.
(function () {
  var cfg = window.__KS_CONFIG__ || {};
  var v12 = cfg.version === '12';
  var api = v12 ? new Scorm12API({ autocommit: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, logLevel: 5 });
  if (cfg.flat) api.loadFromFlattenedJSON(cfg.flat, '');
  var calls = (window.__calls = []);
  var snapshots = (window.__snapshots = []);
  var failures = (cfg.fail || []).map(function (f) { return { method: f.method, element: f.element, times: f.times, after: f.after, armed: !f.after }; });
  var forced = 0;
  var names = v12
    ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
    : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];
  var lastErrorName = v12 ? 'LMSGetLastError' : 'GetLastError';
  var wrapped = {};
  names.forEach(function (n) {
    wrapped[n] = function () {
      var args = Array.prototype.slice.call(arguments);
      if (n === lastErrorName) return forced ? String(forced) : api[n]();
      if (!/Error|Diagnostic/.test(n)) forced = 0;
      for (var i = 0; i < failures.length; i++) {
        var f = failures[i];
        if (f.after && /SetValue/.test(n) && args[0] === f.after) f.armed = true;
        if (f.armed && f.times > 0 && f.method === n && (!f.element || f.element === args[0])) {
          f.times--;
          forced = 101;
          calls.push({ method: n, args: args, result: 'false', error: 101, injected: true });
          return 'false';
        }
      }
      var result = api[n].apply(api, args);
      calls.push({ method: n, args: args, result: String(result), error: Number(api[lastErrorName]()) });
      if (/Commit|Finish|Terminate/.test(n) && String(result) === 'true') snapshots.push(JSON.parse(JSON.stringify(api.renderCMIToJSONObject())));
      return result;
    };
  });
  window[v12 ? 'API' : 'API_1484_11'] = wrapped;
  window.__cmi = function () { return JSON.parse(JSON.stringify(api.renderCMIToJSONObject())); };
  if (cfg.display === 'window') {
    window.__child = window.open(cfg.launch, 'scorm_content');
  } else {
    var f = document.createElement('iframe');
    f.id = 'sco';
    f.title = 'SCORM content';
    f.src = cfg.launch;
    f.style.width = '1024px';
    f.style.height = '700px';
    document.getElementById('frame-holder').appendChild(f);
  }
  // Leaving the activity, as a learner clicking away in Moodle does: the content page is unloaded.
  window.__leave = function () {
    if (window.__child) window.__child.close();
    var fr = document.getElementById('sco');
    if (fr) fr.src = 'about:blank';
  };
})();
