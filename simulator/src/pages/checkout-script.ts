// The hosted checkout page's script. It pays through the same public calls an integrator makes
// (process for mobile money; cspaToken, the device-data iframe, enroll, the challenge and process for
// cards), so the page exercises the API exactly as the official client does. Plain JS, no build step.
export const CHECKOUT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('page-data').textContent);
  var ref = data.reference;
  function $(id) { return document.getElementById(id); }
  function show(id, on) { $(id).hidden = !on; }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  async function call(path, body) {
    var res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    var json = await res.json().catch(function () { return null; });
    if (!res.ok) throw new Error((json && json.data && json.data.message) || ('The simulator answered HTTP ' + res.status));
    return json.data;
  }
  async function state() {
    var res = await fetch('/checkout/' + encodeURIComponent(ref) + '/state', { cache: 'no-store' });
    return res.json();
  }

  function busy(on, text) {
    document.querySelectorAll('button.pay').forEach(function (b) { b.disabled = on; });
    $('progress').textContent = text || '';
    show('progress', !!text);
  }
  function fail(message) { $('error').textContent = message; show('error', true); busy(false); }

  function returnUrl(status) {
    if (!data.returnUrl) return null;
    var url = new URL(data.returnUrl);
    url.searchParams.set('reference', ref);
    url.searchParams.set('status', status);
    return url.toString();
  }

  function finish(st) {
    var ok = st.status === 'COMPLETED';
    show('pay-forms', false); show('phone', false); show('challenge-box', false); busy(false);
    $('result-title').textContent = ok ? 'Payment complete' : st.status === 'FAILED' ? 'Payment failed' : 'Payment pending';
    $('result-title').className = 'result ' + (ok ? 'ok' : 'bad');
    $('result-message').textContent = st.attempt ? st.attempt.message : '';
    var back = returnUrl(st.status);
    if (back) { $('return-link').href = back; show('return-link', true); }
    show('retry', !ok && !st.expired);
    show('result', true);
    if (ok && back) setTimeout(function () { window.location.assign(back); }, 3000);
  }

  // Tabs: mobile money or card.
  document.querySelectorAll('[data-tab]').forEach(function (tab) {
    tab.addEventListener('click', function () {
      document.querySelectorAll('[data-tab]').forEach(function (t) {
        t.setAttribute('aria-selected', String(t === tab));
        show(t.getAttribute('data-tab'), t === tab);
      });
    });
  });
  $('retry').addEventListener('click', function () { window.location.reload(); });

  $('mobile-form').addEventListener('submit', async function (ev) {
    ev.preventDefault();
    show('error', false);
    var provider = $('provider').value;
    var mobile = $('mobile').value.replace(/[\s+]/g, '');
    busy(true, 'Sending the PIN prompt…');
    try {
      await call('/pay/' + encodeURIComponent(ref) + '/process', { type: provider, payment: { mobile: mobile } });
      $('phone-text').textContent = 'Enter your ' + provider + ' PIN to pay ' + data.amountText + ' to ' + data.merchant + '.';
      show('pay-forms', false); show('phone', true); busy(true, '');
      for (;;) {
        var st = await state();
        if (st.attempt && st.attempt.status !== 'PENDING') return finish(st);
        await sleep(1000);
      }
    } catch (e) { fail(e.message); show('pay-forms', true); show('phone', false); }
  });

  function deviceInformation() {
    return {
      httpBrowserColorDepth: screen.colorDepth || 24,
      httpBrowserJavaEnabled: false,
      httpBrowserJavaScriptEnabled: true,
      httpBrowserLanguage: (navigator.language || 'en-US').slice(0, 35),
      httpBrowserScreenHeight: screen.height || 1,
      httpBrowserScreenWidth: screen.width || 1,
      httpBrowserTimeDifference: new Date().getTimezoneOffset()
    };
  }

  // Posts hidden fields to url in the named frame and waits for the frame's message (or timeoutMs).
  function postToFrame(frame, url, fields, timeoutMs, accept) {
    return new Promise(function (resolve) {
      var form = document.createElement('form');
      form.method = 'POST'; form.action = url; form.target = frame.name; form.hidden = true;
      Object.keys(fields).forEach(function (name) {
        var input = document.createElement('input');
        input.type = 'hidden'; input.name = name; input.value = fields[name];
        form.appendChild(input);
      });
      document.body.appendChild(form);
      var timer = timeoutMs ? setTimeout(function () { done(null); }, timeoutMs) : null;
      function onMessage(ev) { if (ev.source === frame.contentWindow && accept(ev.data)) done(ev.data); }
      function done(value) { window.removeEventListener('message', onMessage); if (timer) clearTimeout(timer); form.remove(); resolve(value); }
      window.addEventListener('message', onMessage);
      form.submit();
    });
  }

  $('card-form').addEventListener('submit', async function (ev) {
    ev.preventDefault();
    show('error', false);
    var payment = {
      cc_number: $('cc-number').value.replace(/[\s-]/g, ''),
      cc_exp: $('cc-exp').value.trim(),
      cc_cvv: $('cc-cvv').value.trim(),
      cc_name: $('cc-name').value.trim()
    };
    var path = '/pay/' + encodeURIComponent(ref);
    try {
      busy(true, 'Checking the card…');
      var pa = await call(path + '/cspaToken', { type: 'CARDS', payment: payment });
      busy(true, 'Collecting device data…');
      await postToFrame($('collection-frame'), pa.paToken.deviceDataCollectionUrl, { JWT: pa.paToken.accessToken }, 10000, function () { return true; });
      busy(true, 'Checking 3-D Secure enrollment…');
      var enrollment = await call(path + '/enroll', { deviceInformation: deviceInformation(), type: 'CARDS', payment: payment });
      payment = null; // the card is not needed again: process uses the enrolled card
      if (enrollment.action === 'AUTHENTICATE') {
        show('pay-forms', false); show('challenge-box', true); busy(true, 'Complete the check from your bank below.');
        await postToFrame($('challenge-frame'), enrollment.stepUpUrl, { JWT: enrollment.accessToken, MD: ref }, 0, function (d) { return d && d.action; });
        show('challenge-box', false);
      }
      busy(true, 'Authorising the payment…');
      await call(path + '/process?longPoll=true', { type: 'CARDS' });
      finish(await state());
    } catch (e) { fail(e.message); show('pay-forms', true); show('challenge-box', false); }
  });
})();`;
