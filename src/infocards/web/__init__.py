"""The web modes' front door: the launch-secret and Origin/Host guard, and the throttle beside it."""

from infocards.web.guard import TOKEN_PARAM, LaunchGuard, LaunchSecret, cookie_name, write_launch_page
from infocards.web.throttle import FREE_FAILURES, MAX_DELAY_SECONDS, UnlockThrottle, throttle_for

__all__ = [
    "FREE_FAILURES",
    "MAX_DELAY_SECONDS",
    "TOKEN_PARAM",
    "LaunchGuard",
    "LaunchSecret",
    "UnlockThrottle",
    "cookie_name",
    "throttle_for",
    "write_launch_page",
]
