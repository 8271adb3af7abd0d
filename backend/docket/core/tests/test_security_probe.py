"""The security probe suite of issue 17 ("Hostile world, round two"), in one place: each finding
of the issue, with the tests (bounded, loopback only, on the real PostgreSQL, Redis and
Channels) that reproduce its attack and keep it fixed. The tests live beside the code they
guard; this index names them, and fails when one of them disappears or is renamed without the
index following, so no finding silently loses its probe.

Run the whole suite: `pytest docket/core/tests/test_security_probe.py` checks the index; the
probes themselves are `pytest $(python -m docket.core.tests.test_security_probe)`.
"""

from __future__ import annotations

import importlib
import sys

import pytest

FINDINGS: dict[str, list[str]] = {
    "compose and production accept a published or weak SECRET_KEY / METRICS_TOKEN": [
        "docket.core.tests.test_settings::test_production_refuses_weak_or_published_secret_keys",
        "docket.core.tests.test_settings::test_production_refuses_a_weak_metrics_token",
        "docket.core.tests.test_settings::test_check_deploy_fails_with_the_former_compose_key",
        "docket.core.tests.test_settings::test_compose_gives_no_secret_a_default_anywhere",
    ],
    "request bodies of any size spooled before any check; chunked JSON read as empty": [
        "docket.http.tests.test_body_limits::"
        "test_a_declared_length_over_the_limit_is_refused_without_reading_the_body",
        "docket.http.tests.test_body_limits::"
        "test_an_endless_chunked_body_is_cut_at_the_limit_and_never_spooled",
        "docket.http.tests.test_body_limits::test_a_chunked_json_body_under_the_limit_is_read_whole",
    ],
    "websocket frames buffered before authentication; sockets, messages unthrottled": [
        "docket.realtime.tests.test_hostile_sockets::"
        "test_a_frame_over_the_limit_is_refused_before_authentication",
        "docket.realtime.tests.test_hostile_sockets::"
        "test_one_address_holds_only_a_few_unauthenticated_sockets",
        "docket.realtime.tests.test_hostile_sockets::test_a_flood_of_messages_closes_the_socket",
        "docket.realtime.tests.test_hostile_sockets::test_deeply_nested_json_is_an_error_not_a_crash",
    ],
    "sockets outlive sign-out, password change and deactivation": [
        "docket.realtime.tests.test_session_end::"
        "test_signing_out_closes_the_persons_sockets_and_nothing_more_arrives",
        "docket.realtime.tests.test_session_end::"
        "test_changing_the_password_closes_the_persons_sockets",
        "docket.realtime.tests.test_session_end::"
        "test_deactivating_an_account_closes_its_sockets_and_refuses_its_ticket",
        "docket.accounts.tests.test_deactivation::test_a_deactivated_account_can_use_nothing_it_held",
        "docket.accounts.tests.test_deactivation::test_only_staff_deactivate",
    ],
    "tokens of removed members come back when they rejoin": [
        "docket.workspaces.tests.test_tokens::"
        "test_token_of_a_removed_member_stays_dead_when_they_are_invited_back",
    ],
    "authorization reads hit the standby": [
        "docket.core.tests.test_read_your_writes::test_authorization_reads_never_go_to_the_replica",
    ],
    "guests learn the far end of relations and everyone's e-mail address": [
        "docket.integrations.tests.test_least_knowledge::"
        "test_a_guest_does_not_learn_the_far_end_of_a_relation_from_activity",
        "docket.integrations.tests.test_least_knowledge::"
        "test_the_change_feed_redacts_the_same_for_a_guest",
        "docket.integrations.tests.test_least_knowledge::"
        "test_a_guest_sees_no_e_mail_address_wherever_a_person_is_shown",
        "docket.integrations.tests.test_least_knowledge::"
        "test_a_guest_answer_leaves_no_e_mails_shown_to_the_next_request",
    ],
    "ten wrong passwords from anywhere lock the owner out": [
        "docket.accounts.tests.test_api::test_guesses_from_elsewhere_never_lock_the_owner_out",
        "docket.accounts.tests.test_sign_in_backoff::"
        "test_guesses_spread_over_addresses_close_the_account_for_a_while",
        "docket.accounts.tests.test_sign_in_backoff::"
        "test_a_known_client_signs_in_with_the_right_password_during_the_backoff",
        "docket.accounts.tests.test_sign_in_backoff::test_a_browser_is_known_by_its_refresh_cookie",
    ],
    "per-address limits do not aggregate IPv6; a forged X-Forwarded-For escapes them": [
        "docket.accounts.tests.test_api::test_one_ipv6_host_counts_as_one_address",
        "docket.core.tests.test_client_address::"
        "test_a_forged_forwarded_for_does_not_escape_the_sign_in_limit",
    ],
    "workspaces and tokens per user are unlimited": [
        "docket.workspaces.tests.test_api::"
        "test_workspaces_owned_per_person_are_limited_by_a_setting",
        "docket.workspaces.tests.test_tokens::test_tokens_per_person_are_limited_by_a_setting",
    ],
    "invitation tokens in the URL path; the console mail backend prints them": [
        "docket.workspaces.tests.test_invitation_email::"
        "test_the_local_console_mail_prints_no_working_invitation_link",
        # and the browser: frontend/e2e/scenarios.mjs, "an owner invites someone who joins" and
        # "a guest sees only the projects they were added to" (a link of the old shape).
    ],
}

PROBES = [probe for probes in FINDINGS.values() for probe in probes]


@pytest.mark.parametrize("probe", PROBES)
def test_every_finding_keeps_its_probe(probe):
    module_name, test_name = probe.split("::")
    module = importlib.import_module(module_name)
    assert callable(getattr(module, test_name, None)), f"{probe} is gone: update the index"


def node_ids() -> list[str]:
    """The probes as pytest node ids, relative to backend/."""
    return sorted(
        {
            f"{module.replace('.', '/')}.py::{test}"
            for module, test in (probe.split("::") for probe in PROBES)
        }
    )


if __name__ == "__main__":
    sys.stdout.write(" ".join(node_ids()) + "\n")
