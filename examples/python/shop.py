"""A minimal merchant backend on Little Pay: a signed-callback endpoint and one journey through the API.

    python3 shop.py          the journey: create an intent that saves the card, pay it, read the status,
                             refund part of it, pay a second order with the saved card; exits 0 when all held
    python3 shop.py serve    only the callback endpoint, until Ctrl-C

Settings (environment): LITTLEPAY_BASE_URL, LITTLEPAY_CLIENT_ID, LITTLEPAY_CLIENT_SECRET, LITTLEPAY_TOKEN_ID,
LITTLEPAY_API_KEY (default: the simulator's first demo merchant), LITTLEPAY_PUBLIC_KEY_FILE (default: the
simulator's key from /_sim/keys/callback.pem), SHOP_HOST and SHOP_PORT (default 127.0.0.1 and a free port).
"""
import json
import os
import secrets
import sys
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from littlepay import LittlePay, load_public_key, verify_callback

BASE_URL = os.environ.get("LITTLEPAY_BASE_URL", "http://localhost:3000")
CALLBACK_PATH = "/littlepay/callback"


class Orders:
    """The shop's orders by key. A real shop keeps them in its database."""

    def __init__(self):
        self.by_key = {}
        self.seen = set()
        self.changed = threading.Condition()

    def add(self, key, amount):
        with self.changed:
            self.by_key[key] = {"amount": amount, "status": "PENDING", "customer_id": None}

    def apply_callback(self, body):
        """Idempotent: a callback seen before changes nothing, and nothing undoes a COMPLETED payment."""
        with self.changed:
            seen_key = (body.get("reference"), body.get("status"), body.get("date"))
            order = self.by_key.get(body.get("key"))
            if seen_key in self.seen or order is None:
                return "already processed" if seen_key in self.seen else "no such order, nothing to fulfil"
            self.seen.add(seen_key)
            if order["status"] != "COMPLETED":
                order["status"] = body.get("status")
            token = ((body.get("tokenInformation") or {}).get("customer") or {}).get("id")
            if token:
                order["customer_id"] = token
            self.changed.notify_all()
            return f"order {body.get('key')} is {order['status']}"

    def wait_for(self, key, status, timeout=15):
        with self.changed:
            if not self.changed.wait_for(lambda: self.by_key[key]["status"] == status, timeout):
                raise RuntimeError(f"no {status} callback for {key} within {timeout} s")
            return dict(self.by_key[key])


def callback_handler(public_key, orders):
    class CallbackHandler(BaseHTTPRequestHandler):
        def do_POST(self):
            if self.path != CALLBACK_PATH:
                return self.answer(404, {"error": "not found"})
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            problem = verify_callback(
                public_key, raw, self.headers.get("X-LittlePay-Signature"), self.headers.get("X-LittlePay-Timestamp")
            )
            if problem:
                return self.answer(401, {"error": problem})
            try:
                body = json.loads(raw)
            except ValueError:
                return self.answer(400, {"error": "body is not JSON"})
            # Answer at once; a slow answer is retried by Little Pay as if it were lost.
            self.answer(200, {"received": True, "result": orders.apply_callback(body)})

        def answer(self, status, payload):
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *args):
            sys.stderr.write(f"shop: {fmt % args}\n")

    return CallbackHandler


def read_public_key():
    path = os.environ.get("LITTLEPAY_PUBLIC_KEY_FILE")
    if path:
        with open(path, "rb") as f:
            return load_public_key(f.read())
    # The simulator signs with its own key; against Little Pay, configure its published key instead.
    with urllib.request.urlopen(f"{BASE_URL}/_sim/keys/callback.pem", timeout=10) as response:
        return load_public_key(response.read())


def start_server(orders):
    host = os.environ.get("SHOP_HOST", "127.0.0.1")
    server = ThreadingHTTPServer((host, int(os.environ.get("SHOP_PORT", "0"))), callback_handler(read_public_key(), orders))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://{host}:{server.server_address[1]}{CALLBACK_PATH}"
    print(f"callback endpoint: {url}", flush=True)
    return server, url


def journey(lp, orders, callback_url):
    # 1. The Tokenization Guide's create body: createCustomer saves the card the shopper pays with.
    key = "SAVECARD" + secrets.token_hex(4).upper()
    orders.add(key, 100)
    intent = lp.create_intent({
        "amount": 100, "currency": "KES", "description": "Saving card for future use", "callbackUrl": callback_url,
        "key": key, "payload": {"billingAddress": {"firstName": "John", "lastName": "Doe", "email": "john@example.com"}},
        "metadata": {"createCustomer": True},
    })
    print(f"1. intent {intent['reference']} for order {key}; the shopper pays at {intent['checkoutUrl']}")
    pay_as_shopper(lp, intent["reference"])
    order = orders.wait_for(key, "COMPLETED")
    print(f"2. signed callback verified: order {key} COMPLETED, saved card {order['customer_id']}")
    status = lp.status(key)
    expect(status["status"] == "COMPLETED", f"status {status['status']}")
    expect(status["tokenInformation"]["customer"]["id"] == order["customer_id"], "the status names another saved card")
    print(f"3. status of {key}: {status['status']}, paid by {status['payment']['provider']}")
    refund = lp.refund(key, 40, "One item returned")
    expect(refund["status"] == "COMPLETED", f"refund {refund}")
    print(f"4. refund of 40 KES: {refund['status']}")
    second = "ORDER" + secrets.token_hex(4).upper()
    orders.add(second, 250)
    intent = lp.create_intent({"amount": 250, "currency": "KES", "description": "Second order", "key": second, "callbackUrl": callback_url})
    paid = lp.pay_with_saved_card(intent["reference"], order["customer_id"])
    expect(paid["status"] == "COMPLETED", f"saved-card payment {paid['status']}")
    orders.wait_for(second, "COMPLETED")
    print(f"5. order {second} paid with the saved card: {paid['status']}, callback verified")


def expect(condition, problem):
    if not condition:
        raise RuntimeError(problem)


def pay_as_shopper(lp, reference):
    """What the hosted checkout does in the shopper's browser, with the simulator's frictionless test card."""
    card = {"cc_number": "4000000000002701", "cc_cvv": "123", "cc_exp": "01/39", "cc_name": "John Doe"}
    lp.pay_step(reference, "cspaToken", {"type": "CARDS", "payment": card})
    lp.pay_step(reference, "enroll", {"deviceInformation": {
        "httpBrowserColorDepth": 24, "httpBrowserJavaEnabled": False, "httpBrowserJavaScriptEnabled": True,
        "httpBrowserLanguage": "en-US", "httpBrowserScreenHeight": 844, "httpBrowserScreenWidth": 390,
        "httpBrowserTimeDifference": 0,
    }})
    lp.pay_step(reference, "process", {"type": "CARDS"})


def main():
    orders = Orders()
    server, callback_url = start_server(orders)
    if sys.argv[1:] == ["serve"]:
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            server.shutdown()
        return
    lp = LittlePay(
        BASE_URL,
        os.environ.get("LITTLEPAY_CLIENT_ID", "9a711fe0741dd9f8"),
        os.environ.get("LITTLEPAY_CLIENT_SECRET", "VFrP59Q/3TvMVrmzsPchYA=="),
        os.environ.get("LITTLEPAY_TOKEN_ID", "5a231cf6-3ce6-4c5b-a664-f47aed39f8d7"),
        os.environ.get("LITTLEPAY_API_KEY", "sk_sandbox_bdc9d69af6dd22a94232fec2d8a9fcfbe47ed6dd"),
    )
    journey(lp, orders, callback_url)
    server.shutdown()
    print("journey: ok")


if __name__ == "__main__":
    main()
