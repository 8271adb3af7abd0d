"""Client addresses as the limits count them: one IPv4 address, or one IPv6 /64.

An IPv6 host is routinely given a whole /64 and may use any address in it, so counting single
IPv6 addresses would hand one host 2^64 budgets.
"""

from __future__ import annotations

import ipaddress

IPV6_BUCKET_PREFIX = 64


def address_bucket(address: str | None) -> str:
    """The bucket `address` counts in: itself for IPv4 (or anything unparsable, as given), its
    /64 network for IPv6."""
    if not address:
        return ""
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_BUCKET_PREFIX}", strict=False))
    return str(parsed)
