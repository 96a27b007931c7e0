# a convenience rate dated after the quarter: a warning naming the
# quarter's last day, the usual date of the rate
sed -i 's|<convenience currency="USD" rate="109.43" date="2004-06-30"/>|<convenience currency="USD" rate="109.43" date="2004-07-30"/>|' "$BOOK/periods/2004-q1.xml"
