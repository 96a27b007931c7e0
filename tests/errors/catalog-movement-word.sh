# An English net income sentence that calls a return to profit a decrease
sed -i 's|to_profit {a return to profit}|to_profit {a decrease}|g' "$LOCALES/en.xlf"
MARK='to_profit {a decrease}'
MARKFILE="$LOCALES/en.xlf"
