"""placeholder"""


def issues_move_out_of_state(**kwargs):
    raise NotImplementedError


def issues_sync_completion(**kwargs):
    raise NotImplementedError
