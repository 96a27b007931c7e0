# found by fuzz_message: a pattern ICU rejects for an unknown argument type
# ("selcect"); the formatter ICU hands back with the error was leaked
sed -i 's|{3, select, increase {an increase of {2}}|{3, selcect, increase {an increase of {2}}|' "$LOCALES/en.xlf"
MARK='{3, selcect, increase'
MARKFILE="$LOCALES/en.xlf"
