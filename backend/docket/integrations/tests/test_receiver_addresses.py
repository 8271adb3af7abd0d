"""Which addresses webhooks may be sent to (docket.integrations.transport.receiver_refusal),
under the production policy, a development allowlist, and an allowlist of everything."""

import ipaddress

import pytest

from docket.integrations.transport import embedded_ipv4, receiver_refusal
from docket.testing.receiver import LOOPBACK

EVERYTHING = ["0.0.0.0/0", "::/0"]

# (address, production, loopback allowed, everything allowed): True = a receiver.
TABLE = [
    ("8.8.8.8", True, True, True),
    ("2606:4700:4700::1111", True, True, True),
    ("127.0.0.1", False, True, True),
    ("::1", False, True, True),
    ("10.0.0.5", False, False, True),
    ("192.168.1.1", False, False, True),
    ("100.64.0.1", False, False, True),  # carrier-grade NAT
    ("fc00::1", False, False, True),  # unique local
    ("224.0.0.1", False, False, True),  # multicast
    # Link-local and metadata: never
    ("169.254.169.254", False, False, False),
    ("169.254.0.1", False, False, False),
    ("fe80::1", False, False, False),
    ("fd00:ec2::254", False, False, False),
    ("100.100.100.200", False, False, False),
    ("192.0.0.192", False, False, False),
    # IPv4-mapped and IPv4-compatible: judged by the IPv4 address
    ("::ffff:8.8.8.8", True, True, True),
    ("::ffff:127.0.0.1", False, True, True),
    ("::ffff:169.254.169.254", False, False, False),
    ("::127.0.0.1", False, True, True),
    ("::10.0.0.5", False, False, True),
    ("::8.8.8.8", True, True, True),
    # NAT64, well-known and local-use prefixes
    ("64:ff9b::808:808", True, True, True),
    ("64:ff9b::7f00:1", False, True, True),
    ("64:ff9b::a9fe:a9fe", False, False, False),
    ("64:ff9b:1:808:8:800::", True, True, True),
    ("64:ff9b:1:7f00:0:100::", False, True, True),
    ("64:ff9b:1:a9fe:a9:fe00::", False, False, False),
    # 6to4
    ("2002:808:808::1", True, True, True),
    ("2002:7f00:1::1", False, True, True),
    ("2002:a00:5::1", False, False, True),
    ("2002:a9fe:a9fe::1", False, False, False),
    # Teredo: both ends judged (this client, 192.0.2.45, is a documentation address)
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False, False, True),
]


@pytest.mark.parametrize(("address", "production", "loopback", "everything"), TABLE)
def test_receiver_policy(settings, address, production, loopback, everything):
    parsed = ipaddress.ip_address(address)
    verdicts = []
    for allowlist in ([], LOOPBACK, EVERYTHING):
        settings.WEBHOOK_DEVELOPMENT_RECEIVERS = allowlist
        verdicts.append(receiver_refusal(parsed) is None)
    assert verdicts == [production, loopback, everything]


@pytest.mark.parametrize(
    ("address", "carried"),
    [
        ("::ffff:10.1.2.3", "10.1.2.3"),
        ("::10.1.2.3", "10.1.2.3"),
        ("64:ff9b::a01:203", "10.1.2.3"),
        ("64:ff9b:1:a01:2:300::", "10.1.2.3"),
        ("2002:a01:203::", "10.1.2.3"),
        ("::1", None),
        ("::", None),
        ("2606:4700::1", None),
        ("10.1.2.3", None),
    ],
)
def test_the_ipv4_address_an_ipv6_one_carries(address, carried):
    found = embedded_ipv4(ipaddress.ip_address(address))
    assert (str(found) if found else None) == carried
