// A merchant's page that makes the official client's calls (littlepay-api.md §4.7 and §11.1) from its own
// origin: create-intent with Basic auth, cspaToken, the hidden device-data-collection iframe (twice), then
// enroll and process in one of the client's two orderings, the JWT/MD form post to the challenge in a named
// target and the wait for its message. The page writes what it saw into #result for the test to read.
export const OFFICIAL_CLIENT_PAGE = String.raw`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop using the official client's calls</title></head>
<body><h1>Shop</h1><pre id="result">running</pre><iframe name="stepUpFrame" id="step-up-frame" width="400" height="600"></iframe>
<script>
(async function () {
  var q = new URLSearchParams(location.search);
  var sim = q.get('sim');
  var simOrigin = new URL(sim).origin;
  var ordering = q.get('ordering');
  var card = { cc_number: q.get('card'), cc_cvv: q.get('cvv'), cc_exp: q.get('exp'), cc_name: 'Jane Doe' };
  // order: when the step-up page's message and the long-polled process's answer reached this page.
  var seen = { ddcMessages: 0, stepUpMessage: null, order: [] };

  async function post(path, body, headers, arrived) {
    var res = await fetch(sim + path, { method: 'POST', headers: Object.assign({ 'content-type': 'application/json' }, headers || {}), body: JSON.stringify(body) });
    if (arrived) seen.order.push(arrived);
    var json = await res.json();
    if (!res.ok) throw new Error(path + ' answered ' + res.status + ': ' + json.data.message);
    return json.data;
  }

  // Device data collection as the client does it: hidden 10x10 iframe named collectionIframe, a hidden form
  // posting JWT into it, then a message from the collection page's origin or 10 seconds.
  function collect(paToken) {
    return new Promise(function (resolve) {
      var iframe = document.createElement('iframe');
      iframe.name = 'collectionIframe'; iframe.width = '10'; iframe.height = '10'; iframe.style.display = 'none';
      document.body.appendChild(iframe);
      var form = document.createElement('form');
      form.method = 'POST'; form.action = paToken.deviceDataCollectionUrl; form.target = 'collectionIframe';
      var input = document.createElement('input'); input.type = 'hidden'; input.name = 'JWT'; input.value = paToken.accessToken;
      form.appendChild(input); document.body.appendChild(form);
      var timer = setTimeout(done, 10000);
      function onMessage(ev) {
        if (ev.origin !== simOrigin) return;
        var data = JSON.parse(ev.data);
        if (data.MessageType === 'profile.completed') { seen.ddcMessages++; done(); }
      }
      function done() { clearTimeout(timer); window.removeEventListener('message', onMessage); form.remove(); iframe.remove(); resolve(); }
      window.addEventListener('message', onMessage);
      form.submit();
    });
  }

  function deviceInformation() {
    return { httpBrowserColorDepth: screen.colorDepth, httpBrowserJavaEnabled: false, httpBrowserJavaScriptEnabled: true,
      httpBrowserLanguage: navigator.language, httpBrowserScreenHeight: screen.height, httpBrowserScreenWidth: screen.width,
      httpBrowserTimeDifference: new Date().getTimezoneOffset() };
  }

  // The step-up: form POST of JWT and MD to stepUpUrl in the named target, then wait for {action: "MAKE_PAYMENT"}.
  function stepUp(enrollment, reference) {
    return new Promise(function (resolve) {
      var form = document.createElement('form');
      form.method = 'POST'; form.action = enrollment.stepUpUrl; form.target = q.get('target');
      // Chromium opens a form's _blank target without an opener unless rel="opener" asks for one.
      if (q.get('rel')) form.rel = q.get('rel');
      [['JWT', enrollment.accessToken], ['MD', reference]].forEach(function (f) {
        var input = document.createElement('input'); input.type = 'hidden'; input.name = f[0]; input.value = f[1]; form.appendChild(input);
      });
      document.body.appendChild(form);
      window.addEventListener('message', function onMessage(ev) {
        if (ev.data && ev.data.action === 'MAKE_PAYMENT') { seen.stepUpMessage = ev.data; seen.order.push('stepUpMessage'); window.removeEventListener('message', onMessage); resolve(); }
      });
      form.submit();
    });
  }

  try {
    var auth = 'Basic ' + btoa(q.get('clientId') + ':' + q.get('clientSecret'));
    var intent = await post('/api/payments/' + q.get('tokenId') + '/pay', {
      amount: 1200, currency: 'KES', description: 'Official client ' + ordering, key: q.get('key'),
      callbackUrl: sim + '/_sim/inbox/official-client', returnUrl: location.origin + '/done',
      // The Cards guide's advice (AVS): without any billing address the simulator declines the card by default.
      payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' } }
    }, { authorization: auth });
    var ref = intent.reference;
    var pa = await post('/pay/' + ref + '/cspaToken', { type: 'CARDS', payment: card });
    await collect(pa.paToken);
    await collect(pa.paToken);
    var enrollment, result;
    if (ordering === 'default') {
      // process (long-polled) and enroll leave within milliseconds of each other; process's answer is the result.
      var processing = post('/pay/' + ref + '/process?longPoll=true', { type: 'CARDS', payment: card }, null, 'process');
      enrollment = await post('/pay/' + ref + '/enroll', { deviceInformation: deviceInformation(), type: 'CARDS', payment: card });
      if (enrollment.action === 'AUTHENTICATE') await stepUp(enrollment, ref);
      result = await processing;
    } else {
      enrollment = await post('/pay/' + ref + '/enroll', { deviceInformation: deviceInformation(), type: 'CARDS', payment: card });
      if (enrollment.action === 'AUTHENTICATE') await stepUp(enrollment, ref);
      result = await post('/pay/' + ref + '/process?longPoll=true', { type: 'CARDS', payment: card });
    }
    document.getElementById('result').textContent = JSON.stringify({ reference: ref, action: enrollment.action, status: result.status, message: result.message, seen: seen });
  } catch (e) {
    document.getElementById('result').textContent = JSON.stringify({ error: String(e && e.message || e) });
  }
})();
</script></body></html>`;
