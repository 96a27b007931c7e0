# A Japanese revenue sentence whose words for a rise say 減少: every quarter
# whose revenues went up would print a decrease
sed -i 's|{7}の{6}から{5, select, increase {{4}増加}|{7}の{6}から{5, select, increase {{4}減少}|' "$LOCALES/ja.xlf"
MARK='{7}の{6}から{5, select, increase {{4}減少}'
MARKFILE="$LOCALES/ja.xlf"
