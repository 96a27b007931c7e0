# a named argument, which ICU's C API would print as the first argument
sed -i 's|<target>{0}百万円</target>|<target>{amount}百万円</target>|' "$LOCALES/ja.xlf"
MARK='{amount}百万円'
MARKFILE="$LOCALES/ja.xlf"
