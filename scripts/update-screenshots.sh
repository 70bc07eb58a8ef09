#!/usr/bin/env bash
# Copies the README's screenshots from test-artifacts/, where the browser tests (tests/e2e) save
# what the real app showed in Chromium. Run ./scripts/test.sh first, then this.
set -euo pipefail
cd "$(dirname "$0")/.."
src=test-artifacts
out=docs/screenshots
mkdir -p "$out"
copy() {  # $1: the test's screenshot (without .png), $2: the README's name
  [[ -f "$src/$1.png" ]] || { echo "update-screenshots: missing $src/$1.png (run the browser tests first)" >&2; exit 1; }
  cp "$src/$1.png" "$out/$2.png"
  echo "update-screenshots: $out/$2.png"
}
copy test_home_starts_with_when_to_call_now_and_every_regions_number-home-urgent home-da
copy test_card_shows_body_summary_and_sources-card-red-flags-da card-red-flags-da
copy test_create_add_lock_unlock-timeline timeline
copy test_share_screen_shows_a_qr_that_decodes_to_a_valid_code-share-qr share-qr
copy test_two_columns_on_a_laptop_one_on_a_phone-laptop-first-screen reader-valid
copy test_a_note_goes_from_the_reader_to_the_wallet_and_on_signed-note-qr note-qr
copy test_a_note_goes_from_the_reader_to_the_wallet_and_on_signed-note-receive note-receive
copy test_a_note_goes_from_the_reader_to_the_wallet_and_on_signed-reader-signed reader-signed
copy 'test_a_link_opens_to_valid_with_name_and_diagnoses_in_view[1280px]-static-reader' static-reader
copy test_home_asks_where_the_patient_lives_once_and_then_shows_their_regions_number-home-region-chosen home-region
copy test_a_new_phone_opens_a_copy_of_the_wallet_and_keeps_it-wallet-restore wallet-restore
copy test_back_from_a_half_filled_form_asks_first-leave-form leave-form
