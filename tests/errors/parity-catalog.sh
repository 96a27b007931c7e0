# a Japanese catalog message that adds a digit to every amount in millions:
# the figures no longer say their values (language parity), standing
# alone or inside the summary's generated sentences
sed -i 's|<target>{0}百万円</target>|<target>{0}0百万円</target>|' "$LOCALES/ja.xlf"
