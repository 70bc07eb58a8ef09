"""Browser tests: the real web app, served by `infocards web`, driven in Debian's Chromium."""
