"""Little Pay for a Python merchant backend: the API calls a shop makes and the callback signature check.

Standard library for HTTP (urllib); the `cryptography` package for RSA, which the standard library lacks
(Debian: python3-cryptography; elsewhere: pip install cryptography).
"""
import base64
import json
import time
import urllib.error
import urllib.request

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

# A callback signed longer ago than this (or this far in the future) is refused as a replay.
REPLAY_WINDOW_SECONDS = 300


class LittlePayError(Exception):
    """A non-2xx answer; Little Pay puts the human message in data.message."""

    def __init__(self, status, body):
        message = (body.get("data") or {}).get("message") if isinstance(body, dict) else None
        super().__init__(f"HTTP {status}: {message or body}")
        self.status = status
        self.body = body


class LittlePay:
    def __init__(self, base_url, client_id, client_secret, token_id, api_key):
        self.base_url = base_url.rstrip("/")
        self.token_id = token_id
        self.api_key = api_key
        basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
        self.basic_auth = f"Basic {basic}"

    def create_intent(self, body):
        """POST /api/payments/{tokenId}/pay with Basic auth; answers data.reference and data.checkoutUrl."""
        return self._call("POST", f"/api/payments/{self.token_id}/pay", body, {"Authorization": self.basic_auth})

    def status(self, key_or_reference):
        return self._call("GET", f"/api/payments-v2/{key_or_reference}", None, {"X-API-KEY": self.api_key})

    def refund(self, key_or_reference, amount, reason):
        body = {"amount": amount, "reason": reason}
        return self._call("POST", f"/api/refund/{key_or_reference}", body, {"X-API-KEY": self.api_key})

    def pay_with_saved_card(self, reference, customer_id):
        """The Tokenization Guide's process body: the saved card's customer id and nothing else."""
        body = {"type": "CARDS", "payment": {"customer": {"id": customer_id}}}
        return self._call("POST", f"/pay/{reference}/process", body)

    def pay_step(self, reference, step, body):
        """The shopper's /pay/{reference}/... calls (no credentials), made by the hosted checkout in production."""
        return self._call("POST", f"/pay/{reference}/{step}", body)

    def _call(self, method, path, body, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers or {})
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)["data"]
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = raw.decode(errors="replace")
            raise LittlePayError(error.code, parsed) from None


def load_public_key(pem):
    return serialization.load_pem_public_key(pem.encode() if isinstance(pem, str) else pem)


def verify_callback(public_key, raw_body, signature, timestamp, now=None):
    """Checks a callback as Little Pay documents it: RSA-SHA256 (PKCS#1 v1.5) over timestamp + "." + body.

    The documented string is the timestamp, a dot and JSON.stringify of the body, and the body on the wire is
    that same compact JSON, so the raw bytes received are verified: re-serialising in Python would not always
    give JavaScript's bytes back (json.dumps writes 100.0 for a float, spaces after separators, ASCII escapes).
    Answers None when the callback is genuine and fresh, else the reason it is not.
    """
    if not signature or not timestamp:
        return "missing X-LittlePay-Signature or X-LittlePay-Timestamp"
    if not timestamp.isdigit():
        return "X-LittlePay-Timestamp is not a number of seconds"
    try:
        public_key.verify(
            base64.b64decode(signature, validate=True),
            timestamp.encode() + b"." + raw_body,
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except (InvalidSignature, ValueError):
        return "signature does not verify"
    # Checked after the signature, so an attacker cannot learn anything from the clock check.
    if abs((now or time.time()) - int(timestamp)) > REPLAY_WINDOW_SECONDS:
        return "timestamp outside the replay window"
    return None
