"""The web modes' front door: the launch-secret and Origin/Host guard, and the throttle beside it."""
